package io.leadplatform.system;

import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.leadplatform.system.RunningPlatform.gatewayUrl;
import static io.leadplatform.system.RunningPlatform.serviceUrl;
import static io.restassured.RestAssured.given;

@ExtendWith(RunningPlatform.class)
class SecurityIT {

    @Test
    void noTokenAtTheGatewayIs401() {
        given().contentType(ContentType.JSON).body(Leads.inboundItSecurityLead())
                .post(gatewayUrl() + "/api/leads").then().statusCode(401);
        given().get(gatewayUrl() + "/api/me/leads").then().statusCode(401);
    }

    @Test
    void anXdrCannotCreateAScoringModel() {
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON)
                .body(Map.of("name", "xena's model", "version", "x-1", "definition", Map.of()))
                .post(gatewayUrl() + "/api/scoring/models").then().statusCode(403);
    }

    @ParameterizedTest
    @CsvSource({
            "lead-service, /api/leads/00000000-0000-4000-8000-000000000001",
            "scoring-service, /api/scoring/models",
            "routing-service, /api/me/leads",
            "sla-service, /api/sla/clocks?leadId=00000000-0000-4000-8000-000000000001"})
    void aDirectCallToAServicePortWithoutATokenIs401(String service, String path) {
        given().get(serviceUrl(service) + path).then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.foreignAudience("pat")).get(serviceUrl(service) + path)
                .then().statusCode(401);
    }
}
