package io.leadplatform.scoring;

import io.leadplatform.events.LeadProfile;
import io.leadplatform.scoring.domain.DefaultScoringModel;
import io.leadplatform.scoring.domain.DefaultScoringModel.Engagement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultScoringModelTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    static LeadProfile profile(String industry, Integer employees, Long budget, String title, List<String> tech) {
        return new LeadProfile("x", "a@b.example", null, null, "B", "b.example", title, industry, employees, budget,
                "US", "NA", tech, List.of(), "inbound", "paid", null, null, true, true);
    }

    @Test
    void aLargeItSecurityBuyerIsGradeAWithEveryFitRuleExplained() {
        var result = DefaultScoringModel.score(
                profile("IT Security", 450, 60_000L, "Director of IT", List.of("Salesforce")), List.of(), NOW);
        assertThat(result.fitScore()).isEqualTo(55);
        assertThat(result.fitGrade()).isEqualTo("A");
        assertThat(result.contributions()).extracting(DefaultScoringModel.Contribution::rule)
                .containsExactlyInAnyOrder("employees-over-100", "budget-10k", "target-industry", "senior-title",
                        "runs-salesforce");
    }

    @Test
    void aSmallUnknownCompanyIsGradeD() {
        var result = DefaultScoringModel.score(profile("Retail", 20, 1_000L, "Intern", List.of()), List.of(), NOW);
        assertThat(result.fitScore()).isZero();
        assertThat(result.fitGrade()).isEqualTo("D");
    }

    @Test
    void engagementDecaysByHalfPerHalfLife() {
        var fresh = DefaultScoringModel.score(profile(null, null, null, null, List.of()),
                List.of(new Engagement("demo_requested", null, NOW)), NOW);
        var monthOld = DefaultScoringModel.score(profile(null, null, null, null, List.of()),
                List.of(new Engagement("demo_requested", null, NOW.minus(Duration.ofDays(30)))), NOW);
        assertThat(fresh.engagementScore()).isEqualTo(25);
        assertThat(monthOld.engagementScore()).isEqualTo(13);
    }

    @Test
    void pointsAreCappedPerTypeAndUnsubscribeSubtracts() {
        var pageViews = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> new Engagement("page_view", null, NOW)).toList();
        var capped = DefaultScoringModel.score(profile(null, null, null, null, List.of()), pageViews, NOW);
        assertThat(capped.engagementScore()).isEqualTo(10);

        var withUnsubscribe = new java.util.ArrayList<>(pageViews);
        withUnsubscribe.add(new Engagement("unsubscribe", null, NOW));
        assertThat(DefaultScoringModel.score(profile(null, null, null, null, List.of()), withUnsubscribe, NOW)
                .engagementScore()).isZero();
    }

    @Test
    void onlyPromoterNpsCounts() {
        var detractor = DefaultScoringModel.score(profile(null, null, null, null, List.of()),
                List.of(new Engagement("nps_submitted", 8.0, NOW)), NOW);
        var promoter = DefaultScoringModel.score(profile(null, null, null, null, List.of()),
                List.of(new Engagement("nps_submitted", 9.0, NOW)), NOW);
        assertThat(detractor.engagementScore()).isZero();
        assertThat(promoter.engagementScore()).isEqualTo(10);
    }
}
