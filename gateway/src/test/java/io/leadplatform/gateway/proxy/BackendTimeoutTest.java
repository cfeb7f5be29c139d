package io.leadplatform.gateway.proxy;

import io.leadplatform.gateway.StubBackends;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** {@code %test.gateway.proxy.request-timeout} is 1s. */
@QuarkusTest
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BackendTimeoutTest {

    @Test
    void aBackendSlowerThanTheTimeoutAnswers504ProblemJson() {
        given().auth().oauth2(KeycloakTokens.of("mara"))
                .header("X-Stub-Delay-Ms", "4000")
                .get("/api/scoring/models")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Gateway Timeout"))
                .body("status", equalTo(504))
                .body("detail", containsString("scoring"));
    }

    @Test
    void aBackendWithinTheTimeoutAnswersNormally() {
        given().auth().oauth2(KeycloakTokens.of("mara"))
                .header("X-Stub-Delay-Ms", "200")
                .get("/api/scoring/models")
                .then().statusCode(200)
                .body("service", equalTo("scoring"));
    }
}
