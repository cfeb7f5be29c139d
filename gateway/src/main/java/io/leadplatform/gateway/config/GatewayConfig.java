package io.leadplatform.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Where the four services live and how long the gateway waits for them. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Services services();

    Proxy proxy();

    OpenApi openapi();

    /** Base URL of each service, for example {@code http://lead-service:8081}. */
    interface Services {

        URI lead();

        URI scoring();

        URI routing();

        URI sla();
    }

    interface Proxy {

        /** TCP connect timeout to a backend; a refused or timed-out connect answers 502. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** How long a backend may stay silent once the request is sent; then 504. */
        @WithDefault("30s")
        Duration requestTimeout();

        /** Pooled HTTP/1.1 connections per backend. */
        @WithDefault("64")
        int maxConnectionsPerBackend();

        /**
         * Requests waiting for a connection to one service beyond this many are answered 503 with Retry-After at
         * once, instead of queueing behind a service that cannot keep up until their clients give up.
         */
        @WithDefault("256")
        int maxWaitingPerBackend();
    }

    interface OpenApi {

        /** How long the merged document is served before the backends are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long one backend may take to return its document before it is listed as unavailable. */
        @WithDefault("3s")
        Duration fetchTimeout();

        /** The gateway's public URL, written as the document's only server. */
        @WithDefault("/")
        String serverUrl();

        @WithDefault("0.1.0")
        String version();
    }
}
