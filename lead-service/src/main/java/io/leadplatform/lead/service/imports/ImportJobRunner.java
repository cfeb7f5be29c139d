package io.leadplatform.lead.service.imports;

import io.leadplatform.lead.config.ImportConfig;
import io.leadplatform.lead.domain.ImportJob;
import io.leadplatform.lead.domain.ImportJobRepository;
import io.leadplatform.lead.domain.ImportKind;
import io.leadplatform.lead.service.CsvRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs CSV imports in the background, in batches of one transaction each (the rows' leads, events and outbox
 * messages commit together with the job's progress); the row importer of the job's kind stores the rows, and a bad
 * row becomes a row error.
 * <p>
 * Jobs are durable: the CSV is kept with the job until it ends, and a job is run by whichever instance claims it
 * ({@code FOR UPDATE SKIP LOCKED}) under a lease that the instance renews while it is alive. Each batch commits only
 * if the job is still leased to its worker and its progress is where the worker expects it, so a job whose process
 * died is resumed by the next claimant from the last committed row, and two instances never both commit a batch.
 */
@ApplicationScoped
public class ImportJobRunner {

    /** The failure of a job that was interrupted before its CSV was kept (jobs from before V4). */
    static final String LOST_INPUT = "interrupted: the process running it stopped and the CSV was not kept; "
            + "import the file again (rows already imported are not duplicated)";

    private static final Logger LOG = Logger.getLogger(ImportJobRunner.class);

    /** The job is no longer this worker's: its lease ran out and another run claimed it. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost(String message) {
            super(message, null, false, false);
        }
    }

    private record Claim(UUID id, ImportKind kind, int processed, boolean resumed) {
    }

    private final ImportJobRepository jobs;
    private final Map<ImportKind, RowImporter> importers = new EnumMap<>(ImportKind.class);
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

    public ImportJobRunner(ImportJobRepository jobs, Instance<RowImporter> importers, ImportConfig config,
            Clock clock) {
        this.jobs = jobs;
        importers.forEach(importer -> this.importers.put(importer.kind(), importer));
        this.config = config;
        this.clock = clock;
        for (ImportKind kind : ImportKind.values()) {
            if (!this.importers.containsKey(kind)) {
                throw new IllegalStateException("no row importer for " + kind);
            }
        }
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

    /** Has the worker look for jobs now rather than at the next poll. */
    void wake() {
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
                        job.kind.code(), job.processed, job.total, job.leaseOwner);
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
            RowImporter importer = importers.get(claim.kind());
            List<CsvRows.Row> rows = CsvRows.parse(body, claim.kind().columns()).rows();
            for (int from = claim.processed(); from < rows.size(); from += config.batchSize()) {
                if (stopping) {
                    release(jobId);
                    LOG.infof("import %s: stopped after row %d, another run will resume it", jobId, from);
                    return;
                }
                List<CsvRows.Row> batch = rows.subList(from, Math.min(rows.size(), from + config.batchSize()));
                int offset = from;
                try {
                    QuarkusTransaction.requiringNew().run(() -> record(own(jobId, offset), importer.importRows(batch)));
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
                                    importer.importRows(List.of(row))));
                        } catch (LeaseLost lost) {
                            throw lost;
                        } catch (RuntimeException rowFailure) {
                            QuarkusTransaction.requiringNew().run(() -> record(own(jobId, at),
                                    List.of(RowResult.rejected(row.line(), "could not be stored"))));
                        }
                    }
                }
            }
            finish(jobId, rows.size(), ImportJob.Status.DONE, null);
            LOG.infof("import %s (%s) done: %d rows%s", jobId, claim.kind().code(), rows.size(),
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
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                host = "unknown";
            }
        }
        return host.length() > 60 ? host.substring(0, 60) : host;
    }
}
