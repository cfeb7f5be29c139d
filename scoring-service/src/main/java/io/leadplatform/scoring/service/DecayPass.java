package io.leadplatform.scoring.service;

import com.google.common.collect.Lists;
import io.leadplatform.scoring.config.ScoringConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Honours decay as time passes: leads with recent engagement are re-evaluated with the active model, and those whose
 * engagement moved or that now meet (or no longer meet) a stage criterion get a new score, so a lead that decays to,
 * or recovers across, a threshold is seen without waiting for its next event.
 */
@ApplicationScoped
public class DecayPass {

    private static final Logger LOG = Logger.getLogger(DecayPass.class);

    private final ScoringBatches batches;
    private final ScoringConfig config;
    private final Clock clock;

    public DecayPass(ScoringBatches batches, ScoringConfig config, Clock clock) {
        this.batches = batches;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "decay-pass", every = "${scoring.decay-pass.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Runs one pass now; returns how many leads got a new score. */
    public int run() {
        List<UUID> candidates = batches.leadsEngagedSince(clock.instant().minus(config.decayPass().lookback()));
        int stored = 0;
        for (List<UUID> batch : Lists.partition(candidates, config.rescore().batchSize())) {
            stored += batches.reevaluate(batch, config.decayPass().minChange());
        }
        LOG.debugf("decay pass: %d of %d recently engaged leads re-scored", stored, candidates.size());
        return stored;
    }
}
