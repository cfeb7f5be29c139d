package io.leadplatform.lead;

import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The search finds a lead by email, and refuses what it does not know instead of ignoring it. */
@QuarkusTest
class LeadSearchTest {

    static ValidatableResponse search(String parameter, String value) {
        return given().auth().oauth2(KeycloakTokens.of("mara")).queryParam(parameter, value).get("/api/leads").then();
    }

    @Test
    void anEmailFindsExactlyItsLeadWhateverCaseAndPaddingItIsGivenIn() {
        Map<String, Object> lead = Leads.inboundItSecurityLead();
        String id = LeadResourceTest.capture(lead);

        search("email", Leads.storedEmail(lead)).statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        search("email", "  " + Leads.storedEmail(lead).toUpperCase() + " ").statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        search("email", "nobody-" + id + "@acme.example").statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anUnknownParameterIsA400NamingIt() {
        search("mail", "dana@acme.example").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mail"))
                .body("errors[0].message", containsString("email"));
    }

    @Test
    void aStageChannelOrOrgThatDoesNotExistIsA400NamingIt() {
        search("stage", "HOT").statusCode(400).body("errors[0].field", equalTo("stage"))
                .body("errors[0].message", containsString("MQL"));
        search("channel", "tv").statusCode(400).body("errors[0].field", equalTo("channel"));
        search("owningOrg", "finance").statusCode(400).body("errors[0].field", equalTo("owningOrg"));
        search("stage", "mql").statusCode(200);
        search("owningOrg", "marketing").statusCode(200);
    }
}
