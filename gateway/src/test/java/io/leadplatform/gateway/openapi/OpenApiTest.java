package io.leadplatform.gateway.openapi;

import io.leadplatform.gateway.StubBackends;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiTest {

    @Test
    void mergesEveryServiceDocumentWithoutAToken() {
        JsonPath doc = given().get("/q/openapi")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();

        assertThat(doc.getString("openapi")).startsWith("3.");
        assertThat(doc.getString("info.title")).isEqualTo("Lead Platform API");
        assertThat(doc.getString("servers[0].url")).isEqualTo("/");
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsOnlyKeys("/api/leads", "/api/leads/{id}", "/api/scoring/models",
                "/api/leads/{id}/score", "/api/routing/queues", "/api/me/leads", "/api/leads/{id}/touch",
                "/api/sla/policies");
        assertThat(doc.getString("paths.'/api/leads/{id}/score'.get.operationId")).isEqualTo("explainScore");
        assertThat(doc.getMap("components.schemas"))
                .containsKeys("Lead", "ScoringModel", "Queue", "SlaPolicy", "Problem");
        assertThat(doc.getString("components.schemas.Problem.x-from")).isEqualTo("lead");
        assertThat(doc.getMap("components.securitySchemes")).containsKey("SecurityScheme");
        assertThat(doc.getList("x-unavailable-services")).isEmpty();
    }

    @Test
    void isServedOnTheFormatQueryToo() {
        given().get("/q/openapi?format=json").then().statusCode(200).contentType("application/json");
    }
}
