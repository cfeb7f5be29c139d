package io.leadplatform.lead.service.imports;

/** What one row did; a rejected row carries its reason. */
public record RowResult(int line, Outcome outcome, String reason) {

    public enum Outcome { ACCEPTED, MERGED, REJECTED }

    static RowResult accepted(int line) {
        return new RowResult(line, Outcome.ACCEPTED, null);
    }

    static RowResult merged(int line) {
        return new RowResult(line, Outcome.MERGED, null);
    }

    static RowResult rejected(int line, String reason) {
        return new RowResult(line, Outcome.REJECTED, reason);
    }
}
