package io.leadplatform.events;

import java.util.Set;
import java.util.function.Predicate;

/** The realm roles that every service reads alike. */
public final class Roles {

    /** Ops, managers, leadership and admins read every lead; anyone else (an XDR) only the leads assigned to them. */
    public static final Set<String> SEE_EVERY_LEAD = Set.of("marketing-ops", "sales-ops", "marketing-manager",
            "sales-manager", "leadership", "platform-admin");

    private Roles() {
    }

    public static boolean seesEveryLead(Predicate<String> hasRole) {
        return SEE_EVERY_LEAD.stream().anyMatch(hasRole);
    }
}
