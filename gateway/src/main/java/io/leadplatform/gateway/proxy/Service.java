package io.leadplatform.gateway.proxy;

import io.leadplatform.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

/** The backends behind the gateway. */
public enum Service {

    LEAD(GatewayConfig.Services::lead),
    SCORING(GatewayConfig.Services::scoring),
    ROUTING(GatewayConfig.Services::routing),
    SLA(GatewayConfig.Services::sla);

    private final Function<GatewayConfig.Services, URI> baseUrl;

    Service(Function<GatewayConfig.Services, URI> baseUrl) {
        this.baseUrl = baseUrl;
    }

    public URI baseUrl(GatewayConfig config) {
        return baseUrl.apply(config.services());
    }

    /** The name used in logs, problem details and {@code x-unavailable-services}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
