package io.leadplatform.gateway.proxy;

import io.leadplatform.gateway.StubBackends;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ProxyRoutingTest {

    private static final String TOKEN = KeycloakTokens.of("mara");

    @ParameterizedTest
    @CsvSource({
            "GET, /api/leads, lead",
            "POST, /api/leads, lead",
            "GET, /api/leads/42, lead",
            "DELETE, /api/leads/42, lead",
            "GET, /api/leads/42/score, scoring",
            "POST, /api/leads/42/touch, routing",
            "POST, /api/leads/42/handoff, routing",
            "GET, /api/leads/42/routing, routing",
            "GET, /api/scoring/models, scoring",
            "GET, /api/routing/queues, routing",
            "PUT, /api/routing/queues/7/members, routing",
            "GET, /api/sla/policies, sla",
            "GET, /api/me/leads, routing",
            "POST, /api/imports/leads, lead",
            "POST, /api/campaigns/costs, lead",
            "GET, /api/reports/funnel, lead"
    })
    void routesEachFamilyToItsService(String method, String path, String service) {
        JsonPath echo = given().auth().oauth2(TOKEN)
                .request(method, path)
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(echo.getString("service")).isEqualTo(service);
        assertThat(echo.getString("method")).isEqualTo(method);
        assertThat(echo.getString("uri")).isEqualTo(path);
    }

    @Test
    void forwardsTheTokenAndStripsIdentityHeaders() {
        JsonPath echo = given().auth().oauth2(TOKEN)
                .header("X-Forwarded-User", "admin")
                .header("X-Forwarded-Email", "admin@example.com")
                .header("X-Forwarded-Preferred-Username", "admin")
                .header("X-Auth-Request-User", "admin")
                .header("X-Auth-Request-Email", "admin@example.com")
                .header("X-Remote-User", "admin")
                .header("X-User", "admin")
                .header("X-User-Id", "1")
                .header("X-Userinfo", "eyJzdWIiOiJhZG1pbiJ9")
                .header("X-Roles", "platform-admin")
                .header("Remote-User", "admin")
                .header("Idempotency-Key", "k-123")
                .get("/api/me/leads")
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(echo.getMap("headers")).containsEntry("authorization", "Bearer " + TOKEN)
                .containsEntry("idempotency-key", "k-123")
                .doesNotContainKeys("x-forwarded-user", "x-forwarded-email", "x-forwarded-preferred-username",
                        "x-auth-request-user", "x-auth-request-email", "x-remote-user", "x-user", "x-user-id",
                        "x-userinfo", "x-roles", "remote-user");
    }

    @Test
    void forwardsTheQueryStringAndTheBody() {
        JsonPath echo = given().auth().oauth2(TOKEN)
                .contentType("application/json")
                .body("{\"email\":\"jane@example.com\"}")
                .post("/api/leads?source=web&campaign=q3")
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(echo.getString("uri")).isEqualTo("/api/leads?source=web&campaign=q3");
        assertThat(echo.getString("body")).isEqualTo("{\"email\":\"jane@example.com\"}");
        assertThat(echo.getString("headers.content-type")).startsWith("application/json");
    }

    @Test
    void anUnknownApiPathAnswers404ProblemJson() {
        given().auth().oauth2(TOKEN)
                .get("/api/admin/users")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("type", equalTo("about:blank"));
    }

    @Test
    void anUnknownApiPathStillNeedsAToken() {
        given().get("/api/admin/users").then().statusCode(401);
    }
}
