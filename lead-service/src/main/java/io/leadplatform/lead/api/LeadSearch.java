package io.leadplatform.lead.api;

import java.time.Instant;

/** Search filters; null means any. {@code assignee} limits an XDR to their own leads. */
public record LeadSearch(String stage, String channel, String campaign, String owningOrg, String queue,
        String account, String email, Instant from, Instant to, String assignee) {

    public static final int MAX_PAGE_SIZE = 200;
}
