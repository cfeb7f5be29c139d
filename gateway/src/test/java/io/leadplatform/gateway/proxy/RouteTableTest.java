package io.leadplatform.gateway.proxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    @ParameterizedTest
    @CsvSource({
            "/api/leads/42/score, SCORING",
            "/api/leads/{id}/score, SCORING",
            "/api/leads/42/routing, ROUTING",
            "/api/leads/42/accept, ROUTING",
            "/api/leads/42/touch, ROUTING",
            "/api/leads/42/reject, ROUTING",
            "/api/leads/42/handoff, ROUTING",
            "/api/leads/42/reassign, ROUTING",
            "/api/me/leads, ROUTING",
            "/api/me, ROUTING",
            "/api/routing/queues/7/members, ROUTING",
            "/api/scoring/models/3/backtest, SCORING",
            "/api/sla/compliance, SLA",
            "/api/leads, LEAD",
            "/api/leads/, LEAD",
            "/api/leads/42, LEAD",
            "/api/leads/42/timeline, LEAD",
            "/api/leads/42/score/history, LEAD",
            "/api/imports/leads, LEAD",
            "/api/campaigns/costs, LEAD",
            "/api/reports/funnel, LEAD",
            "/api/accounts/acme.com, LEAD",
            "/api/accounts, LEAD"
    })
    void routesByFirstMatchingRule(String path, Service service) {
        assertThat(RouteTable.resolve(path)).contains(service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/api/", "/api/admin", "/api/leadsx", "/api/lead", "/api/accountsx/acme.com",
            "/q/openapi", "/", "api/leads"})
    void leavesUnknownPathsUnrouted(String path) {
        assertThat(RouteTable.resolve(path)).isEmpty();
    }
}
