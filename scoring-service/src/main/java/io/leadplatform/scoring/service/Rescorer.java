package io.leadplatform.scoring.service;

import com.google.common.collect.Lists;
import io.leadplatform.scoring.config.ScoringConfig;
import io.leadplatform.scoring.domain.ScoringModel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Rolls a newly activated model out over every stored lead, one batch per transaction, on a thread of its own. */
@ApplicationScoped
public class Rescorer {

    private static final Logger LOG = Logger.getLogger(Rescorer.class);

    private final ScoringBatches batches;
    private final ScoringConfig config;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("model-rescore").daemon().factory());

    public Rescorer(ScoringBatches batches, ScoringConfig config) {
        this.batches = batches;
        this.config = config;
    }

    public Future<?> start(UUID modelId) {
        return executor.submit(() -> run(modelId));
    }

    void run(UUID modelId) {
        try {
            List<UUID> ids = batches.allLeadIds();
            batches.startRescore(modelId, ids.size());
            for (List<UUID> batch : Lists.partition(ids, config.rescore().batchSize())) {
                if (!batches.rescore(modelId, batch)) {
                    return;
                }
            }
            batches.finishRescore(modelId, ScoringModel.RescoreStatus.DONE);
        } catch (RuntimeException e) {
            LOG.errorf(e, "re-scoring with model %s failed", modelId);
            batches.finishRescore(modelId, ScoringModel.RescoreStatus.FAILED);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
