package io.leadplatform.lead.imports;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadEngaged;
import io.leadplatform.lead.domain.EngagementEvent;
import io.leadplatform.lead.domain.EngagementEventRepository;
import io.leadplatform.lead.domain.ImportJob;
import io.leadplatform.lead.domain.ImportJobRepository;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.lead.rest.CaptureLeadRequest;
import io.leadplatform.lead.rest.EngagementRequest;
import io.leadplatform.lead.service.LeadService;
import io.leadplatform.support.outbox.Outbox;
import io.leadplatform.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Runs CSV imports in the background, in batches of one transaction each (the rows' leads, events and outbox
 * messages commit together with the job's progress). A bad row becomes a row error.
 * <p>
 * Jobs are durable: the CSV is kept with the job until it ends, and a job is run by whichever instance claims it
 * ({@code FOR UPDATE SKIP LOCKED}) under a lease that the instance renews while it is alive. Each batch commits only
 * if the job is still leased to its worker and its progress is where the worker expects it, so a job whose process
 * died is resumed by the next claimant from the last committed row, and two instances never both commit a batch.
 */
@ApplicationScoped
public class ImportService {

    public static final List<String> LEAD_COLUMNS = List.of("external_id", "email", "first_name", "last_name",
            "company", "domain", "job_title", "industry", "employees", "annual_budget_usd", "country", "region",
            "technologies", "interests", "source_direction", "channel", "source", "campaign", "utm_source",
            "utm_medium", "utm_campaign", "consent_marketing", "consent_contact", "captured_at");
    public static final List<String> EVENT_COLUMNS = List.of("external_id", "type", "value", "occurred_at");
    public static final List<String> OUTCOME_COLUMNS = List.of("external_id", "outcome", "reason", "decided_at");
    /** The failure of a job that was interrupted before its CSV was kept (jobs from before V4). */
    static final String LOST_INPUT = "interrupted: the process running it stopped and the CSV was not kept; "
            + "import the file again (rows already imported are not duplicated)";

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** What one row did; a rejected row carries its reason. */
    enum Outcome { ACCEPTED, MERGED, REJECTED }

    record RowResult(int line, Outcome outcome, String reason) {
    }

    /** The job is no longer this worker's: its lease ran out and another run claimed it. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost(String message) {
            super(message, null, false, false);
        }
    }

    private record Claim(UUID id, String kind, int processed, boolean resumed) {
    }

    private final ImportJobRepository jobs;
    private final LeadRepository leads;
    private final EngagementEventRepository engagements;
    private final LeadService leadService;
    private final OutcomeImport outcomes;
    private final Outbox outbox;
    private final Validator validator;
    private final ImportConfig config;
    private final Clock clock;
    /** Who holds a lease: unique per process, so a restarted instance does not mistake a dead run for its own. */
    private final String instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private volatile boolean stopping;
    // One worker: an import uses one core and leaves the rest to the API.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lead-import");
        t.setDaemon(true);
        return t;
    });

    public ImportService(ImportJobRepository jobs, LeadRepository leads, EngagementEventRepository engagements,
            LeadService leadService, OutcomeImport outcomes, Outbox outbox, Validator validator, ImportConfig config,
            Clock clock) {
        this.jobs = jobs;
        this.leads = leads;
        this.engagements = engagements;
        this.leadService = leadService;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.validator = validator;
        this.config = config;
        this.clock = clock;
    }

    /** Picks up jobs that were queued or running when the previous process stopped. */
    void onStart(@Observes StartupEvent start) {
        wake();
    }

    /** Lets the running batch finish and hands the job back (lease released) so the next instance resumes it. */
    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(20, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Renews this instance's leases and claims queued or abandoned jobs (a submit wakes the worker at once). */
    @Scheduled(every = "${imports.poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        renewLeases();
        wake();
    }

    public ImportJob submit(String kind, String body, String user) {
        CsvRows csv = CsvRows.parse(body, columns(kind));
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
        wake();
        return job;
    }

    public ImportJob find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.findByIdOptional(id))
                .orElseThrow(() -> ProblemException.notFound("import job " + id));
    }

    private static List<String> columns(String kind) {
        return switch (kind) {
            case "leads" -> LEAD_COLUMNS;
            case "events" -> EVENT_COLUMNS;
            case "outcomes" -> OUTCOME_COLUMNS;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private void wake() {
        if (!stopping && drainPending.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drainPending.set(false); // shutting down
            }
        }
    }

    private void drain() {
        drainPending.set(false);
        try {
            Claim claim;
            while (!stopping && (claim = claim()) != null) {
                run(claim);
            }
        } catch (RuntimeException e) {
            LOG.errorf("import worker: %s; will retry at the next poll", e.getClass().getSimpleName());
        }
    }

    /** Takes the oldest job that is queued, or running under a lease that has run out (its process died). */
    private Claim claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<?> ids = jobs.getEntityManager().createNativeQuery("SELECT id FROM import_job WHERE status = 'QUEUED' "
                            + "OR (status = 'RUNNING' AND (lease_until IS NULL OR lease_until < :now)) "
                            + "ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                    .setParameter("now", now).getResultList();
            if (ids.isEmpty()) {
                return null;
            }
            ImportJob job = jobs.findById((UUID) ids.get(0));
            boolean resumed = ImportJob.Status.RUNNING.name().equals(job.status);
            if (resumed) {
                LOG.infof("import %s (%s): resuming after row %d of %d, its previous run (%s) stopped", job.id,
                        job.kind, job.processed, job.total, job.leaseOwner);
            }
            job.status = ImportJob.Status.RUNNING.name();
            job.startedAt = job.startedAt == null ? now : job.startedAt;
            job.leaseOwner = instance;
            job.leaseUntil = now.plus(config.lease());
            job.attempts++;
            return new Claim(job.id, job.kind, job.processed, resumed);
        });
    }

    private void renewLeases() {
        // SKIP LOCKED: a job whose batch is committing is renewed by that commit.
        QuarkusTransaction.requiringNew().run(() -> jobs.getEntityManager().createNativeQuery(
                        "UPDATE import_job SET lease_until = :until WHERE id IN (SELECT id FROM import_job "
                                + "WHERE lease_owner = :me AND status = 'RUNNING' FOR UPDATE SKIP LOCKED)")
                .setParameter("until", clock.instant().plus(config.lease())).setParameter("me", instance)
                .executeUpdate());
    }

    private void run(Claim claim) {
        UUID jobId = claim.id();
        try {
            String body = QuarkusTransaction.requiringNew().call(() -> {
                List<?> found = jobs.getEntityManager()
                        .createNativeQuery("SELECT body FROM import_job_input WHERE job_id = :id")
                        .setParameter("id", jobId).getResultList();
                return found.isEmpty() ? null : (String) found.get(0);
            });
            if (body == null) {
                finish(jobId, claim.processed(), ImportJob.Status.FAILED, LOST_INPUT);
                LOG.warnf("import %s failed: %s", jobId, LOST_INPUT);
                return;
            }
            List<CsvRows.Row> rows = CsvRows.parse(body, columns(claim.kind())).rows();
            for (int from = claim.processed(); from < rows.size(); from += config.batchSize()) {
                if (stopping) {
                    release(jobId);
                    LOG.infof("import %s: stopped after row %d, another run will resume it", jobId, from);
                    return;
                }
                List<CsvRows.Row> batch = rows.subList(from, Math.min(rows.size(), from + config.batchSize()));
                int offset = from;
                try {
                    QuarkusTransaction.requiringNew().run(() -> record(own(jobId, offset), process(claim.kind(),
                            batch)));
                } catch (LeaseLost e) {
                    throw e;
                } catch (RuntimeException e) {
                    // One row broke the batch transaction: redo the batch row by row so the good rows still land.
                    LOG.warnf("import %s: batch at row %d failed (%s), retrying row by row", jobId, from,
                            e.getClass().getSimpleName());
                    for (int i = 0; i < batch.size(); i++) {
                        CsvRows.Row row = batch.get(i);
                        int at = offset + i;
                        try {
                            QuarkusTransaction.requiringNew().run(() -> record(own(jobId, at),
                                    process(claim.kind(), List.of(row))));
                        } catch (LeaseLost lost) {
                            throw lost;
                        } catch (RuntimeException rowFailure) {
                            QuarkusTransaction.requiringNew().run(() -> record(own(jobId, at),
                                    List.of(new RowResult(row.line(), Outcome.REJECTED, "could not be stored"))));
                        }
                    }
                }
            }
            finish(jobId, rows.size(), ImportJob.Status.DONE, null);
            LOG.infof("import %s (%s) done: %d rows%s", jobId, claim.kind(), rows.size(),
                    claim.resumed() ? ", resumed after an interruption" : "");
        } catch (LeaseLost e) {
            LOG.warnf("import %s: %s; stopping here", jobId, e.getMessage());
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof("import %s: interrupted by shutdown (%s), another run will resume it", jobId,
                        e.getClass().getSimpleName());
                return;
            }
            LOG.errorf("import %s failed: %s", jobId, e.getClass().getSimpleName());
            try {
                finish(jobId, -1, ImportJob.Status.FAILED, e.getClass().getSimpleName());
            } catch (RuntimeException notMarked) {
                LOG.warnf("import %s: could not be marked failed (%s); its lease will run out and it will be "
                        + "resumed", jobId, notMarked.getClass().getSimpleName());
            }
        }
    }

    /**
     * Locks the job row for the rest of the transaction and checks that this worker still owns it at the expected
     * row; the lock keeps another instance from claiming it while the batch commits.
     */
    private ImportJob own(UUID jobId, int expectedProcessed) {
        ImportJob job = jobs.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !instance.equals(job.leaseOwner) || !ImportJob.Status.RUNNING.name().equals(job.status)) {
            throw new LeaseLost("the job is now held by " + (job == null ? "nobody" : job.leaseOwner));
        }
        if (expectedProcessed >= 0 && job.processed != expectedProcessed) {
            throw new LeaseLost("the job's progress moved to row " + job.processed + " under another run");
        }
        job.leaseUntil = clock.instant().plus(config.lease());
        return job;
    }

    private void finish(UUID jobId, int expectedProcessed, ImportJob.Status status, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = own(jobId, expectedProcessed);
            job.status = status.name();
            job.failure = failure;
            job.finishedAt = clock.instant();
            job.leaseOwner = null;
            job.leaseUntil = null;
            jobs.getEntityManager().createNativeQuery("DELETE FROM import_job_input WHERE job_id = :id")
                    .setParameter("id", jobId).executeUpdate();
        });
    }

    /** Hands a running job back so that the next claimant resumes it without waiting for the lease to run out. */
    private void release(UUID jobId) {
        QuarkusTransaction.requiringNew().run(() -> jobs.getEntityManager().createNativeQuery(
                        "UPDATE import_job SET lease_until = NULL WHERE id = :id AND lease_owner = :me")
                .setParameter("id", jobId).setParameter("me", instance).executeUpdate());
    }

    private void record(ImportJob job, List<RowResult> results) {
        for (RowResult r : results) {
            job.processed++;
            switch (r.outcome()) {
                case ACCEPTED -> job.accepted++;
                case MERGED -> job.merged++;
                case REJECTED -> {
                    job.rejected++;
                    if (job.errors.size() < config.maxRowErrors()) {
                        job.errors = new ArrayList<>(job.errors);
                        job.errors.add(new ImportJob.RowError(r.line(), r.reason()));
                    }
                }
            }
        }
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException | RuntimeException e) {
                host = "unknown";
            }
        }
        return host.length() > 60 ? host.substring(0, 60) : host;
    }

    private List<RowResult> process(String kind, List<CsvRows.Row> batch) {
        return switch (kind) {
            case "leads" -> leadRows(batch);
            case "events" -> eventRows(batch);
            default -> outcomes.process(batch);
        };
    }

    private List<RowResult> leadRows(List<CsvRows.Row> batch) {
        List<RowResult> results = new ArrayList<>(batch.size());
        List<CaptureLeadRequest> valid = new ArrayList<>();
        List<Integer> validAt = new ArrayList<>();
        for (CsvRows.Row row : batch) {
            try {
                CaptureLeadRequest request = leadRequest(row);
                String invalid = violations(validator.validate(request));
                if (invalid != null) {
                    throw new IllegalArgumentException(invalid);
                }
                validAt.add(results.size());
                valid.add(request);
                results.add(null);
            } catch (IllegalArgumentException e) {
                results.add(new RowResult(row.line(), Outcome.REJECTED, e.getMessage()));
            }
        }
        List<LeadService.CaptureResult> captured = leadService.captureBatch(valid, clock.instant(), "import");
        for (int i = 0; i < captured.size(); i++) {
            int at = validAt.get(i);
            results.set(at, new RowResult(batch.get(at).line(),
                    captured.get(i).merged() ? Outcome.MERGED : Outcome.ACCEPTED, null));
        }
        return results;
    }

    private List<RowResult> eventRows(List<CsvRows.Row> batch) {
        Instant now = clock.instant();
        // Nothing read in this batch depends on rows written in it, so one flush at commit is enough.
        leads.getEntityManager().setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        Map<String, UUID> leadIds = leads.idsByExternalId(batch.stream().map(r -> r.get("external_id"))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        List<RowResult> results = new ArrayList<>(batch.size());
        for (CsvRows.Row row : batch) {
            try {
                if (!row.complete()) {
                    throw new IllegalArgumentException("expected " + row.columns().size() + " columns, got "
                            + row.cells().length);
                }
                String externalId = required(row, "external_id");
                EngagementRequest request = new EngagementRequest(required(row, "type"),
                        parse(row, "value", Double::valueOf), parse(row, "occurred_at", OffsetDateTime::parse));
                String invalid = violations(validator.validate(request));
                if (invalid != null) {
                    throw new IllegalArgumentException(invalid);
                }
                if (request.occurredAt() == null) {
                    throw new IllegalArgumentException("occurred_at: is required");
                }
                UUID leadId = leadIds.get(externalId);
                if (leadId == null) {
                    throw new IllegalArgumentException("external_id: no lead has it");
                }
                EngagementEvent event = new EngagementEvent();
                event.id = UUID.randomUUID();
                event.leadId = leadId;
                event.type = request.type();
                event.value = request.value();
                event.occurredAt = request.occurredAt().toInstant();
                event.receivedAt = now;
                String key = externalId + "|" + event.type + "|" + event.occurredAt;
                if (engagements.insertImported(event, key)) {
                    outbox.append(EventTypes.LEAD_ENGAGED, leadId,
                            new LeadEngaged(leadId, event.id, event.type, event.value, event.occurredAt));
                    results.add(new RowResult(row.line(), Outcome.ACCEPTED, null));
                } else {
                    results.add(new RowResult(row.line(), Outcome.MERGED, null));
                }
            } catch (IllegalArgumentException e) {
                results.add(new RowResult(row.line(), Outcome.REJECTED, e.getMessage()));
            }
        }
        return results;
    }

    private static CaptureLeadRequest leadRequest(CsvRows.Row row) {
        if (!row.complete()) {
            throw new IllegalArgumentException("expected " + row.columns().size() + " columns, got "
                    + row.cells().length);
        }
        return new CaptureLeadRequest(row.get("external_id"), row.get("email"), row.get("phone"), row.get("first_name"),
                row.get("last_name"), row.get("company"), row.get("domain"), row.get("job_title"),
                row.get("industry"), parse(row, "employees", Integer::valueOf),
                parse(row, "annual_budget_usd", Long::valueOf), row.get("country"), row.get("region"),
                list(row.get("technologies")), list(row.get("interests")), row.get("source_direction"),
                row.get("channel"), row.get("source"), row.get("campaign"), row.get("utm_source"),
                row.get("utm_medium"), row.get("utm_campaign"), bool(row, "consent_marketing"),
                bool(row, "consent_contact"), null, null, parse(row, "captured_at", OffsetDateTime::parse));
    }

    static String required(CsvRows.Row row, String column) {
        String v = row.get(column);
        if (v == null) {
            throw new IllegalArgumentException(column + ": is required");
        }
        return v;
    }

    static <T> T parse(CsvRows.Row row, String column, java.util.function.Function<String, T> parser) {
        String v = row.get(column);
        try {
            return v == null ? null : parser.apply(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(column + ": has the wrong type or format");
        }
    }

    private static Boolean bool(CsvRows.Row row, String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(column + ": must be true or false");
        };
    }

    private static List<String> list(String v) {
        return v == null ? null : Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static <T> String violations(Set<ConstraintViolation<T>> violations) {
        if (violations.isEmpty()) {
            return null;
        }
        return violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(Collectors.joining("; "));
    }
}
