package io.leadplatform.gateway;

import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GatewaySecurityTest {

    @Test
    void withoutATokenAnswers401AndNeverCallsTheBackend() {
        String probe = Stubs.probe();

        given().get("/api/leads?probe=" + probe).then().statusCode(401);

        assertThat(Stubs.seen("lead", probe)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
    void everyMethodNeedsAToken(String method) {
        String probe = Stubs.probe();

        given().request(method, "/api/leads/42/accept?probe=" + probe).then().statusCode(401);

        assertThat(Stubs.seen("routing", probe)).isZero();
    }

    @Test
    void aGarbageTokenAnswers401() {
        String probe = Stubs.probe();

        given().auth().oauth2("not-a-jwt").get("/api/sla/policies?probe=" + probe).then().statusCode(401);

        assertThat(Stubs.seen("sla", probe)).isZero();
    }

    @Test
    void aTamperedTokenAnswers401() {
        String token = KeycloakTokens.of("mara");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        String probe = Stubs.probe();

        given().auth().oauth2(tampered).get("/api/leads?probe=" + probe).then().statusCode(401);

        assertThat(Stubs.seen("lead", probe)).isZero();
    }

    @Test
    void aTokenForAnotherAudienceAnswers401() {
        String probe = Stubs.probe();

        given().auth().oauth2(KeycloakTokens.foreignAudience("mara"))
                .get("/api/leads?probe=" + probe)
                .then().statusCode(401);

        assertThat(Stubs.seen("lead", probe)).isZero();
    }

    @Test
    void aValidTokenReachesTheBackend() {
        String probe = Stubs.probe();

        given().auth().oauth2(KeycloakTokens.of("mara"))
                .get("/api/leads?probe=" + probe)
                .then().statusCode(200).body("service", equalTo("lead"));

        assertThat(Stubs.seen("lead", probe)).isEqualTo(1);
    }

    @Test
    void healthIsPublic() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void pathsOutsideApiAndThePublicOnesAreDenied() {
        given().get("/admin").then().statusCode(401);
    }
}
