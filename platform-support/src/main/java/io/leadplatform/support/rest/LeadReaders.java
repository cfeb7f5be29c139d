package io.leadplatform.support.rest;

import io.quarkus.security.identity.SecurityIdentity;

import java.util.Set;

/** Object-level read access: ops, managers, leadership and admins see every lead; an XDR sees only their own. */
public final class LeadReaders {

    public static final Set<String> SEE_ALL = Set.of("marketing-ops", "sales-ops", "marketing-manager",
            "sales-manager", "leadership", "platform-admin");

    private LeadReaders() {
    }

    /** Null when the caller sees every lead; otherwise the username that reads are limited to. */
    public static String restrictedTo(SecurityIdentity identity) {
        return SEE_ALL.stream().anyMatch(identity::hasRole) ? null : identity.getPrincipal().getName();
    }
}
