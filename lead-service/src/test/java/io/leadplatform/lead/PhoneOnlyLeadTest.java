package io.leadplatform.lead;

import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A lead with a phone number and no email is captured, stored in E.164 form and deduplicated on it against other
 * phone-only leads; a lead with neither is refused naming {@code email}; and the number never reaches the logs
 * or the events other services receive.
 */
@QuarkusTest
class PhoneOnlyLeadTest {

    @Inject
    EntityManager em;

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler logTap = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder line = new StringBuilder(String.valueOf(r.getMessage()));
            if (r instanceof org.jboss.logmanager.ExtLogRecord ext) {
                line.append(' ').append(ext.getFormattedMessage());
            }
            if (r.getParameters() != null) {
                line.append(' ').append(Arrays.toString(r.getParameters()));
            }
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            logLines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void tapLogs() {
        logTap.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(logTap);
        Logger.getLogger(PhoneOnlyLeadTest.class.getName()).info("log tap probe");
    }

    @AfterEach
    void untapLogs() {
        Logger.getLogger("").removeHandler(logTap);
    }

    @Test
    void aPhoneOnlyLeadIsCapturedDedupedOnItsNumberAndErased() {
        String digits = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
        String e164 = "+4930" + digits;
        String id = given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("phone", "+49 (30) " + digits.substring(0, 4) + "-" + digits.substring(4),
                        "firstName", "Ada", "company", "Acme", "consentContact", true, "channel", "outbound",
                        "direction", "outbound"))
                .post("/api/leads").then().statusCode(201).body("merged", equalTo(false)).extract().path("id");
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id).then().statusCode(200)
                .body("phone", equalTo(e164)).body("email", nullValue()).body("domain", nullValue())
                .body("stage", equalTo("LEAD"));

        // A colleague who gave an email and the same (switchboard) number is another lead, not a merge.
        Map<String, Object> withEmail = Leads.inboundItSecurityLead();
        withEmail.put("phone", e164);
        String other = LeadResourceTest.capture(withEmail);
        assertThat(other).isNotEqualTo(id);

        // The same number in another international notation merges into the phone-only lead and adds facts.
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("phone", "0049 30 " + digits, "jobTitle", "CFO"))
                .post("/api/leads").then().statusCode(200).body("merged", equalTo(true)).body("id", equalTo(id));
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id).then()
                .body("jobTitle", equalTo("CFO")).body("firstName", equalTo("Ada"));

        // The number stays in lead-service: the events other services receive do not carry it.
        assertThat(count("SELECT count(*) FROM outbox_message WHERE subject = '" + id + "'")).isPositive();
        assertThat(count("SELECT count(*) FROM outbox_message WHERE payload LIKE '%" + digits + "%'")).isZero();

        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id + "/export").then().statusCode(200)
                .body("lead.phone", equalTo(e164));
        given().auth().oauth2(KeycloakTokens.of("mara")).delete("/api/leads/" + id).then().statusCode(204);
        assertThat(count("SELECT count(*) FROM lead WHERE phone = '" + e164 + "'")).as("only the email lead")
                .isEqualTo(1);
        assertThat(logLines).anyMatch(l -> l.contains("log tap probe")).noneMatch(l -> l.contains(digits));
    }

    @Test
    void neitherEmailNorPhoneOrABadPhoneIsRefusedNamingTheField() {
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("company", "X")).post("/api/leads")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("email"))
                .body("errors[0].message", equalTo("is required unless a phone is given"));
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("email", " ", "phone", "")).post("/api/leads")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        for (String bad : List.of("030 12345678", "+49 30", "+49 30 1234 5678 ext 9", "+4930123456789012")) {
            String body = given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                    .body(Map.of("phone", bad)).post("/api/leads")
                    .then().statusCode(400).body("errors[0].field", equalTo("phone")).extract().asString();
            assertThat(body).as("the problem does not echo the number").doesNotContain(bad);
        }
        assertThat(logLines).anyMatch(l -> l.contains("log tap probe")).noneMatch(l -> l.contains("12345678"));
    }

    @Test
    void anImportTakesAnOptionalPhoneColumn() {
        String digits = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
        String tag = digits.substring(0, 6);
        String header = ImportRowErrorsTest.HEADER.strip() + ",phone\n";
        String csv = header
                + "P" + tag + "1,,Kim,Lee,Acme,,CTO,SaaS,12,1000,GB,EMEA,,,outbound,outbound,sdr,phone-" + tag
                + ",,,,,true,2025-10-01T09:00:00Z,+44 20 " + digits + "\n"
                + "P" + tag + "2,,Kim,Lee,Acme,,CTO,SaaS,12,1000,GB,EMEA,,,outbound,outbound,sdr,phone-" + tag
                + ",,,,,true,2025-10-02T09:00:00Z,0044 (20) " + digits + "\n"
                + "P" + tag + "3,,Kim,Lee,Acme,,CTO,SaaS,12,1000,GB,EMEA,,,outbound,outbound,sdr,phone-" + tag
                + ",,,,,true,2025-10-02T09:00:00Z,\n";
        String location = given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv").body(csv)
                .post("/api/imports/leads").then().statusCode(202).extract().header("Location");
        JsonPath[] job = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            job[0] = given().auth().oauth2(KeycloakTokens.of("mara")).get(location).then().statusCode(200)
                    .extract().jsonPath();
            return "DONE".equals(job[0].getString("status"));
        });
        assertThat(job[0].getInt("accepted")).isEqualTo(1);
        assertThat(job[0].getInt("merged")).isEqualTo(1);
        assertThat(job[0].getInt("rejected")).isEqualTo(1);
        assertThat(job[0].getString("errors[0].reason")).isEqualTo("email: is required unless a phone is given");
        assertThat(count("SELECT count(*) FROM lead WHERE phone = '+4420" + digits + "' AND campaign = 'phone-" + tag
                + "'")).isEqualTo(1);
        assertThat(logLines).anyMatch(l -> l.contains("log tap probe")).noneMatch(l -> l.contains(digits));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
