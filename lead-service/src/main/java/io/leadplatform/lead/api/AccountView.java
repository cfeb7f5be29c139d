package io.leadplatform.lead.api;

import java.time.Instant;

/**
 * An account and its tier. {@code tierSource} is SET (ops set it; {@code setBy} and {@code updatedAt} say who and
 * when) or EMPLOYEES (implied by the head count of the account's most recent lead that gave one); both are null when
 * neither is known.
 */
public record AccountView(String domain, String tier, String tierSource, long leadCount, Instant updatedAt,
        String setBy) {

    public static final String SET = "SET";
    public static final String EMPLOYEES = "EMPLOYEES";
}
