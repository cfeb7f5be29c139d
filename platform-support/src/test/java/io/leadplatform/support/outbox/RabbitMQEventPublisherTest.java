package io.leadplatform.support.outbox;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The relay's publisher against the real RabbitMQ on this machine, on an exchange of its own in the default vhost
 * (so a running platform sees none of it).
 */
class RabbitMQEventPublisherTest {

    private final String exchange = "lead-platform.test-publisher." + UUID.randomUUID();
    private Connection connection;
    private Channel channel;
    private RabbitMQEventPublisher publisher;

    @BeforeEach
    void connect() throws Exception {
        connection = factory(port()).newConnection("publisher-test");
        channel = connection.createChannel();
        publisher = new RabbitMQEventPublisher(factory(port()), exchange, "publisher-test-outbox");
    }

    @AfterEach
    void close() throws Exception {
        publisher.close();
        channel.exchangeDelete(exchange);
        connection.close();
    }

    @Test
    void publishesWithTheTypeAsRoutingKeyAndCompletesOnTheBrokersConfirm() throws Exception {
        publisher.reconnect(); // declares the exchange
        assertThat(publisher.isConnected()).isTrue();
        String queue = watch("lead.captured");
        UUID id = UUID.randomUUID();

        publisher.publish(id, "lead.captured", "{\"id\":\"" + id + "\"}").get(5, TimeUnit.SECONDS);

        GetResponse got = channel.basicGet(queue, true);
        assertThat(got).as("delivered to the queue bound to the type").isNotNull();
        assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"" + id + "\"}");
        assertThat(got.getEnvelope().getRoutingKey()).isEqualTo("lead.captured");
        assertThat(got.getProps().getMessageId()).isEqualTo(id.toString());
        assertThat(got.getProps().getType()).isEqualTo("lead.captured");
        assertThat(got.getProps().getContentType()).isEqualTo("application/cloudevents+json");
        assertThat(got.getProps().getDeliveryMode()).as("persistent").isEqualTo(2);
    }

    @Test
    void aClosedChannelFailsItsUnconfirmedPublishAndTheNextPublishReconnects() throws Exception {
        publisher.reconnect();
        channel.exchangeDelete(exchange); // the broker closes the publisher's channel on its next publish

        CompletableFuture<Void> lost = publisher.publish(UUID.randomUUID(), "lead.scored", "{}");
        assertThatThrownBy(() -> lost.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("NOT_FOUND");

        CompletableFuture<Void> again = publisher.publish(UUID.randomUUID(), "lead.scored", "{}");
        again.get(5, TimeUnit.SECONDS); // a new channel, which declared the exchange again
        assertThat(publisher.isConnected()).isTrue();
        String queue = watch("lead.scored");
        publisher.publish(UUID.randomUUID(), "lead.scored", "{}").get(5, TimeUnit.SECONDS);
        assertThat(channel.messageCount(queue)).isEqualTo(1);
    }

    @Test
    void anUnreachableBrokerFailsPublishesAtOnceAndIsNotRetriedBeforeTheBackoff() throws Exception {
        RabbitMQEventPublisher unreachable = new RabbitMQEventPublisher(factory(1), exchange, "publisher-test-none");

        CompletableFuture<Void> first = unreachable.publish(UUID.randomUUID(), "lead.captured", "{}");
        assertThat(first).isCompletedExceptionally();
        CompletableFuture<Void> second = unreachable.publish(UUID.randomUUID(), "lead.captured", "{}");
        assertThatThrownBy(second::get).hasMessageContaining("next attempt");
        assertThat(unreachable.isConnected()).isFalse();
        assertThat(unreachable.lastError()).contains("Connection refused");
        channel.exchangeDeclare(exchange, "topic", true); // for close()
    }

    private String watch(String routingKey) throws Exception {
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, routingKey);
        return queue;
    }

    private static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672"));
    }

    private static com.rabbitmq.client.ConnectionFactory factory(int port) {
        return RabbitMQEventPublisher.factory(System.getenv().getOrDefault("RABBITMQ_HOST", "localhost"), port,
                System.getenv().getOrDefault("RABBITMQ_USER", "guest"),
                System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"), "/");
    }
}
