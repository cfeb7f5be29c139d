package io.leadplatform.lead;

import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jobs left behind by a process that died, simulated as the rows such a process leaves in the real database: a
 * RUNNING job whose lease has run out is resumed from its last committed row, a live lease of another instance is
 * respected until it runs out, a job queued before the crash still runs, and a job whose CSV was not kept fails
 * with a reason instead of staying RUNNING.
 */
@QuarkusTest
class ImportResumeTest {

    @Inject
    EntityManager em;

    @Test
    void aRunningJobWhoseProcessDiedIsResumedFromItsLastCommittedRow() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(ImportRowErrorsTest.HEADER);
        for (int i = 1; i <= 6; i++) {
            csv.append(row(tag, i));
        }
        // The dead run had committed rows 1-3 (leads and progress together) before it stopped.
        String firstHalf = ImportRowErrorsTest.HEADER + row(tag, 1) + row(tag, 2) + row(tag, 3);
        assertThat(run(firstHalf).getInt("accepted")).isEqualTo(3);
        UUID job = insertJob("RUNNING", csv.toString(), 6, 3, Instant.now().minusSeconds(60));

        JsonPath done = awaitFinished(job);
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getInt("processed")).isEqualTo(6);
        assertThat(done.getInt("accepted")).isEqualTo(6);
        assertThat(done.getInt("merged")).as("rows 1-3 are not processed again").isZero();
        assertThat(done.getInt("attempts")).isEqualTo(2);
        assertThat(leadsOfCampaign(tag)).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM import_job_input WHERE job_id = '" + job + "'"))
                .as("the CSV, which holds emails, is deleted when the job ends").isZero();
    }

    @Test
    void aLiveLeaseOfAnotherInstanceIsRespectedUntilItRunsOut() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = ImportRowErrorsTest.HEADER + row(tag, 1) + row(tag, 2);
        UUID job = insertJob("RUNNING", csv, 2, 0, Instant.now().plusSeconds(600));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
            JsonPath j = status(job);
            return "RUNNING".equals(j.getString("status")) && j.getInt("processed") == 0;
        });
        assertThat(leadsOfCampaign(tag)).isZero();

        // The other instance stops renewing its lease: it died.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE import_job SET lease_until = now() - interval '1 second' WHERE id = :id")
                .setParameter("id", job).executeUpdate());
        JsonPath done = awaitFinished(job);
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getInt("accepted")).isEqualTo(2);
        assertThat(leadsOfCampaign(tag)).isEqualTo(2);
    }

    @Test
    void aWorkerThatLostItsLeaseCommitsNothingMoreAndTheJobIsNotCountedTwice() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(ImportRowErrorsTest.HEADER);
        int rows = 5_000;
        for (int i = 1; i <= rows; i++) {
            csv.append(row(tag, i));
        }
        String location = given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv")
                .body(csv.toString()).post("/api/imports/leads").then().statusCode(202).extract().header("Location");
        UUID job = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(job).getInt("processed") > 0);
        // Another instance took the job over (as if this one had stalled past its lease).
        int taken = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE import_job SET "
                        + "lease_owner = 'other-host/1', lease_until = now() + interval '10 minutes' "
                        + "WHERE id = :id AND status = 'RUNNING'").setParameter("id", job).executeUpdate());
        assertThat(taken).as("the job was still running when taken over").isEqualTo(1);
        int processedWhenTaken = status(job).getInt("processed");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
            JsonPath j = status(job);
            return "RUNNING".equals(j.getString("status")) && j.getInt("processed") == processedWhenTaken;
        });

        // The other instance dies in turn: this one resumes where the committed progress stands.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE import_job SET lease_until = now() - interval '1 second' WHERE id = :id")
                .setParameter("id", job).executeUpdate());
        JsonPath done = awaitFinished(job);
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getInt("processed")).isEqualTo(rows);
        assertThat(done.getInt("accepted") + done.getInt("merged")).isEqualTo(rows);
        assertThat(done.getInt("accepted")).isEqualTo(rows);
        assertThat(leadsOfCampaign(tag)).isEqualTo(rows);
    }

    @Test
    void aJobQueuedBeforeTheCrashStillRuns() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID job = insertJob("QUEUED", ImportRowErrorsTest.HEADER + row(tag, 1), 1, 0, null);
        JsonPath done = awaitFinished(job);
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getInt("accepted")).isEqualTo(1);
        assertThat(done.getInt("attempts")).isEqualTo(1);
    }

    @Test
    void anInterruptedJobWhoseCsvWasNotKeptFailsWithAReason() {
        UUID job = insertJob("RUNNING", null, 20_000, 1_500, Instant.now().minusSeconds(60));
        JsonPath failed = awaitFinished(job);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("failure")).startsWith("interrupted:").contains("import the file again");
        assertThat(failed.getInt("processed")).isEqualTo(1_500);
        assertThat(failed.getString("finishedAt")).isNotNull();
    }

    /** A job row as a dead process leaves it: owned by an instance that no longer exists. */
    private UUID insertJob(String status, String body, int total, int processed, Instant leaseUntil) {
        UUID id = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(120);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO import_job (id, kind, status, total, processed, accepted, created_by, "
                            + "created_at, started_at, lease_owner, lease_until, attempts) VALUES (:id, 'leads', "
                            + ":status, :total, :processed, :processed, 'mara', :created, :started, :owner, :until, "
                            + ":attempts)")
                    .setParameter("id", id).setParameter("status", status).setParameter("total", total)
                    .setParameter("processed", processed).setParameter("created", created)
                    .setParameter("started", "RUNNING".equals(status) ? created : null)
                    .setParameter("owner", "RUNNING".equals(status) ? "dead-host/" + id.toString().substring(0, 8)
                            : null)
                    .setParameter("until", leaseUntil).setParameter("attempts", "RUNNING".equals(status) ? 1 : 0)
                    .executeUpdate();
            if (body != null) {
                em.createNativeQuery("INSERT INTO import_job_input (job_id, body) VALUES (:id, :body)")
                        .setParameter("id", id).setParameter("body", body).executeUpdate();
            }
        });
        return id;
    }

    private static JsonPath awaitFinished(UUID job) {
        JsonPath[] out = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            out[0] = status(job);
            return "DONE".equals(out[0].getString("status")) || "FAILED".equals(out[0].getString("status"));
        });
        return out[0];
    }

    private static JsonPath status(UUID job) {
        return given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/imports/" + job).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath run(String csv) {
        String location = given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv").body(csv)
                .post("/api/imports/leads").then().statusCode(202).extract().header("Location");
        JsonPath[] job = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            job[0] = given().auth().oauth2(KeycloakTokens.of("mara")).get(location).then().statusCode(200)
                    .extract().jsonPath();
            return "DONE".equals(job[0].getString("status"));
        });
        return job[0];
    }

    private long leadsOfCampaign(String tag) {
        return count("SELECT count(*) FROM lead WHERE campaign = 'resume-" + tag + "'");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static String row(String tag, int n) {
        return "R" + tag + n + ",resume" + n + "-" + tag + "@acme.example,Kim,Lee,Acme,acme.example,CTO,SaaS,12,1000,"
                + "US,NA,Okta,automation,inbound,paid,google-ads,resume-" + tag + ",google,cpc,resume-" + tag
                + ",true,true,2025-10-01T09:00:" + String.format("%02d", n % 60) + "Z\n";
    }
}
