package io.leadplatform.gateway.proxy;

import io.leadplatform.gateway.StubBackends;
import io.leadplatform.gateway.Stubs;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Uses the JDK client because REST Assured's client tidies some of these paths before sending them. */
@QuarkusTest
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CanonicalPathRejectionTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TestHTTPResource
    URI base;

    @ParameterizedTest
    @ValueSource(strings = {"/api/leads;x=1", "/api/leads/%2e%2e/admin", "/api/leads%2fx", "/api/leads%5Cx",
            "/api/leads%3bx=1", "/api//leads", "/api/./leads", "/api/le%61ds"})
    void nonCanonicalPathsAnswer400ProblemJsonWithAToken(String path) throws Exception {
        String probe = Stubs.probe();

        HttpResponse<String> response = send("GET", path + "?probe=" + probe, KeycloakTokens.of("mara"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonPath problem = JsonPath.from(response.body());
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("title")).isEqualTo("Bad Request");
        assertThat(problem.getString("type")).isEqualTo("about:blank");
        assertThat(problem.getString("detail")).startsWith("Non-canonical request path");
        assertThat(Stubs.seen("lead", probe)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "DELETE"})
    void nonCanonicalPathsAreRejectedBeforeAuthentication(String method) throws Exception {
        HttpResponse<String> response = send(method, "/api/x;p=1", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private HttpResponse<String> send(String method, String rawPathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        "http://" + base.getHost() + ":" + base.getPort() + rawPathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
