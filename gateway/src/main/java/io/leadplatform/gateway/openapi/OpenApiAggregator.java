package io.leadplatform.gateway.openapi;

import io.leadplatform.gateway.config.GatewayConfig;
import io.leadplatform.gateway.proxy.Origin;
import io.leadplatform.gateway.proxy.Service;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Fetches the services' OpenAPI documents without blocking, merges them and caches the result briefly. */
@ApplicationScoped
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);

    private final GatewayConfig config;
    private final WebClient client;
    private final Map<Service, Origin> origins = new EnumMap<>(Service.class);
    private volatile Cached cached;
    private Future<JsonObject> inFlight;

    public OpenApiAggregator(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout(Math.toIntExact(config.proxy().connectTimeout().toMillis())));
        for (Service service : Service.values()) {
            origins.put(service, Origin.of(service.baseUrl(config)));
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The merged document; concurrent callers during a refresh share one round of fetches. */
    public synchronized Future<JsonObject> document() {
        Cached current = cached;
        if (current != null && System.nanoTime() < current.expiresAt()) {
            return Future.succeededFuture(current.document());
        }
        if (inFlight == null) {
            Future<JsonObject> refresh = refresh();
            inFlight = refresh;
            // Registered after the assignment, so a refresh that has already completed clears it too.
            refresh.onComplete(done -> {
                synchronized (this) {
                    if (inFlight == refresh) {
                        inFlight = null;
                    }
                }
            });
        }
        return inFlight;
    }

    private Future<JsonObject> refresh() {
        List<Future<JsonObject>> fetches = new ArrayList<>();
        for (Service service : Service.values()) {
            fetches.add(fetch(service));
        }
        return Future.join(fetches).transform(ignored -> {
            Map<Service, JsonObject> documents = new EnumMap<>(Service.class);
            List<Service> unavailable = new ArrayList<>();
            for (Service service : Service.values()) {
                Future<JsonObject> fetch = fetches.get(service.ordinal());
                if (fetch.succeeded()) {
                    documents.put(service, fetch.result());
                } else {
                    LOG.warnf("OpenAPI of the %s service is unavailable: %s", service.id(), fetch.cause().toString());
                    unavailable.add(service);
                }
            }
            JsonObject merged = OpenApiMerger.merge(documents, unavailable, config.openapi().serverUrl(),
                    config.openapi().version());
            cached = new Cached(merged, System.nanoTime() + config.openapi().cacheTtl().toNanos());
            return Future.succeededFuture(merged);
        });
    }

    private Future<JsonObject> fetch(Service service) {
        Origin origin = origins.get(service);
        return client.get(origin.port(), origin.host(), origin.uri("/q/openapi"))
                .ssl(origin.ssl())
                .addQueryParam("format", "json")
                .putHeader("Accept", "application/json")
                .timeout(config.openapi().fetchTimeout().toMillis())
                .send()
                .map(response -> parse(service, response));
    }

    private static JsonObject parse(Service service, HttpResponse<?> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service.id() + " answered " + response.statusCode());
        }
        JsonObject document = response.bodyAsJsonObject();
        if (document == null || !(document.getValue("paths") instanceof JsonObject)) {
            throw new IllegalStateException(service.id() + " returned no OpenAPI paths");
        }
        return document;
    }

    private record Cached(JsonObject document, long expiresAt) {
    }
}
