package io.leadplatform.system;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Extra packaged instances of one service, on a database and vhost of their own, started one after the other: the
 * first cleans the database, the next ones find it migrated. Their logs go to target/platform-logs.
 */
final class Replicas implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));

    private final List<Process> processes = new ArrayList<>();
    private final String db;

    private Replicas(String db) {
        this.db = db;
    }

    /**
     * {@code portVariable} is the service's port setting, such as ROUTING_SERVICE_PORT; each instance's management
     * port is its HTTP port + 1000 ({@link RunningPlatform#managementPort}).
     */
    static Replicas start(String module, String portVariable, List<Integer> ports, String db, String vhost)
            throws Exception {
        Replicas replicas = new Replicas(db);
        Path logs = Path.of("target/platform-logs");
        Files.createDirectories(logs);
        String java = ProcessHandle.current().info().command().orElse("java");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            for (int i = 0; i < ports.size(); i++) {
                int port = ports.get(i);
                Map<String, String> env = new LinkedHashMap<>();
                env.put(portVariable, String.valueOf(port));
                env.put("MANAGEMENT_PORT", String.valueOf(RunningPlatform.managementPort(port)));
                env.put("DB_NAME", db);
                env.put("RABBITMQ_VHOST", vhost);
                env.put("QUARKUS_FLYWAY_CLEAN_AT_START", String.valueOf(i == 0));
                env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
                String name = module + "-replica-" + (i + 1);
                replicas.processes.add(RunningPlatform.launch(java, ROOT, module, name, env, logs));
                await(name + " ready; logs in " + logs).atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500)).until(() -> RunningPlatform.ready(http, port));
            }
        } catch (Exception | AssertionError e) {
            replicas.close();
            throw e;
        }
        return replicas;
    }

    Connection connect() throws SQLException {
        return connect(db);
    }

    /** A connection to one of the platform's databases, with the same settings as the services. */
    static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "localhost")
                        + ":" + System.getenv().getOrDefault("DB_PORT", "5432") + "/" + db,
                System.getenv().getOrDefault("DB_USER", "leadplatform"),
                System.getenv().getOrDefault("DB_PASSWORD", "leadplatform"));
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
