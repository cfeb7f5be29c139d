package io.leadplatform.gateway.proxy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/leads;x=1", "/api/leads/%2e%2e/admin", "/api/leads/%2E%2E/admin", "/api/leads%2fx",
            "/api/leads%2Fx", "/api/leads%5cx", "/api\\leads", "/api/leads%3bx=1", "/api//leads", "/api/./leads",
            "/api/leads/..", "/api/leads/%252e", "/api/leads/%00"})
    void rejectsAmbiguousPaths(String raw) {
        assertThat(CanonicalPath.violation(raw, raw)).isPresent();
    }

    @Test
    void rejectsAPathThatNormalizesDifferently() {
        assertThat(CanonicalPath.violation("/api/le%61ds", "/api/leads")).isPresent();
    }

    @Test
    void rejectsARequestTargetThatIsNotAPath() {
        assertThat(CanonicalPath.violation(null, null)).isPresent();
        assertThat(CanonicalPath.violation("*", "*")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/leads", "/api/leads/", "/api/leads/3f2b-9a/score", "/api/sla/compliance",
            "/q/openapi", "/api/leads/jane%40example.com"})
    void acceptsCanonicalPaths(String raw) {
        assertThat(CanonicalPath.violation(raw, raw)).isEmpty();
    }
}
