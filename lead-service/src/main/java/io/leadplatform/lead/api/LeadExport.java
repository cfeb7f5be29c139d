package io.leadplatform.lead.api;


import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subject-access export: everything lead-service holds about the person. */
public record LeadExport(LeadView lead, String companyAsSent, List<String> externalIds, Attribution attribution,
        Consent consent, List<Engagement> engagement, List<TimelineView> timeline) {

    public record Attribution(String utmSource, String utmMedium, String utmCampaign, String latestChannel,
            String latestSource, String latestCampaign, Instant latestCapturedAt) {
    }

    public record Consent(Boolean marketing, Boolean contact, Instant recordedAt, String source, String textVersion) {
    }

    public record Engagement(UUID id, String type, Double value, Instant occurredAt, Instant receivedAt) {
    }
}
