package io.leadplatform.events;

import java.util.List;

/**
 * The account tiers events carry. Ops set a tier per account; an account without one takes the tier its head
 * count implies: {@code ENTERPRISE} from 1,000 employees, {@code MID_MARKET} from 100, else {@code SMB}.
 * {@code STRATEGIC} (named accounts) is only ever set by ops.
 */
public final class AccountTiers {

    public static final String STRATEGIC = "STRATEGIC";
    public static final String ENTERPRISE = "ENTERPRISE";
    public static final String MID_MARKET = "MID_MARKET";
    public static final String SMB = "SMB";

    public static final List<String> ALL = List.of(STRATEGIC, ENTERPRISE, MID_MARKET, SMB);

    public static final int ENTERPRISE_FROM_EMPLOYEES = 1_000;
    public static final int MID_MARKET_FROM_EMPLOYEES = 100;

    private AccountTiers() {
    }

    /** The tier a head count implies; null when it is unknown. */
    public static String byEmployees(Integer employees) {
        if (employees == null || employees < 0) {
            return null;
        }
        if (employees >= ENTERPRISE_FROM_EMPLOYEES) {
            return ENTERPRISE;
        }
        return employees >= MID_MARKET_FROM_EMPLOYEES ? MID_MARKET : SMB;
    }

    public static boolean isTier(String tier) {
        return tier != null && ALL.contains(tier);
    }
}
