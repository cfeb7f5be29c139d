package io.leadplatform.routing.domain;

/** Routing cannot place a lead: no active policy, no eligible rule, or no active member in the queue. */
public class RoutingException extends RuntimeException {

    public RoutingException(String message) {
        super(message);
    }
}
