package io.leadplatform.lead.api;

import java.util.List;

/** One page of a lead search, newest capture first. */
public record LeadPage(List<LeadSummary> items, int page, int size, long total) {
}
