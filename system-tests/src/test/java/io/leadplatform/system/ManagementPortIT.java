package io.leadplatform.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadplatform.system.RunningPlatform.gatewayUrl;
import static io.leadplatform.system.RunningPlatform.managementUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The packaged jars serve /q/health and /q/metrics on their management port (HTTP port + 1000 here, 9080-9084 by
 * default) without a token, and not on the API port; OpenAPI stays on the API port, where the gateway fetches it.
 */
@ExtendWith(RunningPlatform.class)
class ManagementPortIT {

    @ParameterizedTest
    @CsvSource({"gateway, 28080", "lead-service, 28081", "scoring-service, 28082", "routing-service, 28083",
            "sla-service, 28084"})
    void healthAndMetricsAreOnTheManagementPortOnly(String service, int port) {
        for (String probe : new String[] {"live", "ready", "started"}) {
            given().get(managementUrl(port) + "/q/health/" + probe).then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
        given().get(managementUrl(port) + "/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));

        String api = "http://localhost:" + port;
        given().get(api + "/q/health/ready").then().statusCode(not(equalTo(200)));
        given().get(api + "/q/metrics").then().statusCode(not(equalTo(200)))
                .body(not(containsString("jvm_memory_used_bytes")));
    }

    @ParameterizedTest
    @CsvSource({"lead-service, 28081", "scoring-service, 28082", "routing-service, 28083", "sla-service, 28084"})
    void eachServicesReadinessIncludesItsOutboxPublishersChannelToTheBroker(String service, int port) {
        given().get(managementUrl(port) + "/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox publisher' }.status", equalTo("UP"));
    }

    @ParameterizedTest
    @CsvSource({"lead-service, 28081", "scoring-service, 28082", "routing-service, 28083", "sla-service, 28084"})
    void eachServiceServesItsOpenApiOnItsApiPortNotOnTheManagementPort(String service, int port) {
        given().get("http://localhost:" + port + "/q/openapi?format=json").then().statusCode(200)
                .body("openapi", containsString("3."));
        given().get(managementUrl(port) + "/q/openapi").then().statusCode(404);
    }

    @Test
    void theGatewayServesTheMergedOpenApiOnItsApiPortNotOnTheManagementPort() {
        given().get(gatewayUrl() + "/q/openapi").then().statusCode(200).body("paths", not(equalTo(null)));
        given().get(managementUrl(RunningPlatform.GATEWAY_PORT) + "/q/openapi").then().statusCode(404);
    }
}
