package io.leadplatform.support.health;

import io.leadplatform.support.outbox.RabbitMQEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the outbox relay can publish: the messaging connector's readiness covers the consuming channel
 * only. The relay reconnects on its poll, so the check itself never waits on the broker.
 */
@Readiness
@ApplicationScoped
public class OutboxPublisherReadiness implements HealthCheck {

    private final RabbitMQEventPublisher publisher;

    public OutboxPublisherReadiness(RabbitMQEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox publisher").status(publisher.isConnected());
        String error = publisher.lastError();
        return (error == null ? response : response.withData("error", error)).build();
    }
}
