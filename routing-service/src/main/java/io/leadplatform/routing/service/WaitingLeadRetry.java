package io.leadplatform.routing.service;

import io.leadplatform.routing.domain.WaitingLeadRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/** Places waiting leads once capacity frees up: a touch, a rejection, a member back from leave, a new member. */
@ApplicationScoped
public class WaitingLeadRetry {

    private static final Logger LOG = Logger.getLogger(WaitingLeadRetry.class);
    static final int BATCH = 100;

    private final WaitingLeadRepository waiting;
    private final RoutingEventHandler routing;

    public WaitingLeadRetry(WaitingLeadRepository waiting, RoutingEventHandler routing) {
        this.waiting = waiting;
        this.routing = routing;
    }

    @Scheduled(every = "${routing.waiting-retry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        List<UUID> leads = QuarkusTransaction.requiringNew().call(() -> waiting.oldest(BATCH));
        int placed = 0;
        for (UUID lead : leads) {
            try {
                // One transaction per lead, so one that still cannot be placed does not hold the others back.
                if (QuarkusTransaction.requiringNew().call(() -> routing.retryWaiting(lead))) {
                    placed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "retrying waiting lead %s failed; next pass tries again", lead);
            }
        }
        if (placed > 0) {
            LOG.infof("%d of %d waiting leads placed", placed, leads.size());
        }
    }
}
