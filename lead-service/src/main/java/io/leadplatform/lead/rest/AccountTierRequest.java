package io.leadplatform.lead.rest;

/** {@code PUT /api/accounts/{domain}}: the tier to set, one of STRATEGIC, ENTERPRISE, MID_MARKET, SMB. */
public record AccountTierRequest(String tier) {
}
