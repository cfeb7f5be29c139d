package io.leadplatform.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.OffsetDateTime;

/** An engagement event of a lead, from the API or an import's CSV row. */
@EngagementValue
public record RecordEngagement(
        @NotBlank
        @Pattern(regexp = TYPES, message = "is not a known event type")
        String type,
        Double value,
        @PlausibleTime OffsetDateTime occurredAt) implements EngagementValue.Valued {

    /** The event types of data/sample/README.md. */
    public static final String TYPES = "page_view|pricing_page_view|content_download|email_click|webinar_attended"
            + "|demo_requested|trial_started|chat_agreed|nps_submitted|unsubscribe";
}
