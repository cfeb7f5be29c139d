package io.leadplatform.lead.api;

/** A CSV row that was not stored: its line in the file (the header is line 1) and why. */
public record RowError(int line, String reason) {
}
