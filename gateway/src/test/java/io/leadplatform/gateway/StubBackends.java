package io.leadplatform.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Four stub services on the ports of {@code %test.gateway.services.*}. Each echoes what it received as JSON, serves a
 * tiny OpenAPI document at {@code /q/openapi?format=json}, delays its answer by {@code X-Stub-Delay-Ms}, and reports at
 * {@code /__stub/seen?probe=} how many requests it received whose URI contained the probe.
 */
public class StubBackends implements QuarkusTestResourceLifecycleManager {

    public static final Map<String, Integer> PORTS = Map.of(
            "lead", 18181, "scoring", 18182, "routing", 18183, "sla", 18184);
    /** Configured nowhere as a listener: the dead-backend profile points a service here. */
    public static final int DEAD_PORT = 18189;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        List<Future<HttpServer>> listening = new ArrayList<>();
        PORTS.forEach((service, port) -> {
            Queue<String> seen = new ConcurrentLinkedQueue<>();
            listening.add(vertx.createHttpServer()
                    .requestHandler(request -> handle(service, seen, request))
                    .listen(port));
        });
        await(Future.all(listening));
        return Map.of();
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }

    private static void await(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stub backends failed", e);
        }
    }

    private void handle(String service, Queue<String> seen, HttpServerRequest request) {
        if (request.path().equals("/__stub/seen")) {
            String probe = request.getParam("probe");
            long count = seen.stream().filter(uri -> uri.contains(probe)).count();
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("count", count).encode());
            return;
        }
        seen.add(request.uri());
        if (request.path().equals("/q/openapi")) {
            if ("json".equals(request.getParam("format"))) {
                request.response().putHeader("Content-Type", "application/json").end(openApi(service).encode());
            } else {
                request.response().putHeader("Content-Type", "application/yaml").end("openapi: 3.1.0\n");
            }
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            JsonObject echo = new JsonObject()
                    .put("service", service)
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("path", request.path())
                    .put("headers", headers)
                    .put("body", body.toString());
            long delay = Long.parseLong(request.headers().get("X-Stub-Delay-Ms") == null
                    ? "0" : request.headers().get("X-Stub-Delay-Ms"));
            if (delay > 0) {
                vertx.setTimer(delay, t -> respond(request, echo));
            } else {
                respond(request, echo);
            }
        });
    }

    private static void respond(HttpServerRequest request, JsonObject echo) {
        String location = request.headers().get("X-Stub-Location");
        if (location != null) {
            // As a service answers a created job: an absolute URL of its own.
            request.response().putHeader("Location", "http://localhost:" + request.localAddress().port() + location);
        }
        if (!request.response().closed()) {
            request.response().putHeader("Content-Type", "application/json").end(echo.encode());
        }
    }

    private static JsonObject openApi(String service) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject()
                .put("Problem", new JsonObject().put("type", "object").put("x-from", service));
        switch (service) {
            case "lead" -> {
                paths.put("/api/leads", operation("searchLeads")).put("/api/leads/{id}", operation("getLead"))
                        .put("/internal/outbox", operation("internal"));
                schemas.put("Lead", new JsonObject().put("type", "object"));
            }
            case "scoring" -> {
                paths.put("/api/scoring/models", operation("listModels"))
                        .put("/api/leads/{id}/score", operation("explainScore"));
                schemas.put("ScoringModel", new JsonObject().put("type", "object"));
            }
            case "routing" -> {
                paths.put("/api/routing/queues", operation("listQueues")).put("/api/me/leads", operation("myLeads"))
                        .put("/api/leads/{id}/touch", operation("touch"));
                schemas.put("Queue", new JsonObject().put("type", "object"));
            }
            case "sla" -> {
                paths.put("/api/sla/policies", operation("listSlaPolicies"));
                schemas.put("SlaPolicy", new JsonObject().put("type", "object"));
            }
            default -> throw new IllegalArgumentException(service);
        }
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Lead Platform: " + service).put("version", "1"))
                .put("paths", paths)
                .put("components", new JsonObject()
                        .put("schemas", schemas)
                        .put("securitySchemes", new JsonObject().put("SecurityScheme",
                                new JsonObject().put("type", "http").put("scheme", "bearer"))))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)));
    }

    private static JsonObject operation(String id) {
        return new JsonObject().put("get", new JsonObject().put("operationId", id)
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK"))));
    }
}
