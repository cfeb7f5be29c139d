package io.leadplatform.routing;

import io.leadplatform.routing.domain.OwnershipPolicy;
import io.leadplatform.routing.domain.OwnershipRule;
import io.leadplatform.routing.domain.OwningOrg;
import io.leadplatform.routing.domain.RoutingDecision;
import io.leadplatform.routing.domain.RoutingException;
import io.leadplatform.routing.domain.RoutingFacts;
import io.leadplatform.routing.domain.RoutingQueue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnershipPolicyTest {

    final RoutingQueue inbound = RoutingSetups.queue("inbound-sdr", OwningOrg.MARKETING, "xena");
    final RoutingQueue outbound = RoutingSetups.queue("outbound-bdr", OwningOrg.SALES, "xavier");

    @Test
    void theFirstMatchingRuleWinsAndTheDefaultTakesTheRest() {
        OwnershipPolicy policy = RoutingSetups.default1(inbound, outbound);

        assertThat(policy.route(new RoutingFacts("inbound", "paid", true)).queue()).isSameAs(inbound);
        assertThat(policy.route(new RoutingFacts("outbound", "outbound", true)).queue()).isSameAs(outbound);
        RoutingDecision unknown = policy.route(new RoutingFacts(null, null, null));
        assertThat(unknown.queue()).isSameAs(inbound);
        assertThat(unknown.reason()).contains("default rule 'default'", "policy default-1");
    }

    @Test
    void aLeadThatRefusedMarketingGoesToSales() {
        RoutingDecision decision = RoutingSetups.default1(inbound, outbound)
                .route(new RoutingFacts("inbound", "paid", false));

        assertThat(decision.queue().owningOrg).isEqualTo(OwningOrg.SALES);
        assertThat(decision.rule().name).isEqualTo("no-marketing-consent");
        assertThat(decision.reason()).contains("rule 1 'no-marketing-consent' (consentMarketing=false) matched",
                "-> queue outbound-bdr (SALES)");
    }

    @Test
    void noPolicyCanPutALeadThatRefusedMarketingInAMarketingQueue() {
        OwnershipPolicy policy = RoutingSetups.policy("inbound-first",
                RoutingSetups.rule(1, "inbound", "inbound", null, inbound),
                RoutingSetups.rule(2, "outbound", "outbound", null, outbound),
                RoutingSetups.defaultRule(3, outbound));

        RoutingDecision decision = policy.route(new RoutingFacts("inbound", "paid", false));

        assertThat(decision.queue()).isSameAs(outbound);
        assertThat(decision.reason()).contains("skipped inbound", "excludes MARKETING-owned queues");
        assertThatThrownBy(() -> RoutingSetups.policy("marketing-only", RoutingSetups.defaultRule(1, inbound))
                .route(new RoutingFacts("inbound", "paid", false)))
                .isInstanceOf(RoutingException.class);
    }

    @Test
    void aTierRuleTakesOnlyLeadsOfItsTiersAndNotThoseOfUnknownTier() {
        OwnershipRule bigAccounts = RoutingSetups.rule(1, "big-accounts", null, null, outbound);
        bigAccounts.accountTiers = "ENTERPRISE,STRATEGIC";
        OwnershipPolicy policy = RoutingSetups.policy("tiers", bigAccounts, RoutingSetups.defaultRule(2, inbound));

        RoutingDecision enterprise = policy.route(withTier("ENTERPRISE"));
        assertThat(enterprise.rule()).isSameAs(bigAccounts);
        assertThat(enterprise.reason()).contains("accountTier=ENTERPRISE,STRATEGIC");
        assertThat(policy.route(withTier("strategic")).rule()).isSameAs(bigAccounts);
        assertThat(policy.route(withTier("SMB")).rule().defaultRule).isTrue();
        assertThat(policy.route(withTier(null)).rule().defaultRule).isTrue();
    }

    private static RoutingFacts withTier(String tier) {
        return new RoutingFacts("inbound", "paid", true, "MQL", "A", "MEDIUM", "US", "NA", "Retail", 5000,
                "acme.com", 75, tier);
    }

    @Test
    void aPolicyWithoutADefaultRuleCannotRouteAnUnmatchedLead() {
        OwnershipPolicy policy = RoutingSetups.policy("no-default",
                RoutingSetups.rule(1, "inbound", "inbound", null, inbound));

        assertThatThrownBy(() -> policy.route(new RoutingFacts("outbound", "outbound", true)))
                .isInstanceOf(RoutingException.class).hasMessageContaining("no default rule");
    }
}
