package io.leadplatform.routing.service;

import io.leadplatform.routing.domain.Assignment;
import io.leadplatform.routing.domain.RoutingQueue;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.Set;

/**
 * Who is asking, and which leads they may see: ops and leadership every lead, a manager the leads of the queues
 * they manage, an XDR the leads of the queues they belong to (and any lead assigned to them).
 */
public record Caller(String username, Scope scope) {

    public enum Scope {
        ALL, MANAGER, XDR
    }

    static final Set<String> SEE_ALL = Set.of("marketing-ops", "sales-ops", "leadership", "platform-admin");
    static final Set<String> MANAGERS = Set.of("marketing-manager", "sales-manager");
    /** Roles that may change who owns a lead. */
    static final Set<String> OPS = Set.of("marketing-ops", "sales-ops", "platform-admin");

    public static Caller of(SecurityIdentity identity) {
        String user = identity.getPrincipal().getName();
        if (SEE_ALL.stream().anyMatch(identity::hasRole)) {
            return new Caller(user, Scope.ALL);
        }
        if (MANAGERS.stream().anyMatch(identity::hasRole)) {
            return new Caller(user, Scope.MANAGER);
        }
        return new Caller(user, Scope.XDR);
    }

    public boolean sees(Assignment assignment) {
        return assignment.isAssignedTo(username) || sees(assignment.queue);
    }

    public boolean sees(RoutingQueue queue) {
        return switch (scope) {
            case ALL -> true;
            case MANAGER -> queue.isManagedBy(username);
            case XDR -> queue.hasMember(username);
        };
    }
}
