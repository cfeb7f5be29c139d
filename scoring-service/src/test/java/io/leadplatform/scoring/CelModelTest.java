package io.leadplatform.scoring;

import io.leadplatform.events.AccountTiers;
import io.leadplatform.events.LeadProfile;
import io.leadplatform.scoring.model.CompiledModel;
import io.leadplatform.scoring.model.Contribution;
import io.leadplatform.scoring.model.EventFact;
import io.leadplatform.scoring.model.ModelDefinition;
import io.leadplatform.scoring.model.ModelInvalidException;
import io.leadplatform.support.problem.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The default model as CEL data reproduces the built-in rules, and broken rules are rejected with their place. */
class CelModelTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final CompiledModel DEFAULT = Models.defaultModel();

    static LeadProfile profile(String industry, Integer employees, Long budget, String title, List<String> tech) {
        return new LeadProfile("x", "a@b.example", null, null, "B", "b.example", title, industry, employees, budget,
                "US", "NA", tech, List.of(), "inbound", "paid", null, null, true, true,
                AccountTiers.byEmployees(employees));
    }

    static LeadProfile nobody() {
        return profile(null, null, null, null, null);
    }

    static void assertContributionsAddUp(io.leadplatform.scoring.model.Evaluation result) {
        BigDecimal fit = sum(result.contributions(), "fit");
        BigDecimal engagement = sum(result.contributions(), "engagement");
        assertThat(fit).isEqualByComparingTo(BigDecimal.valueOf(result.fitScore()));
        assertThat(engagement).isEqualByComparingTo(BigDecimal.valueOf(result.engagementScore()));
    }

    static BigDecimal sum(List<Contribution> contributions, String axis) {
        return contributions.stream().filter(c -> c.axis().equals(axis))
                .map(c -> BigDecimal.valueOf(c.points())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aLargeItSecurityBuyerIsGradeAWithEveryFitRuleExplained() {
        var result = DEFAULT.evaluate(
                profile("IT Security", 450, 60_000L, "Director of IT", List.of("Salesforce")), List.of(), NOW);
        assertThat(result.fitScore()).isEqualTo(55);
        assertThat(result.fitGrade()).isEqualTo("A");
        assertThat(result.mql()).isTrue();
        assertThat(result.sql()).isFalse();
        assertThat(result.modelVersion()).isEqualTo("default-1");
        assertThat(result.contributions()).extracting(Contribution::rule)
                .containsExactlyInAnyOrder("employees-over-100", "budget-10k", "target-industry", "senior-title",
                        "runs-salesforce");
        assertContributionsAddUp(result);
    }

    @Test
    void seniorTitlesAndIndustriesMatchWithoutRegardToCase() {
        var result = DEFAULT.evaluate(profile("saas", 50, 0L, "Head of Sales", List.of()), List.of(), NOW);
        assertThat(result.contributions()).extracting(Contribution::rule)
                .containsExactlyInAnyOrder("target-industry", "senior-title");
        var cto = DEFAULT.evaluate(profile("Retail", 50, 0L, "CTO", List.of()), List.of(), NOW);
        assertThat(cto.fitScore()).isEqualTo(10);
        var overhead = DEFAULT.evaluate(profile("Retail", 50, 0L, "Overhead Analyst", List.of()), List.of(), NOW);
        assertThat(overhead.fitScore()).isZero();
    }

    @Test
    void aSmallUnknownCompanyIsGradeD() {
        var result = DEFAULT.evaluate(profile("Retail", 20, 1_000L, "Intern", List.of()), List.of(), NOW);
        assertThat(result.fitScore()).isZero();
        assertThat(result.fitGrade()).isEqualTo("D");
        assertThat(DEFAULT.evaluate(nobody(), List.of(), NOW).fitGrade()).isEqualTo("D");
    }

    @Test
    void engagementDecaysByHalfPerHalfLife() {
        var fresh = DEFAULT.evaluate(nobody(), List.of(new EventFact("demo_requested", null, NOW)), NOW);
        var monthOld = DEFAULT.evaluate(nobody(),
                List.of(new EventFact("demo_requested", null, NOW.minus(Duration.ofDays(30)))), NOW);
        assertThat(fresh.engagementScore()).isEqualTo(25);
        assertThat(monthOld.engagementScore()).isEqualTo(13);
        assertContributionsAddUp(monthOld);
    }

    @Test
    void pointsAreCappedPerTypeAndUnsubscribeSubtracts() {
        List<EventFact> pageViews = IntStream.range(0, 40).mapToObj(i -> new EventFact("page_view", null, NOW))
                .toList();
        assertThat(DEFAULT.evaluate(nobody(), pageViews, NOW).engagementScore()).isEqualTo(10);

        List<EventFact> withUnsubscribe = new ArrayList<>(pageViews);
        withUnsubscribe.add(new EventFact("unsubscribe", null, NOW));
        var result = DEFAULT.evaluate(nobody(), withUnsubscribe, NOW);
        assertThat(result.engagementScore()).isZero();
        assertContributionsAddUp(result);
    }

    @Test
    void onlyPromoterNpsCounts() {
        assertThat(DEFAULT.evaluate(nobody(), List.of(new EventFact("nps_submitted", 8.0, NOW)), NOW)
                .engagementScore()).isZero();
        assertThat(DEFAULT.evaluate(nobody(), List.of(new EventFact("nps_submitted", 9.0, NOW)), NOW)
                .engagementScore()).isEqualTo(10);
    }

    @Test
    void engagementTakesAGradeALeadToSql() {
        var result = DEFAULT.evaluate(profile("IT Security", 450, 60_000L, "Director of IT", List.of()),
                List.of(new EventFact("demo_requested", null, NOW), new EventFact("chat_agreed", null, NOW)), NOW);
        assertThat(result.engagementScore()).isEqualTo(40);
        assertThat(result.sql()).isTrue();
    }

    @Test
    void criteriaMayLookAtTheEventHistory() {
        var model = Models.COMPILER.compile("t", new ModelDefinition(List.of(), List.of(), null,
                "events.exists(e, e.type == 'chat_agreed')",
                "events.exists(d, d.type == 'demo_requested' && events.exists(n, n.type == 'nps_submitted'"
                        + " && n.value >= 9 && n.at > d.at))"));
        var chat = model.evaluate(nobody(), List.of(new EventFact("chat_agreed", null, NOW)), NOW);
        assertThat(chat.mql()).isTrue();
        assertThat(chat.sql()).isFalse();
        var demoThenNps = model.evaluate(nobody(), List.of(new EventFact("demo_requested", null, NOW.minusSeconds(60)),
                new EventFact("nps_submitted", 10.0, NOW)), NOW);
        assertThat(demoThenNps.sql()).isTrue();
    }

    static List<Problem.FieldError> errorsOf(ModelDefinition definition) {
        try {
            Models.COMPILER.compile("broken", definition);
        } catch (ModelInvalidException e) {
            return e.errors();
        }
        throw new AssertionError("the model compiled");
    }

    @Test
    void brokenRulesAreRejectedNamingTheRuleAndThePlace() {
        var fit = List.of(new ModelDefinition.FitRule("ok", "lead.employees > 100", 10),
                new ModelDefinition.FitRule("syntax", "lead.employees >", 5),
                new ModelDefinition.FitRule("unknown", "lead.employees > 1 && lead.revenue > 5", 5),
                new ModelDefinition.FitRule("not-bool", "lead.employees + 1", 5),
                new ModelDefinition.FitRule("undeclared", "company.size > 3", 5));
        var engagement = List.of(new ModelDefinition.EngagementRule(null, "nps_submitted", "event.score >= 9", 10,
                10d, "P30D"), new ModelDefinition.EngagementRule(null, "page_view", null, 1, 5d, "7 days"));
        var errors = errorsOf(new ModelDefinition(fit, engagement, null, "grade == 'A' &&", "fit > 'x'"));
        assertThat(errors).extracting(Problem.FieldError::field).containsExactly("fitRules[1].when",
                "fitRules[2].when", "fitRules[3].when", "fitRules[4].when", "engagementRules[0].when",
                "engagementRules[1].halfLife", "mql", "sql");
        assertThat(errors.get(1).message()).startsWith("line 1, column 23: ").contains("lead.revenue");
        assertThat(errors.get(0).message()).startsWith("line 1, column ");
        assertThat(errors.get(3).message()).contains("company");
    }

    @Test
    void tooLongOrTooCostlyRulesAreRejected() {
        String deep = "events.exists(a, events.exists(b, events.exists(c, events.exists(d, events.exists(e,"
                + " a.at < b.at && b.at < c.at && c.at < d.at && d.at < e.at)))))";
        var errors = errorsOf(new ModelDefinition(List.of(
                new ModelDefinition.FitRule("long", "lead.employees > 1" + " || lead.employees > 1".repeat(150), 1)),
                List.of(), null, "true", deep));
        assertThat(errors).extracting(Problem.FieldError::field).containsExactly("fitRules[0].when", "sql");
        assertThat(errors.get(0).message()).contains("characters long");
        assertThat(errors.get(1).message()).contains("estimated cost");
    }
}
