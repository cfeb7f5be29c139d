package io.leadplatform.support.testing;

import io.restassured.RestAssured;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real tokens from the running Keycloak realm, by password grant on the demo CLI client. */
public final class KeycloakTokens {

    public static final String KEYCLOAK_URL = System.getProperty("keycloak.url",
            System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:8180"));
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    /** An access token for a demo user (password {@code demo}), cached for the test run. */
    public static String of(String user) {
        return CACHE.computeIfAbsent("lead-platform-cli/" + user, k -> passwordGrant("lead-platform-cli", user));
    }

    /** The web-forms client's own token (client credentials, role lead-intake), as a website's backend gets it. */
    public static String webForms() {
        return CACHE.computeIfAbsent("web-forms", k -> RestAssured.given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "web-forms")
                .formParam("client_secret", System.getProperty("web-forms.secret", "web-forms-local-secret"))
                .post(KEYCLOAK_URL + "/realms/lead-platform/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    /** A token minted for a client that is not the platform's audience. */
    public static String foreignAudience(String user) {
        return CACHE.computeIfAbsent("audience-probe/" + user, k -> passwordGrant("audience-probe", user));
    }

    private static String passwordGrant(String client, String user) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", user)
                .formParam("password", "demo")
                .post(KEYCLOAK_URL + "/realms/lead-platform/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
