package io.leadplatform.scoring.domain;

import io.leadplatform.events.LeadProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The built-in scoring model: a few fit rules and per-event engagement points with caps and decay.
 * Versioned CEL models replace it later; until then its rules are listed by the API so the score can be explained.
 */
public final class DefaultScoringModel {

    public static final String VERSION = "default-1";

    public record FitRule(String id, String description, int points, Predicate<LeadProfile> when) {
    }

    /** Points per event, the most this type can add, and the half-life of a single event's points. */
    public record EngagementRule(String type, int points, int cap, Duration halfLife) {
    }

    public record Engagement(String type, Double value, Instant occurredAt) {
    }

    public record Contribution(String rule, String axis, double points) {
    }

    public record Result(int fitScore, String fitGrade, int engagementScore, List<Contribution> contributions) {
    }

    private static final Set<String> TARGET_INDUSTRIES = Set.of("it security", "saas", "financial services");
    private static final Pattern SENIOR_TITLE =
            Pattern.compile("\\b(director|vp|vice president|head|chief|c[a-z]o)\\b", Pattern.CASE_INSENSITIVE);

    public static final List<FitRule> FIT_RULES = List.of(
            new FitRule("employees-over-100", "lead.employees > 100", 15,
                    p -> p.employees() != null && p.employees() > 100),
            new FitRule("budget-10k", "lead.annualBudgetUsd >= 10000", 15,
                    p -> p.annualBudgetUsd() != null && p.annualBudgetUsd() >= 10_000),
            new FitRule("target-industry", "lead.industry in ['IT Security', 'SaaS', 'Financial Services']", 10,
                    p -> p.industry() != null && TARGET_INDUSTRIES.contains(p.industry().toLowerCase(Locale.ROOT))),
            new FitRule("senior-title", "lead.jobTitle names a director, VP, head or C-level", 10,
                    p -> p.jobTitle() != null && SENIOR_TITLE.matcher(p.jobTitle()).find()),
            new FitRule("runs-salesforce", "'salesforce' in lead.technologies", 5,
                    p -> p.technologies() != null
                            && p.technologies().stream().anyMatch(t -> t.equalsIgnoreCase("salesforce"))));

    private static final Duration MONTH = Duration.ofDays(30);
    public static final Map<String, EngagementRule> ENGAGEMENT_RULES = Map.of(
            "page_view", new EngagementRule("page_view", 1, 10, Duration.ofDays(7)),
            "pricing_page_view", new EngagementRule("pricing_page_view", 5, 15, Duration.ofDays(14)),
            "content_download", new EngagementRule("content_download", 8, 24, MONTH),
            "email_click", new EngagementRule("email_click", 3, 9, Duration.ofDays(14)),
            "webinar_attended", new EngagementRule("webinar_attended", 10, 20, MONTH),
            "demo_requested", new EngagementRule("demo_requested", 25, 25, MONTH),
            "trial_started", new EngagementRule("trial_started", 20, 20, MONTH),
            "chat_agreed", new EngagementRule("chat_agreed", 15, 15, MONTH),
            "nps_submitted", new EngagementRule("nps_submitted", 10, 10, MONTH),
            "unsubscribe", new EngagementRule("unsubscribe", -20, -20, Duration.ofDays(3650)));

    private DefaultScoringModel() {
    }

    public static Result score(LeadProfile profile, List<Engagement> events, Instant now) {
        List<Contribution> contributions = new ArrayList<>();
        int fit = 0;
        for (FitRule rule : FIT_RULES) {
            if (rule.when().test(profile)) {
                fit += rule.points();
                contributions.add(new Contribution(rule.id(), "fit", rule.points()));
            }
        }
        Map<String, Double> perType = new HashMap<>();
        for (Engagement event : events) {
            EngagementRule rule = ENGAGEMENT_RULES.get(event.type());
            if (rule == null || !counts(event)) {
                continue;
            }
            perType.merge(rule.type(), rule.points() * decay(event.occurredAt(), now, rule.halfLife()), Double::sum);
        }
        double engagement = 0;
        for (var entry : perType.entrySet()) {
            EngagementRule rule = ENGAGEMENT_RULES.get(entry.getKey());
            double points = rule.cap() >= 0 ? Math.min(entry.getValue(), rule.cap())
                    : Math.max(entry.getValue(), rule.cap());
            points = Math.round(points * 10) / 10.0;
            engagement += points;
            contributions.add(new Contribution(entry.getKey(), "engagement", points));
        }
        int engagementScore = (int) Math.round(Math.max(0, Math.min(100, engagement)));
        return new Result(fit, grade(fit), engagementScore, contributions);
    }

    public static String grade(int fit) {
        if (fit >= 45) {
            return "A";
        } else if (fit >= 30) {
            return "B";
        } else if (fit >= 15) {
            return "C";
        }
        return "D";
    }

    /** An NPS answer is an intent signal only when it is a promoter's (9 or 10). */
    private static boolean counts(Engagement event) {
        return !"nps_submitted".equals(event.type()) || (event.value() != null && event.value() >= 9);
    }

    private static double decay(Instant occurredAt, Instant now, Duration halfLife) {
        long age = Math.max(0, Duration.between(occurredAt, now).toMillis());
        return Math.pow(0.5, (double) age / halfLife.toMillis());
    }
}
