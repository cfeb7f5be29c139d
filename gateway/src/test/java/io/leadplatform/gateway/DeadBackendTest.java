package io.leadplatform.gateway;

import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(DeadSlaServiceProfile.class)
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadBackendTest {

    @Test
    void anUnreachableBackendAnswers502ProblemJson() {
        given().auth().oauth2(KeycloakTokens.of("mara"))
                .get("/api/sla/policies")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Gateway"))
                .body("status", equalTo(502))
                .body("detail", containsString("sla"));
    }

    @Test
    void theOtherBackendsStillAnswer() {
        given().auth().oauth2(KeycloakTokens.of("mara"))
                .get("/api/leads")
                .then().statusCode(200)
                .body("service", equalTo("lead"));
    }

    @Test
    void theOpenApiDocumentListsTheDeadServiceAndKeepsTheOthers() {
        JsonPath doc = given().get("/q/openapi")
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(doc.getList("x-unavailable-services", String.class)).containsExactly("sla");
        assertThat(doc.getMap("paths")).containsKeys("/api/leads", "/api/scoring/models", "/api/routing/queues")
                .doesNotContainKey("/api/sla/policies");
        assertThat(doc.getMap("components.schemas")).doesNotContainKey("SlaPolicy");
    }
}
