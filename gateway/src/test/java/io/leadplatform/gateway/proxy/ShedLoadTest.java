package io.leadplatform.gateway.proxy;

import io.leadplatform.gateway.StubBackends;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend that cannot keep up: one connection to it and one request waiting for that connection, so a third
 * request at the same time is answered 503 with Retry-After at once instead of queueing behind the others.
 */
@QuarkusTest
@TestProfile(ShedLoadTest.OneConnectionOneWaiting.class)
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ShedLoadTest {

    public static class OneConnectionOneWaiting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.proxy.max-connections-per-backend", "1",
                    "gateway.proxy.max-waiting-per-backend", "1",
                    "gateway.proxy.request-timeout", "10s");
        }
    }

    @TestHTTPResource("/api/scoring/models")
    URI models;

    @Test
    void aRequestBeyondTheWaitingLimitIsAnswered503WithRetryAfter() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = KeycloakTokens.of("mara");
        // First the gateway's one connection to the service is opened: while it is still connecting, the request
        // that opens it counts as waiting too.
        assertThat(send(client, token, 0).join().statusCode()).isEqualTo(200);

        List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 3)
                .mapToObj(i -> send(client, token, 2000)).toList();
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 200, 503);
        HttpResponse<String> shed = answers.stream().filter(r -> r.statusCode() == 503).findFirst().orElseThrow();
        assertThat(shed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(shed.body()).contains("\"status\":503").contains("scoring service is busy");
    }

    private CompletableFuture<HttpResponse<String>> send(HttpClient client, String token, int delayMs) {
        return client.sendAsync(HttpRequest.newBuilder(models).header("Authorization", "Bearer " + token)
                .header("X-Stub-Delay-Ms", String.valueOf(delayMs)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
