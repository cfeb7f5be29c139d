package io.leadplatform.scoring.service;

import io.leadplatform.scoring.api.BacktestReport;
import io.leadplatform.scoring.domain.KnownLead;
import io.leadplatform.scoring.domain.KnownLeadRepository;
import io.leadplatform.scoring.model.CompiledModel;
import io.leadplatform.scoring.model.Evaluation;
import io.leadplatform.scoring.model.EventFact;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Replays a model over the stored leads and their events, and rates its MQL and SQL groups against outcomes. */
@ApplicationScoped
public class Backtests {

    private static final int EXAMPLES = 20;

    private final KnownLeadRepository leads;
    private final ScoringQueries queries;
    private final ModelRegistry registry;
    private final Clock clock;

    public Backtests(KnownLeadRepository leads, ScoringQueries queries, ModelRegistry registry, Clock clock) {
        this.leads = leads;
        this.queries = queries;
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional
    public BacktestReport run(UUID modelId, String outcomesCsv) {
        Map<String, Boolean> outcomes = Outcomes.parse(outcomesCsv);
        CompiledModel candidate = ModelRegistry.checked(() -> registry.of(queries.find(modelId)));
        CompiledModel active = registry.active();
        Map<UUID, List<EventFact>> events = new HashMap<>();
        leads.getEntityManager()
                .createQuery("select e.leadId, e.type, e.value, e.occurredAt from Engagement e", Object[].class)
                .getResultStream()
                .forEach(row -> events.computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                        .add(new EventFact((String) row[1], (Double) row[2], (Instant) row[3])));
        Instant now = clock.instant();
        Tally model = new Tally();
        Tally current = new Tally();
        int stored = 0;
        int decided = 0;
        int converted = 0;
        for (KnownLead lead : leads.listAll()) {
            stored++;
            Boolean outcome = lead.profile.externalId() == null ? null : outcomes.get(lead.profile.externalId());
            if (outcome != null) {
                decided++;
                converted += outcome ? 1 : 0;
            }
            List<EventFact> history = events.getOrDefault(lead.leadId, List.of());
            model.add(candidate.evaluate(lead.profile, history, now), outcome, lead.profile.externalId());
            current.add(active.evaluate(lead.profile, history, now), outcome, null);
        }
        if (outcomes.isEmpty()) {
            throw ProblemException.invalid("outcomes", "has no outcome rows");
        }
        List<BacktestReport.StageResult> stages = List.of(
                stage("MQL", model.mql, current.mql), stage("SQL", model.sql, current.sql));
        return new BacktestReport(candidate.version(), active.version(), now, stored, decided, converted,
                rate(decided, converted), stages);
    }

    private static BacktestReport.StageResult stage(String name, Group model, Group active) {
        BacktestReport.Group m = model.view();
        BacktestReport.Group a = active.view();
        Double lift = m.conversionRate() == null || a.conversionRate() == null || a.conversionRate() == 0 ? null
                : round(m.conversionRate() / a.conversionRate());
        return new BacktestReport.StageResult(name, m, a, lift, model.examples.stream().limit(EXAMPLES).toList());
    }

    private static Double rate(int decided, int converted) {
        return decided == 0 ? null : round((double) converted / decided);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000d;
    }

    /** MQL counts every lead meeting the MQL or the SQL criterion; SQL those meeting the SQL one. */
    private static final class Tally {
        final Group mql = new Group();
        final Group sql = new Group();

        void add(Evaluation evaluation, Boolean outcome, String externalId) {
            if (evaluation.mql() || evaluation.sql()) {
                mql.add(outcome, externalId);
            }
            if (evaluation.sql()) {
                sql.add(outcome, externalId);
            }
        }
    }

    private static final class Group {
        int leads;
        int decided;
        int converted;
        final TreeSet<String> examples = new TreeSet<>();

        void add(Boolean outcome, String externalId) {
            leads++;
            if (externalId != null) {
                examples.add(externalId);
                if (examples.size() > EXAMPLES) {
                    examples.pollLast();
                }
            }
            if (outcome != null) {
                decided++;
                converted += outcome ? 1 : 0;
            }
        }

        BacktestReport.Group view() {
            return new BacktestReport.Group(leads, decided, converted, rate(decided, converted));
        }
    }
}
