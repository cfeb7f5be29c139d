package io.leadplatform.lead.service;

import io.leadplatform.events.AccountTiers;
import io.leadplatform.events.LeadProfile;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadSlaClock;
import io.leadplatform.lead.rest.LeadView;

import java.util.List;

/** The one place a Lead becomes an API view or an event profile. */
public final class LeadMapper {

    private LeadMapper() {
    }

    /** The profile events carry; {@code setTier} is the tier set for the lead's account, or null. */
    public static LeadProfile profile(Lead lead, String setTier) {
        return new LeadProfile(lead.externalId, lead.email, lead.firstName, lead.lastName, lead.company,
                lead.domain, lead.jobTitle, lead.industry, lead.employees, lead.annualBudgetUsd, lead.country,
                lead.region, List.copyOf(lead.technologies), List.copyOf(lead.interests), lead.direction,
                lead.channel, lead.source, lead.campaign, lead.consentMarketing, lead.consentContact,
                effectiveTier(setTier, lead.employees));
    }

    /** The tier set for the account, else the one the lead's head count implies; null when neither is known. */
    public static String effectiveTier(String setTier, Integer employees) {
        return setTier != null ? setTier : AccountTiers.byEmployees(employees);
    }

    public static LeadView view(Lead lead, List<LeadSlaClock> clocks) {
        LeadView.Score score = lead.scoredAt == null ? null
                : new LeadView.Score(lead.fitScore, lead.fitGrade, lead.engagementScore, lead.modelVersion,
                        lead.scoredAt);
        LeadView.Assignment assignment = lead.assignmentId == null ? null
                : new LeadView.Assignment(lead.assignmentId, lead.assignedQueue, lead.owningOrg, lead.assignee,
                        lead.assignedAt);
        return new LeadView(lead.id, lead.externalId, lead.email, lead.phone, lead.firstName, lead.lastName,
                lead.company, lead.domain, lead.accountDomain, lead.jobTitle, lead.industry, lead.employees,
                lead.annualBudgetUsd, lead.country, lead.region, lead.technologies, lead.interests, lead.direction,
                lead.channel, lead.source, lead.campaign, lead.consentMarketing, lead.consentContact, lead.capturedAt,
                lead.version, lead.stage, score, assignment,
                clocks.stream().map(c -> new LeadView.SlaClock(c.clockId, c.clockType, c.status, c.assignee,
                        c.startedAt, c.dueAt, c.metAt, c.breachedAt)).toList());
    }
}
