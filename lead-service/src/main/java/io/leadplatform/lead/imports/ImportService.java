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
import io.leadplatform.support.rest.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.stream.Collectors;

/**
 * Runs CSV imports in the background, one job at a time, in batches of one transaction each (the rows' leads,
 * events and outbox messages commit together with the job's progress). A bad row becomes a row error.
 */
@ApplicationScoped
public class ImportService {

    public static final List<String> LEAD_COLUMNS = List.of("external_id", "email", "first_name", "last_name",
            "company", "domain", "job_title", "industry", "employees", "annual_budget_usd", "country", "region",
            "technologies", "interests", "source_direction", "channel", "source", "campaign", "utm_source",
            "utm_medium", "utm_campaign", "consent_marketing", "consent_contact", "captured_at");
    public static final List<String> EVENT_COLUMNS = List.of("external_id", "type", "value", "occurred_at");

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** What one row did; a rejected row carries its reason. */
    private enum Outcome { ACCEPTED, MERGED, REJECTED }

    private record RowResult(int line, Outcome outcome, String reason) {
    }

    private final ImportJobRepository jobs;
    private final LeadRepository leads;
    private final EngagementEventRepository engagements;
    private final LeadService leadService;
    private final Outbox outbox;
    private final Validator validator;
    private final ImportConfig config;
    private final Clock clock;
    // One worker: an import uses one core and leaves the rest to the API.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lead-import");
        t.setDaemon(true);
        return t;
    });

    public ImportService(ImportJobRepository jobs, LeadRepository leads, EngagementEventRepository engagements,
            LeadService leadService, Outbox outbox, Validator validator, ImportConfig config, Clock clock) {
        this.jobs = jobs;
        this.leads = leads;
        this.engagements = engagements;
        this.leadService = leadService;
        this.outbox = outbox;
        this.validator = validator;
        this.config = config;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public ImportJob submit(String kind, String body, String user) {
        CsvRows csv = CsvRows.parse(body, "leads".equals(kind) ? LEAD_COLUMNS : EVENT_COLUMNS);
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.kind = kind;
        job.status = ImportJob.Status.QUEUED.name();
        job.total = csv.rows().size();
        job.createdBy = user;
        job.createdAt = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> jobs.persist(job));
        worker.submit(() -> run(job.id, kind, csv.rows()));
        return job;
    }

    public ImportJob find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.findByIdOptional(id))
                .orElseThrow(() -> ProblemException.notFound("import job " + id));
    }

    private void run(UUID jobId, String kind, List<CsvRows.Row> rows) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = jobs.findById(jobId);
                job.status = ImportJob.Status.RUNNING.name();
                job.startedAt = clock.instant();
            });
            for (int from = 0; from < rows.size(); from += config.batchSize()) {
                List<CsvRows.Row> batch = rows.subList(from, Math.min(rows.size(), from + config.batchSize()));
                List<RowResult> results;
                try {
                    results = QuarkusTransaction.requiringNew().call(() -> record(jobId, process(kind, batch)));
                } catch (RuntimeException e) {
                    // One row broke the batch transaction: redo the batch row by row so the good rows still land.
                    LOG.warnf("import %s: batch at row %d failed (%s), retrying row by row", jobId, from,
                            e.getClass().getSimpleName());
                    for (CsvRows.Row row : batch) {
                        try {
                            QuarkusTransaction.requiringNew().call(() -> record(jobId, process(kind, List.of(row))));
                        } catch (RuntimeException rowFailure) {
                            QuarkusTransaction.requiringNew().call(() -> record(jobId,
                                    List.of(new RowResult(row.line(), Outcome.REJECTED, "could not be stored"))));
                        }
                    }
                }
            }
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = jobs.findById(jobId);
                job.status = ImportJob.Status.DONE.name();
                job.finishedAt = clock.instant();
            });
            LOG.infof("import %s (%s) done: %d rows", jobId, kind, rows.size());
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = jobs.findById(jobId);
                job.status = ImportJob.Status.FAILED.name();
                job.failure = e.getClass().getSimpleName();
                job.finishedAt = clock.instant();
            });
        }
    }

    private List<RowResult> record(UUID jobId, List<RowResult> results) {
        ImportJob job = jobs.findById(jobId);
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
        return results;
    }

    private List<RowResult> process(String kind, List<CsvRows.Row> batch) {
        return "leads".equals(kind) ? leadRows(batch) : eventRows(batch);
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
        return new CaptureLeadRequest(row.get("external_id"), row.get("email"), row.get("first_name"),
                row.get("last_name"), row.get("company"), row.get("domain"), row.get("job_title"),
                row.get("industry"), parse(row, "employees", Integer::valueOf),
                parse(row, "annual_budget_usd", Long::valueOf), row.get("country"), row.get("region"),
                list(row.get("technologies")), list(row.get("interests")), row.get("source_direction"),
                row.get("channel"), row.get("source"), row.get("campaign"), row.get("utm_source"),
                row.get("utm_medium"), row.get("utm_campaign"), bool(row, "consent_marketing"),
                bool(row, "consent_contact"), null, null, parse(row, "captured_at", OffsetDateTime::parse));
    }

    private static String required(CsvRows.Row row, String column) {
        String v = row.get(column);
        if (v == null) {
            throw new IllegalArgumentException(column + ": is required");
        }
        return v;
    }

    private static <T> T parse(CsvRows.Row row, String column, java.util.function.Function<String, T> parser) {
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
