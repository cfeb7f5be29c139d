package io.leadplatform.lead.service;

import io.leadplatform.lead.api.LeadView;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadSlaClock;

import java.util.List;

/** The one place a Lead becomes its API view (its event profile is the aggregate's own). */
public final class LeadMapper {

    private LeadMapper() {
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
                lead.version, lead.stage.name(), score, assignment,
                clocks.stream().map(c -> new LeadView.SlaClock(c.clockId, c.clockType, c.status, c.assignee,
                        c.startedAt, c.dueAt, c.metAt, c.breachedAt)).toList());
    }
}
