package io.leadplatform.gateway.openapi;

import io.leadplatform.gateway.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Serves the merged OpenAPI document at {@code /q/openapi}; its permission is public in application.properties. */
@ApplicationScoped
public class OpenApiRoute {

    private final OpenApiAggregator aggregator;

    public OpenApiRoute(OpenApiAggregator aggregator) {
        this.aggregator = aggregator;
    }

    void register(@Observes Router router) {
        router.get("/q/openapi").handler(rc -> aggregator.document().onComplete(result -> {
            if (result.succeeded()) {
                rc.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(result.result().toBuffer());
            } else {
                Problems.send(rc.response(), 500, "The OpenAPI document could not be assembled.");
            }
        }));
    }
}
