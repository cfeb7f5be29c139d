package io.leadplatform.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractTest {

    static Stream<String> types() {
        return EventCatalog.types().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("types")
    void fixtureRoundTripsThroughItsRecordWithoutLosingAField(String type) throws IOException {
        CloudEvent<JsonNode> envelope = GoldenFixtures.envelope(type);
        assertThat(envelope.type()).isEqualTo(type);

        Object data = EventJson.data(envelope, EventCatalog.dataType(type).orElseThrow());
        CloudEvent<Object> typed = new CloudEvent<>(envelope.specversion(), envelope.id(), envelope.source(),
                envelope.type(), envelope.subject(), envelope.time(), envelope.datacontenttype(), data);

        JsonNode written = EventJson.mapper().readTree(EventJson.write(typed));
        assertThat(written).isEqualTo(GoldenFixtures.tree(type));
    }

    @ParameterizedTest
    @MethodSource("types")
    void fixtureSubjectIsTheLeadIdInData(String type) {
        CloudEvent<JsonNode> envelope = GoldenFixtures.envelope(type);
        assertThat(envelope.data().get("leadId").asText()).isEqualTo(envelope.subject());
    }

    @Test
    void qualifiedAndProfileFromAProducerBeforeAccountTierReadAsUnknownTier() throws IOException {
        var qualified = (com.fasterxml.jackson.databind.node.ObjectNode) GoldenFixtures.tree("lead.qualified");
        ((com.fasterxml.jackson.databind.node.ObjectNode) qualified.get("data")).remove("accountTier");
        CloudEvent<JsonNode> old = EventJson.readEnvelope(EventJson.mapper().writeValueAsBytes(qualified));
        LeadQualified data = EventJson.data(old, LeadQualified.class);
        assertThat(data.accountTier()).isNull();
        assertThat(data.employees()).isEqualTo(450);

        var captured = (com.fasterxml.jackson.databind.node.ObjectNode) GoldenFixtures.tree("lead.captured");
        ((com.fasterxml.jackson.databind.node.ObjectNode) captured.get("data").get("profile")).remove("accountTier");
        LeadCaptured profile = EventJson.data(
                EventJson.readEnvelope(EventJson.mapper().writeValueAsBytes(captured)), LeadCaptured.class);
        assertThat(profile.profile().accountTier()).isNull();
        assertThat(profile.profile().company()).isEqualTo("Acme Security");
    }

    @Test
    void headCountImpliesATierAtTheDocumentedBounds() {
        assertThat(AccountTiers.byEmployees(null)).isNull();
        assertThat(AccountTiers.byEmployees(99)).isEqualTo(AccountTiers.SMB);
        assertThat(AccountTiers.byEmployees(100)).isEqualTo(AccountTiers.MID_MARKET);
        assertThat(AccountTiers.byEmployees(999)).isEqualTo(AccountTiers.MID_MARKET);
        assertThat(AccountTiers.byEmployees(1_000)).isEqualTo(AccountTiers.ENTERPRISE);
        assertThat(AccountTiers.isTier("STRATEGIC")).isTrue();
        assertThat(AccountTiers.isTier("strategic")).isFalse();
    }

    @Test
    void envelopeWithoutIdOrWrongSpecVersionIsRejected() {
        String noId = "{\"specversion\":\"1.0\",\"source\":\"x\",\"type\":\"lead.captured\",\"time\":\"2026-01-01T00:00:00Z\"}";
        String oldSpec = "{\"specversion\":\"0.3\",\"id\":\"9d3e6f00-0000-4000-8000-000000000001\",\"source\":\"x\","
                + "\"type\":\"lead.captured\",\"time\":\"2026-01-01T00:00:00Z\"}";
        assertThatThrownBy(() -> EventJson.readEnvelope(noId.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> EventJson.readEnvelope(oldSpec.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> EventJson.readEnvelope("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
