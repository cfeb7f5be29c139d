package io.leadplatform.support.outbox;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.leadplatform.events.EventTypes;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the relay's events on one AMQP channel in confirm mode, with the RabbitMQ Java client. It replaced the
 * messaging connector's outgoing channel, which read three configuration values for every message it sent (5 to 16 %
 * of each service's CPU samples at 30 leads/s, measured by deploy/bench.sh). It connects with the connector's own settings ({@code rabbitmq-host},
 * {@code -port}, {@code -username}, {@code -password}, {@code -virtual-host}) and declares the exchange as the
 * connector did: durable, topic.
 * <p>
 * A lost connection fails the publishes still awaiting their confirm, so the relay's sweep publishes those rows
 * again; the next publish opens a new connection, at most one attempt per {@link #RECONNECT_BACKOFF}.
 */
@ApplicationScoped
public class RabbitMQEventPublisher implements EventPublisher {

    private static final Logger LOG = Logger.getLogger(RabbitMQEventPublisher.class);
    static final String CONTENT_TYPE = "application/cloudevents+json";
    /** After a failed connect, publishes fail at once for this long rather than each trying again. */
    static final Duration RECONNECT_BACKOFF = Duration.ofSeconds(1);

    private final ConnectionFactory factory;
    private final String exchange;
    private final String connectionName;
    private volatile ConfirmingChannel current; // written under this; read without it by isConnected
    private long retryAt; // guarded by this; System.nanoTime() before which no new connect is tried
    private volatile String lastError = "not connected yet";

    @Inject
    public RabbitMQEventPublisher(
            @ConfigProperty(name = "rabbitmq-host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "rabbitmq-port", defaultValue = "5672") int port,
            @ConfigProperty(name = "rabbitmq-username", defaultValue = "guest") String username,
            @ConfigProperty(name = "rabbitmq-password", defaultValue = "guest") String password,
            @ConfigProperty(name = "rabbitmq-virtual-host", defaultValue = "/") String virtualHost,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this(factory(host, port, username, password, virtualHost), EventTypes.EXCHANGE, application + "-outbox");
    }

    RabbitMQEventPublisher(ConnectionFactory factory, String exchange, String connectionName) {
        this.factory = factory;
        this.exchange = exchange;
        this.connectionName = connectionName;
    }

    static ConnectionFactory factory(String host, int port, String username, String password, String virtualHost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setConnectionTimeout(5_000);
        // This class reconnects on the next publish and fails what the old channel left unconfirmed; the client's
        // own recovery would restart the confirm sequence numbers under the outstanding publishes.
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    /** Connects at startup, so that the first event does not wait for it; a broker not up yet is tried again later. */
    void connectAtStartup(@Observes StartupEvent start) {
        reconnect();
    }

    @Override
    public synchronized void reconnect() {
        if (isConnected()) {
            return;
        }
        try {
            connected();
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.warnf("outbox publisher cannot reach RabbitMQ, the relay tries again: %s", e.toString());
        }
    }

    @Override
    public synchronized CompletableFuture<Void> publish(UUID id, String type, String payload) {
        CompletableFuture<Void> confirm = new CompletableFuture<>();
        try {
            connected().publish(exchange, id, type, payload.getBytes(StandardCharsets.UTF_8), confirm);
        } catch (IOException | TimeoutException | RuntimeException e) {
            confirm.completeExceptionally(e);
        }
        return confirm;
    }

    /** Whether the channel is open; for the readiness check. */
    public boolean isConnected() {
        ConfirmingChannel channel = current;
        return channel != null && channel.channel.isOpen();
    }

    /** Why the publisher is not connected, when it is not. */
    public String lastError() {
        return lastError;
    }

    private synchronized ConfirmingChannel connected() throws IOException, TimeoutException {
        if (current != null && current.channel.isOpen()) {
            return current;
        }
        long now = System.nanoTime();
        if (retryAt != 0 && now - retryAt < 0) {
            throw new IOException("RabbitMQ unreachable, next attempt within " + RECONNECT_BACKOFF + ": " + lastError);
        }
        if (current != null) {
            current.close();
            current = null;
        }
        try {
            Connection connection = factory.newConnection(connectionName);
            try {
                Channel channel = connection.createChannel();
                channel.confirmSelect();
                channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
                current = new ConfirmingChannel(connection, channel);
            } catch (IOException | RuntimeException e) {
                connection.abort();
                throw e;
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            retryAt = now + RECONNECT_BACKOFF.toNanos();
            lastError = e.toString();
            throw e;
        }
        retryAt = 0;
        lastError = null;
        LOG.debugf("outbox publisher connected to RabbitMQ as %s", connectionName);
        return current;
    }

    @PreDestroy
    synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** A channel in confirm mode and the publishes awaiting their confirm, by delivery tag. */
    private static final class ConfirmingChannel implements ConfirmListener {
        final Connection connection;
        final Channel channel;
        final ConcurrentNavigableMap<Long, CompletableFuture<Void>> awaiting = new ConcurrentSkipListMap<>();

        ConfirmingChannel(Connection connection, Channel channel) {
            this.connection = connection;
            this.channel = channel;
            channel.addConfirmListener(this);
            // A closed channel confirms nothing more: its publishes fail, and the relay's sweep repeats them.
            channel.addShutdownListener(this::shutdown);
        }

        void publish(String exchange, UUID id, String type, byte[] body, CompletableFuture<Void> confirm)
                throws IOException {
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .messageId(id.toString())
                    .type(type)
                    .contentType(CONTENT_TYPE)
                    .deliveryMode(2)
                    .build();
            long tag = channel.getNextPublishSeqNo();
            awaiting.put(tag, confirm);
            try {
                channel.basicPublish(exchange, type, false, properties, body);
            } catch (IOException | RuntimeException e) {
                awaiting.remove(tag);
                throw e;
            }
        }

        @Override
        public void handleAck(long tag, boolean multiple) {
            settle(tag, multiple, null);
        }

        @Override
        public void handleNack(long tag, boolean multiple) {
            settle(tag, multiple, new IOException("RabbitMQ rejected the message (basic.nack)"));
        }

        private void settle(long tag, boolean multiple, Exception failure) {
            Map<Long, CompletableFuture<Void>> settled = multiple ? awaiting.headMap(tag, true)
                    : awaiting.subMap(tag, true, tag, true);
            for (var it = settled.values().iterator(); it.hasNext(); ) {
                CompletableFuture<Void> confirm = it.next();
                it.remove();
                if (failure == null) {
                    confirm.complete(null);
                } else {
                    confirm.completeExceptionally(failure);
                }
            }
        }

        private void shutdown(ShutdownSignalException cause) {
            if (!cause.isInitiatedByApplication()) {
                LOG.warnf("outbox publisher lost its RabbitMQ channel (%d publishes unconfirmed): %s",
                        awaiting.size(), cause.getMessage());
            }
            settle(Long.MAX_VALUE, true, cause);
        }

        void close() {
            try {
                connection.close(2_000);
            } catch (IOException | RuntimeException e) {
                connection.abort();
            }
        }
    }
}
