package io.leadplatform.lead;

import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A campaign's cost counts in a funnel report only for the share of its period that the report's window covers. */
@QuarkusTest
class CampaignCostProrationTest {

    static JsonPath funnel(String from, String to) {
        return given().auth().oauth2(KeycloakTokens.of("lea")).queryParam("groupBy", "campaign")
                .queryParam("from", from).queryParam("to", to).get("/api/reports/funnel")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void twoDaysOfATenDayPeriodCarryAFifthOfItsCost() {
        String campaign = "prorate-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv")
                .body("campaign,channel,source,period_start,period_end,cost_usd\n"
                        + campaign + ",paid,google-ads,2025-01-01,2025-01-10,1000.00\n")
                .post("/api/campaigns/costs").then().statusCode(200).body("loaded", equalTo(1));
        Map<String, Object> lead = Leads.inboundItSecurityLead();
        lead.put("campaign", campaign);
        lead.put("capturedAt", "2025-01-05T12:00:00Z");
        LeadResourceTest.capture(lead);
        String g = "groups.find { it.group == '" + campaign + "' }.";

        JsonPath twoDays = funnel("2025-01-05", "2025-01-07");
        assertThat(new BigDecimal(twoDays.getString(g + "cost"))).isEqualByComparingTo("200.00");
        assertThat(new BigDecimal(twoDays.getString(g + "costPerLead"))).isEqualByComparingTo("200.00");
        assertThat(twoDays.getString("costBasis")).contains("prorated");

        JsonPath wholePeriod = funnel("2025-01-01", "2025-01-11");
        assertThat(new BigDecimal(wholePeriod.getString(g + "cost"))).isEqualByComparingTo("1000.00");
    }
}
