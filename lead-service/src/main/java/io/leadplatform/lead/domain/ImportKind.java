package io.leadplatform.lead.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.List;

/** What a CSV import brings in, with the columns its header must have; stored by its code. */
public enum ImportKind {

    LEADS("leads", List.of("external_id", "email", "first_name", "last_name", "company", "domain", "job_title",
            "industry", "employees", "annual_budget_usd", "country", "region", "technologies", "interests",
            "source_direction", "channel", "source", "campaign", "utm_source", "utm_medium", "utm_campaign",
            "consent_marketing", "consent_contact", "captured_at")),
    EVENTS("events", List.of("external_id", "type", "value", "occurred_at")),
    OUTCOMES("outcomes", List.of("external_id", "outcome", "reason", "decided_at"));

    private final String code;
    private final List<String> columns;

    ImportKind(String code, List<String> columns) {
        this.code = code;
        this.columns = columns;
    }

    /** The name in the API and in the {@code import_job.kind} column. */
    public String code() {
        return code;
    }

    public List<String> columns() {
        return columns;
    }

    public static ImportKind ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no import kind " + code));
    }

    @Converter
    public static class Column implements AttributeConverter<ImportKind, String> {

        @Override
        public String convertToDatabaseColumn(ImportKind kind) {
            return kind == null ? null : kind.code;
        }

        @Override
        public ImportKind convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
