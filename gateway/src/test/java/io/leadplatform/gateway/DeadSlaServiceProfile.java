package io.leadplatform.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Points the SLA service at a port where nothing listens. */
public class DeadSlaServiceProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.services.sla", "http://localhost:" + StubBackends.DEAD_PORT);
    }
}
