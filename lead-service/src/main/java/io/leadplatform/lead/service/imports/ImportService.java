package io.leadplatform.lead.service.imports;

import io.leadplatform.lead.api.ImportJobView;
import io.leadplatform.lead.api.RowError;
import io.leadplatform.lead.domain.ImportJob;
import io.leadplatform.lead.domain.ImportJobRepository;
import io.leadplatform.lead.domain.ImportKind;
import io.leadplatform.lead.service.CsvRows;
import io.leadplatform.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/** Takes CSV imports in as durable jobs, which {@link ImportJobRunner} runs in the background, and reports on them. */
@ApplicationScoped
public class ImportService {

    private final ImportJobRepository jobs;
    private final ImportJobRunner runner;
    private final Clock clock;

    public ImportService(ImportJobRepository jobs, ImportJobRunner runner, Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
    }

    /** Queues the job with its CSV once the header names every column the kind needs (a 400 otherwise). */
    public ImportJobView submit(ImportKind kind, String body, String user) {
        CsvRows csv = CsvRows.parse(body, kind.columns());
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.kind = kind;
        job.status = ImportJob.Status.QUEUED.name();
        job.total = csv.rows().size();
        job.createdBy = user;
        job.createdAt = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            jobs.persist(job);
            jobs.flush();
            jobs.getEntityManager().createNativeQuery("INSERT INTO import_job_input (job_id, body) VALUES (:id, :body)")
                    .setParameter("id", job.id).setParameter("body", body).executeUpdate();
        });
        runner.wake();
        return view(job);
    }

    public ImportJobView find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.findByIdOptional(id).map(ImportService::view))
                .orElseThrow(() -> ProblemException.notFound("import job " + id));
    }

    private static ImportJobView view(ImportJob job) {
        return new ImportJobView(job.id, job.kind.code(), job.status, job.total, job.processed, job.accepted,
                job.merged, job.rejected, job.errors.stream()
                        .map(e -> new RowError(e.line(), e.reason())).toList(),
                job.failure, job.attempts, job.createdAt, job.startedAt, job.finishedAt);
    }
}
