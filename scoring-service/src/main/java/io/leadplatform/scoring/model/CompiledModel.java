package io.leadplatform.scoring.model;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.leadplatform.events.LeadProfile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A model version compiled once: it evaluates a lead and its events at a point in time. Thread-safe. */
public final class CompiledModel {

    record Fit(String id, int points, CelRuntime.Program when) {
    }

    record Engagement(String id, String type, double points, Double cap, long halfLifeMillis,
            CelRuntime.Program when) {
    }

    static final String ROUNDING_RULE = "rounding-and-clamp";
    private static final double MILLIS_PER_DAY = 86_400_000d;

    private final String version;
    private final List<Fit> fitRules;
    private final List<Engagement> engagementRules;
    private final ModelDefinition.Grades grades;
    private final CelRuntime.Program mql;
    private final CelRuntime.Program sql;
    private final Map<String, int[]> rulesByType;
    private final CelRuntime.Program allFit;
    private final CelRuntime.Program bothStages;

    CompiledModel(String version, List<Fit> fitRules, List<Engagement> engagementRules,
            ModelDefinition.Grades grades, CelRuntime.Program mql, CelRuntime.Program sql, CelRuntime.Program allFit,
            CelRuntime.Program bothStages) {
        this.allFit = allFit;
        this.bothStages = bothStages;
        this.version = version;
        this.fitRules = List.copyOf(fitRules);
        this.engagementRules = List.copyOf(engagementRules);
        Map<String, List<Integer>> byType = new HashMap<>();
        for (int r = 0; r < engagementRules.size(); r++) {
            byType.computeIfAbsent(engagementRules.get(r).type(), t -> new ArrayList<>()).add(r);
        }
        this.rulesByType = new HashMap<>();
        byType.forEach((type, rules) -> rulesByType.put(type, rules.stream().mapToInt(Integer::intValue).toArray()));
        this.grades = grades;
        this.mql = mql;
        this.sql = sql;
    }

    public String version() {
        return version;
    }

    public Evaluation evaluate(LeadProfile profile, List<EventFact> events, Instant now) {
        Map<String, Object> lead = leadVariables(profile);
        List<Contribution> contributions = new ArrayList<>();
        Map<String, Object> leadOnly = Map.of("lead", lead);
        int fit = 0;
        List<?> fired = all(allFit, leadOnly);
        for (int i = 0; i < fitRules.size(); i++) {
            Fit rule = fitRules.get(i);
            if (fired != null ? Boolean.TRUE.equals(fired.get(i)) : holds(rule.when(), leadOnly)) {
                fit += rule.points();
                contributions.add(new Contribution(rule.id(), "fit", rule.points()));
            }
        }
        List<Map<String, Object>> eventVariables = new ArrayList<>(events.size());
        for (EventFact event : events) {
            eventVariables.add(eventVariables(event, now));
        }
        long nowMillis = now.toEpochMilli();
        double[] sums = new double[engagementRules.size()];
        boolean[] matched = new boolean[engagementRules.size()];
        for (int i = 0; i < events.size(); i++) {
            EventFact event = events.get(i);
            int[] rules = rulesByType.get(event.type());
            if (rules == null) {
                continue;
            }
            for (int r : rules) {
                Engagement rule = engagementRules.get(r);
                if (rule.when() != null && !holds(rule.when(), Map.of("event", eventVariables.get(i)))) {
                    continue;
                }
                matched[r] = true;
                sums[r] += rule.points() * decay(event.occurredAt(), nowMillis, rule.halfLifeMillis());
            }
        }
        BigDecimal engagement = BigDecimal.ZERO;
        for (int r = 0; r < sums.length; r++) {
            if (!matched[r]) {
                continue;
            }
            Engagement rule = engagementRules.get(r);
            double sum = sums[r];
            if (rule.cap() != null) {
                sum = rule.cap() >= 0 ? Math.min(sum, rule.cap()) : Math.max(sum, rule.cap());
            }
            BigDecimal points = BigDecimal.valueOf(sum).setScale(1, RoundingMode.HALF_UP);
            engagement = engagement.add(points);
            contributions.add(new Contribution(rule.id(), "engagement", points.doubleValue()));
        }
        BigDecimal clamped = engagement.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
        int engagementScore = clamped.setScale(0, RoundingMode.HALF_UP).intValueExact();
        BigDecimal adjustment = BigDecimal.valueOf(engagementScore).subtract(engagement);
        if (adjustment.signum() != 0) {
            // the explanation must add up to the score, so clamping to 0-100 and rounding are shown as a line
            contributions.add(new Contribution(ROUNDING_RULE, "engagement", adjustment.doubleValue()));
        }
        String grade = grades.of(fit);
        Map<String, Object> stageVariables = new HashMap<>();
        stageVariables.put("lead", lead);
        stageVariables.put("fit", (long) fit);
        stageVariables.put("grade", grade);
        stageVariables.put("engagement", (long) engagementScore);
        stageVariables.put("events", eventVariables);
        List<?> stages = all(bothStages, stageVariables);
        boolean mqlMet = stages != null ? Boolean.TRUE.equals(stages.get(0)) : holds(mql, stageVariables);
        boolean sqlMet = stages != null ? Boolean.TRUE.equals(stages.get(1)) : holds(sql, stageVariables);
        return new Evaluation(version, fit, grade, engagementScore, mqlMet, sqlMet, List.copyOf(contributions));
    }

    /** Every rule at once; null when one of them fails at run time, and then each is evaluated alone. */
    private static List<?> all(CelRuntime.Program program, Map<String, ?> variables) {
        try {
            return (List<?>) program.eval(variables);
        } catch (CelEvaluationException e) {
            return null;
        }
    }

    /** A rule that fails at run time (say, an index out of range) does not fire. */
    private static boolean holds(CelRuntime.Program program, Map<String, ?> variables) {
        try {
            return Boolean.TRUE.equals(program.eval(variables));
        } catch (CelEvaluationException e) {
            return false;
        }
    }

    private static double decay(Instant occurredAt, long nowMillis, long halfLifeMillis) {
        if (halfLifeMillis <= 0) {
            return 1;
        }
        long age = Math.max(0, nowMillis - occurredAt.toEpochMilli());
        return Math.pow(0.5, (double) age / halfLifeMillis);
    }

    static Map<String, Object> leadVariables(LeadProfile p) {
        Map<String, Object> lead = new HashMap<>(16);
        lead.put("industry", text(p.industry()));
        lead.put("employees", p.employees() == null ? 0L : p.employees().longValue());
        lead.put("annualBudgetUsd", p.annualBudgetUsd() == null ? 0L : p.annualBudgetUsd());
        lead.put("country", text(p.country()));
        lead.put("region", text(p.region()));
        lead.put("technologies", p.technologies() == null ? List.of() : p.technologies());
        lead.put("interests", p.interests() == null ? List.of() : p.interests());
        lead.put("jobTitle", text(p.jobTitle()));
        lead.put("direction", text(p.direction()));
        lead.put("channel", text(p.channel()));
        lead.put("consentMarketing", Boolean.TRUE.equals(p.consentMarketing()));
        lead.put("consentContact", Boolean.TRUE.equals(p.consentContact()));
        return lead;
    }

    static Map<String, Object> eventVariables(EventFact event, Instant now) {
        return Map.of("type", text(event.type()),
                "value", event.value() == null ? 0d : event.value(),
                "at", event.occurredAt().getEpochSecond(),
                "ageDays", Math.max(0, now.toEpochMilli() - event.occurredAt().toEpochMilli()) / MILLIS_PER_DAY);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
