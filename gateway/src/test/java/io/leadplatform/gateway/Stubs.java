package io.leadplatform.gateway;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the stub backends saw, asked over HTTP so that no state crosses class loaders. */
public final class Stubs {

    private Stubs() {
    }

    public static String probe() {
        return UUID.randomUUID().toString();
    }

    /** How many requests the service's stub received whose URI contained the probe. */
    public static int seen(String service, String probe) {
        return given().get("http://localhost:" + StubBackends.PORTS.get(service) + "/__stub/seen?probe=" + probe)
                .then().statusCode(200)
                .extract().path("count");
    }
}
