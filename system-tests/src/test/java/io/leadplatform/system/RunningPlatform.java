package io.leadplatform.system;

import io.leadplatform.support.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Starts the five real service jars once per test run, on ports of their own, against the real PostgreSQL
 * (databases {@code *_system}), RabbitMQ (vhost {@code lead-platform-test-system}) and Keycloak, and stops
 * them when the run ends.
 */
public class RunningPlatform implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    public static final String VHOST = "lead-platform-test-system";
    public static final int GATEWAY_PORT = 28080;
    /** Short enough to watch a breach happen, long enough to touch a lead in time. */
    public static final Duration FIRST_TOUCH_SLA = Duration.ofSeconds(8);

    static final Map<String, Integer> SERVICE_PORTS = new LinkedHashMap<>();

    static {
        SERVICE_PORTS.put("lead-service", 28081);
        SERVICE_PORTS.put("scoring-service", 28082);
        SERVICE_PORTS.put("routing-service", 28083);
        SERVICE_PORTS.put("sla-service", 28084);
    }

    private static RunningPlatform started;
    private final List<Process> processes = new ArrayList<>();

    public static String gatewayUrl() {
        return "http://localhost:" + GATEWAY_PORT;
    }

    /** Captures the lead through the gateway as mara and returns its id. */
    public static String capture(Map<String, Object> lead) {
        return given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(lead)
                .post(gatewayUrl() + "/api/leads")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static String serviceUrl(String service) {
        return "http://localhost:" + SERVICE_PORTS.get(service);
    }

    /**
     * Each instance's management interface (/q/health, /q/metrics) listens on its HTTP port + 1000 (MANAGEMENT_PORT).
     */
    static int managementPort(int httpPort) {
        return httpPort + 1000;
    }

    /** {@code http://localhost:<management port>}: where the instance on {@code httpPort} serves /q/health and /q/metrics. */
    public static String managementUrl(int httpPort) {
        return "http://localhost:" + managementPort(httpPort);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (started != null) {
            return;
        }
        RunningPlatform platform = new RunningPlatform();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningPlatform.class.getName(), platform);
        platform.start();
        started = platform;
    }

    private void start() throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".."));
        Path logs = root.resolve("system-tests/target/platform-logs");
        Files.createDirectories(logs);
        String java = ProcessHandle.current().info().command().orElse("java");
        for (var service : SERVICE_PORTS.entrySet()) {
            String name = service.getKey();
            String db = name.replace('-', '_') + "_system";
            Map<String, String> env = new LinkedHashMap<>();
            env.put(name.replace("-service", "").toUpperCase() + "_SERVICE_PORT", String.valueOf(service.getValue()));
            env.put("MANAGEMENT_PORT", String.valueOf(managementPort(service.getValue())));
            env.put("DB_NAME", db);
            env.put("RABBITMQ_VHOST", VHOST);
            env.put("SLA_FIRST_TOUCH", FIRST_TOUCH_SLA.toString());
            // Every run starts from empty databases, so fixed inputs (bad-inputs.jsonl) never merge with old ones.
            env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
            env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
            processes.add(launch(java, root, name, env, logs));
        }
        Map<String, String> gatewayEnv = new LinkedHashMap<>();
        gatewayEnv.put("GATEWAY_PORT", String.valueOf(GATEWAY_PORT));
        gatewayEnv.put("MANAGEMENT_PORT", String.valueOf(managementPort(GATEWAY_PORT)));
        SERVICE_PORTS.forEach((name, port) ->
                gatewayEnv.put(name.replace('-', '_').toUpperCase() + "_URL", "http://localhost:" + port));
        processes.add(launch(java, root, "gateway", gatewayEnv, logs));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<Integer> ports = new ArrayList<>(SERVICE_PORTS.values());
        ports.add(GATEWAY_PORT);
        org.awaitility.Awaitility.await("the platform's readiness; logs in " + logs)
                .atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (Process p : processes) {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("a service exited during start-up (exit "
                                    + p.exitValue() + "); see " + logs);
                        }
                    }
                    return ports.stream().allMatch(port -> ready(http, port));
                });
    }

    /** Starts a module's packaged jar with the given environment; its output goes to {@code logs/<logName>.log}. */
    static Process launch(String java, Path root, String module, Map<String, String> env, Path logs)
            throws IOException {
        return launch(java, root, module, module, env, logs);
    }

    static Process launch(String java, Path root, String module, String logName, Map<String, String> env, Path logs)
            throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the modules first (./mvnw verify)");
        }
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx192m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(logName + ".log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Whether the instance on HTTP port {@code port} reports ready, on its management port. */
    static boolean ready(HttpClient http, int port) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(managementUrl(port) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
