package io.leadplatform.lead.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.leadplatform.lead.domain.LeadIdentity;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The lead capture command, from the API's JSON or an import's CSV row: the camelCase names of the leads.csv columns,
 * plus an optional {@code phone}. {@code email} is required unless a {@code phone} (international form) is given.
 * The snake_case CSV column names are accepted as aliases.
 * Server-owned fields (score, stage, owner, queue) are not part of it, so sending them is an unknown-field error.
 */
@EmailOrPhone
public record CaptureLead(
        @JsonAlias("external_id") @Size(max = 100) String externalId,
        @Email @Size(max = 320) String email,
        @Size(max = 40) @Pattern(regexp = LeadIdentity.INTERNATIONAL_PHONE, message = "must be an international number: + (or 00) "
                + "and the country code, 8 to 15 digits in all") String phone,
        @JsonAlias("first_name") @Size(max = 100) String firstName,
        @JsonAlias("last_name") @Size(max = 100) String lastName,
        @Size(max = 200) String company,
        @Size(max = 255) @Pattern(regexp = "^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$", message = "must be a domain name")
        String domain,
        @JsonAlias("job_title") @Size(max = 200) String jobTitle,
        @Size(max = 100) String industry,
        @PositiveOrZero @Max(10_000_000) Integer employees,
        @JsonAlias("annual_budget_usd") @PositiveOrZero @Max(100_000_000_000L) Long annualBudgetUsd,
        @Size(max = 64) String country,
        @Size(max = 64) String region,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> technologies,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> interests,
        @JsonAlias("source_direction")
        @Pattern(regexp = "inbound|outbound", message = "must be inbound or outbound") String direction,
        @Pattern(regexp = "paid|owned|earned|outbound", message = "must be paid, owned, earned or outbound")
        String channel,
        @Size(max = 100) String source,
        @Size(max = 200) String campaign,
        @JsonAlias("utm_source") @Size(max = 200) String utmSource,
        @JsonAlias("utm_medium") @Size(max = 200) String utmMedium,
        @JsonAlias("utm_campaign") @Size(max = 200) String utmCampaign,
        @JsonAlias("consent_marketing") Boolean consentMarketing,
        @JsonAlias("consent_contact") Boolean consentContact,
        @JsonAlias("consent_source") @Size(max = 100) String consentSource,
        @JsonAlias("consent_text_version") @Size(max = 40) String consentTextVersion,
        @JsonAlias("captured_at") @PlausibleTime OffsetDateTime capturedAt) {

    public CaptureLead {
        // Forms and CSV exports pad emails with spaces, and send empty fields; validate what we will store.
        email = email == null || email.isBlank() ? null : email.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
    }
}
