package io.leadplatform.support.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.leadplatform.events.EventTypes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A plain AMQP client on the real broker, for publishing raw messages and inspecting queues in tests. */
public final class TestBroker implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    private TestBroker(Connection connection) throws IOException {
        this.connection = connection;
        this.channel = connection.createChannel();
        channel.confirmSelect();
    }

    public static TestBroker connect(String vhost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "localhost"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USER", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(vhost);
        try {
            return new TestBroker(factory.newConnection("lead-platform-tests"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach RabbitMQ vhost " + vhost, e);
        }
    }

    /** Publishes raw bytes to the platform exchange, as a producer would, and waits for the confirm. */
    public void publish(String routingKey, byte[] body) {
        try {
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .contentType("application/cloudevents+json").deliveryMode(2)
                    .messageId(UUID.randomUUID().toString()).build();
            channel.basicPublish(EventTypes.EXCHANGE, routingKey, true, props, body);
            channel.waitForConfirmsOrDie(5_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void publish(String routingKey, String body) {
        publish(routingKey, body.getBytes(StandardCharsets.UTF_8));
    }

    public long messageCount(String queue) {
        try {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException e) {
            throw new IllegalStateException("no queue " + queue, e);
        }
    }

    public long consumerCount(String queue) {
        try {
            return channel.queueDeclarePassive(queue).getConsumerCount();
        } catch (IOException e) {
            throw new IllegalStateException("no queue " + queue, e);
        }
    }

    /** Takes every message now in the queue (acknowledged, so they are gone). */
    public List<String> drain(String queue) {
        List<String> bodies = new ArrayList<>();
        try {
            GetResponse r;
            while ((r = channel.basicGet(queue, true)) != null) {
                bodies.add(new String(r.getBody(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bodies;
    }

    /**
     * Reads every message now in the queue without taking it: nothing is acknowledged, and closing the reading
     * channel returns them all to the queue.
     */
    public List<String> peek(String queue) {
        List<String> bodies = new ArrayList<>();
        try (Channel reader = connection.createChannel()) {
            GetResponse r;
            while ((r = reader.basicGet(queue, false)) != null) {
                bodies.add(new String(r.getBody(), StandardCharsets.UTF_8));
            }
        } catch (IOException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
        return bodies;
    }

    /** A server-named, exclusive queue bound to the given routing keys, to watch what the platform publishes. */
    public String tap(String... routingKeys) {
        try {
            String queue = channel.queueDeclare().getQueue();
            for (String key : routingKeys) {
                channel.queueBind(queue, EventTypes.EXCHANGE, key);
            }
            return queue;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // closing on test teardown; nothing to recover
        }
    }
}
