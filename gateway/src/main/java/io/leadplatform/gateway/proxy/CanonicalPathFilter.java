package io.leadplatform.gateway.proxy;

import io.leadplatform.gateway.Problems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * Answers 400 to a non-canonical path before CORS, authentication and authorization run, so that no permission
 * rule is ever evaluated against a path that a backend would read differently.
 */
@ApplicationScoped
public class CanonicalPathFilter {

    static final int PRIORITY = SecurityHandlerPriorities.CORS + 100;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        Optional<String> violation = CanonicalPath.violation(rc.request().path(), rc.normalizedPath());
        if (violation.isPresent()) {
            Problems.send(rc.response(), 400, "Non-canonical request path: " + violation.get() + ".");
        } else {
            rc.next();
        }
    }
}
