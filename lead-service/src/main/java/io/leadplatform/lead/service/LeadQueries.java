package io.leadplatform.lead.service;

import io.leadplatform.lead.api.LeadPage;
import io.leadplatform.lead.api.LeadSearch;
import io.leadplatform.lead.api.LeadSummary;
import io.leadplatform.lead.api.LeadView;
import io.leadplatform.lead.api.TimelineView;
import io.leadplatform.lead.domain.EngagementEventRepository;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadIdentity;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.lead.domain.LeadSlaClockRepository;
import io.leadplatform.lead.domain.TimelineRepository;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.leadplatform.lead.domain.TimelineEntry.details;

/** Reads leads: one lead's view, the search, and the timeline. */
@ApplicationScoped
@Transactional
public class LeadQueries {

    private static final List<String> STAGES = Arrays.stream(Lead.Stage.values()).map(Enum::name).toList();
    private static final List<String> ORGS = List.of("MARKETING", "SALES");

    private final LeadRepository leads;
    private final EngagementEventRepository engagements;
    private final LeadSlaClockRepository clocks;
    private final TimelineRepository timeline;

    public LeadQueries(LeadRepository leads, EngagementEventRepository engagements, LeadSlaClockRepository clocks,
            TimelineRepository timeline) {
        this.leads = leads;
        this.engagements = engagements;
        this.clocks = clocks;
        this.timeline = timeline;
    }

    /** The live lead; {@code restrictedTo} names the only assignee who may see it, or is null for anyone. */
    public LeadView view(UUID id, String restrictedTo) {
        Lead lead = live(id);
        if (restrictedTo != null && !restrictedTo.equals(lead.assignee)) {
            // An XDR sees only the leads assigned to them; others are reported as absent, not forbidden.
            throw ProblemException.notFound("lead " + id);
        }
        return LeadMapper.view(lead, clocks.forLead(id));
    }

    public LeadPage search(LeadSearch q, int page, int size) {
        int pageSize = Math.min(size, LeadSearch.MAX_PAGE_SIZE);
        StringBuilder where = new StringBuilder("erasedAt is null");
        Map<String, Object> params = new LinkedHashMap<>();
        String stage = oneOf("stage", q.stage(), STAGES);
        if (stage != null) {
            where.append(" and stage = :stage");
            params.put("stage", Lead.Stage.valueOf(stage));
        }
        filter(where, params, "channel", oneOf("channel", q.channel(), Lead.CHANNELS));
        filter(where, params, "campaign", q.campaign());
        filter(where, params, "owningOrg", oneOf("owningOrg", q.owningOrg(), ORGS));
        filter(where, params, "email", LeadIdentity.normalizeEmail(q.email()));
        filter(where, params, "assignedQueue", q.queue());
        filter(where, params, "accountDomain", q.account() == null ? null : q.account().toLowerCase(Locale.ROOT));
        filter(where, params, "assignee", q.assignee());
        if (q.from() != null) {
            where.append(" and capturedAt >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and capturedAt < :to");
            params.put("to", q.to());
        }
        var query = leads.find(where + " order by capturedAt desc, id", params);
        List<LeadSummary> items = query.page(page, pageSize).list().stream()
                .map(l -> new LeadSummary(l.id, l.email, l.company, l.stage.name(), l.channel, l.campaign,
                        l.owningOrg, l.assignedQueue, l.assignee, l.fitScore, l.capturedAt)).toList();
        return new LeadPage(items, page, pageSize, query.count());
    }

    /** Captures, merges, engagement, scores, stage changes, assignments, SLA events and rejections, oldest first. */
    public List<TimelineView> timeline(UUID id) {
        live(id);
        List<TimelineView> out = new ArrayList<>();
        timeline.list("leadId = ?1", id).forEach(t -> out.add(new TimelineView(t.occurredAt, t.kind, t.detail)));
        engagements.forLead(id).forEach(e -> out.add(new TimelineView(e.occurredAt, "engagement",
                details("type", e.type, "value", e.value))));
        out.sort(Comparator.comparing(TimelineView::at));
        return out;
    }

    /** The value in the case the filter stores, null when absent; a value outside {@code allowed} is a 400. */
    private static String oneOf(String parameter, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return allowed.stream().filter(a -> a.equalsIgnoreCase(v)).findFirst().orElseThrow(() ->
                ProblemException.invalid(parameter, "must be one of " + String.join(", ", allowed)));
    }

    Lead live(UUID id) {
        return leads.findLive(id).orElseThrow(() -> ProblemException.notFound("lead " + id));
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value.strip());
        }
    }
}
