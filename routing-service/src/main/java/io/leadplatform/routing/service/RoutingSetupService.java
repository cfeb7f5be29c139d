package io.leadplatform.routing.service;

import io.leadplatform.routing.domain.OwnershipPolicyRepository;
import io.leadplatform.routing.domain.RoutingQueueRepository;
import io.leadplatform.routing.rest.PolicyView;
import io.leadplatform.routing.rest.QueueView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** The queues and ownership policies as configured. */
@ApplicationScoped
public class RoutingSetupService {

    private final RoutingQueueRepository queues;
    private final OwnershipPolicyRepository policies;

    public RoutingSetupService(RoutingQueueRepository queues, OwnershipPolicyRepository policies) {
        this.queues = queues;
        this.policies = policies;
    }

    @Transactional
    public List<QueueView> queues() {
        return queues.listWithMembers().stream().map(RoutingMapper::view).toList();
    }

    @Transactional
    public List<PolicyView> policies() {
        return policies.listWithRules().stream().map(RoutingMapper::view).toList();
    }
}
