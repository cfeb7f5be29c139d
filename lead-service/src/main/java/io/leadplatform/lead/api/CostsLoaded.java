package io.leadplatform.lead.api;

import java.util.List;

/** What a campaign-costs upload loaded, and its first row errors. */
public record CostsLoaded(int loaded, int rejected, List<RowError> errors) {
}
