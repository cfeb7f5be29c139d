package io.leadplatform.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Prometheus scrapes /q/metrics without a token; request timers group by route family. The packaged jar serves it on
 * the management port (system-tests ManagementPortIT); here the management interface is off, so it is on the test port.
 */
@QuarkusTest
class MetricsEndpointTest {

    @Test
    void metricsArePublicToTheScraperAndGroupLeadPathsByFamily() {
        given().get("/api/leads/0b5c6b1e-0000-4000-8000-000000000001").then().statusCode(401);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/api/leads/*\""))
                .body(not(containsString("0b5c6b1e-0000-4000-8000-000000000001")));
    }
}
