package io.leadplatform.lead.service.imports;

import io.leadplatform.lead.api.CaptureLead;
import io.leadplatform.lead.api.CaptureResult;
import io.leadplatform.lead.domain.ImportKind;
import io.leadplatform.lead.service.CsvRows;
import io.leadplatform.lead.service.LeadCaptureService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Rows of leads.csv (plus an optional phone column), captured as the API captures a lead: normalised, deduplicated. */
@ApplicationScoped
public class LeadRowImporter implements RowImporter {

    private final LeadCaptureService capture;
    private final Validator validator;
    private final Clock clock;

    public LeadRowImporter(LeadCaptureService capture, Validator validator, Clock clock) {
        this.capture = capture;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.LEADS;
    }

    @Override
    public List<RowResult> importRows(List<CsvRows.Row> batch) {
        List<RowResult> results = new ArrayList<>(batch.size());
        List<CaptureLead> valid = new ArrayList<>();
        List<Integer> validAt = new ArrayList<>();
        for (CsvRows.Row row : batch) {
            try {
                valid.add(RowImporter.valid(validator, command(row)));
                validAt.add(results.size());
                results.add(null);
            } catch (IllegalArgumentException e) {
                results.add(RowResult.rejected(row.line(), e.getMessage()));
            }
        }
        List<CaptureResult> captured = capture.captureBatch(valid, clock.instant(), "import");
        for (int i = 0; i < captured.size(); i++) {
            int at = validAt.get(i);
            int line = batch.get(at).line();
            results.set(at, captured.get(i).merged() ? RowResult.merged(line) : RowResult.accepted(line));
        }
        return results;
    }

    private static CaptureLead command(CsvRows.Row row) {
        row.requireComplete();
        return new CaptureLead(row.get("external_id"), row.get("email"), row.get("phone"), row.get("first_name"),
                row.get("last_name"), row.get("company"), row.get("domain"), row.get("job_title"),
                row.get("industry"), row.parsed("employees", Integer::valueOf),
                row.parsed("annual_budget_usd", Long::valueOf), row.get("country"), row.get("region"),
                row.list("technologies"), row.list("interests"), row.get("source_direction"), row.get("channel"),
                row.get("source"), row.get("campaign"), row.get("utm_source"), row.get("utm_medium"),
                row.get("utm_campaign"), row.bool("consent_marketing"), row.bool("consent_contact"), null, null,
                row.parsed("captured_at", OffsetDateTime::parse));
    }
}
