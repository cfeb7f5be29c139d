package io.leadplatform.lead.rest;

import io.leadplatform.lead.api.EngagementValue;
import io.leadplatform.lead.api.PlausibleTime;
import io.leadplatform.lead.api.RecordEngagement;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** An engagement event that names its lead by email or external id (exactly one of them). */
@EngagementValue
public record KeyedEngagementRequest(
        @Size(max = 320) String email,
        @Size(max = 100) String externalId,
        @NotBlank
        @Pattern(regexp = RecordEngagement.TYPES, message = "is not a known event type")
        String type,
        Double value,
        @PlausibleTime OffsetDateTime occurredAt) implements EngagementValue.Valued {
}
