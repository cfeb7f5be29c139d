package io.leadplatform.gateway.proxy;

import io.leadplatform.gateway.StubBackends;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LocationRewriteTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aBackendsAbsoluteLocationPointsAtTheGateway() {
        String location = given().auth().oauth2(KeycloakTokens.of("mara"))
                .header("X-Stub-Location", "/api/imports/42")
                .get("/api/imports/leads")
                .then().statusCode(200).body("service", equalTo("lead"))
                .extract().header("Location");

        assertThat(location).isEqualTo("http://localhost:" + gateway.getPort() + "/api/imports/42");
    }

    @Test
    void onlyTheBackendsOwnUrlsAreRewritten() {
        Origin lead = Origin.of(URI.create("http://lead:8081"));
        assertThat(LocationRewrite.rewrite("http://lead:8081/api/imports/1", lead, "https://gw.example"))
                .contains("https://gw.example/api/imports/1");
        assertThat(LocationRewrite.rewrite("http://lead:80812/x", lead, "https://gw.example")).isEmpty();
        assertThat(LocationRewrite.rewrite("https://elsewhere.example/x", lead, "https://gw.example")).isEmpty();
        Origin plain = Origin.of(URI.create("http://lead"));
        assertThat(LocationRewrite.rewrite("http://lead/api/x", plain, "http://gw")).isEqualTo(Optional.of("http://gw/api/x"));
    }
}
