package io.leadplatform.gateway.proxy;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHeadersTest {

    @Test
    void stripsIdentityHeadersInAnyCaseAndKeepsTheRest() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer abc")
                .add("X-Forwarded-User", "admin")
                .add("x-forwarded-email", "admin@example.com")
                .add("X-FORWARDED-PREFERRED-USERNAME", "admin")
                .add("X-Auth-Request-User", "admin")
                .add("X-Auth-Request-Email", "admin@example.com")
                .add("X-Remote-User", "admin")
                .add("X-User", "admin")
                .add("X-User-Id", "1")
                .add("X-Userinfo", "e30")
                .add("X-Roles", "platform-admin")
                .add("Remote-User", "admin")
                .add("Content-Type", "application/json")
                .add("Idempotency-Key", "k-1");

        IdentityHeaders.strip(headers);

        assertThat(headers.names()).containsExactlyInAnyOrder("Authorization", "Content-Type", "Idempotency-Key");
        assertThat(headers.get("authorization")).isEqualTo("Bearer abc");
    }
}
