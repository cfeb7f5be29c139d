package io.leadplatform.lead.rest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadplatform.lead.config.ApiConfig;
import io.leadplatform.support.problem.Problem;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The HTTP body limit is raised for CSV imports, so JSON requests get their own, stricter one: a declared
 * length over it is refused with 413 before the body is read, and the JSON parser caps document size,
 * string length and nesting for bodies sent without a length.
 */
@ApplicationScoped
public class CaptureBodyLimit {

    private static final String TOO_LARGE = "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
            + "\"detail\":\"the request body is too large\"}";

    private final long maxJsonBytes;

    public CaptureBodyLimit(ApiConfig config) {
        this.maxJsonBytes = config.jsonMaxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String path = ctx.normalizedPath();
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && !path.startsWith("/api/imports") && !path.startsWith("/api/campaigns")
                    && tooLarge(length)) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(TOO_LARGE);
                return;
            }
            ctx.next();
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxJsonBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Singleton
    static class JsonLimits implements ObjectMapperCustomizer {

        private final ApiConfig config;

        JsonLimits(ApiConfig config) {
            this.config = config;
        }

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(config.jsonMaxBodySize().asLongValue())
                    .maxStringLength(200_000)
                    .maxNestingDepth(64)
                    .build());
        }
    }
}
