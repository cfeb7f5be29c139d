package io.leadplatform.scoring.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A scoring model as data: CEL fit rules with points, engagement rules per event type (points, cap, half-life and an
 * optional CEL condition over the event), the fit grade thresholds, and the MQL and SQL criteria as CEL predicates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelDefinition(List<FitRule> fitRules, List<EngagementRule> engagementRules, Grades grades,
        String mql, String sql) {

    public ModelDefinition {
        fitRules = fitRules == null ? List.of() : fitRules;
        engagementRules = engagementRules == null ? List.of() : engagementRules;
        grades = grades == null ? Grades.DEFAULT : grades;
        mql = mql == null ? "false" : mql;
        sql = sql == null ? "false" : sql;
    }

    /** {@code when} is a CEL boolean over {@code lead}; {@code points} are added to the fit score when it holds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FitRule(String id, String when, int points) {
    }

    /**
     * Each event of {@code type} for which {@code when} (a CEL boolean over {@code event}, optional) holds adds
     * {@code points}, halved every {@code halfLife} (ISO-8601, optional: no decay). The rule adds at most {@code cap}
     * (or, for negative points, subtracts at most {@code -cap}); no cap when absent. {@code id} defaults to the type.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EngagementRule(String id, String type, String when, double points, Double cap, String halfLife) {

        public String name() {
            return id == null || id.isBlank() ? type : id;
        }
    }

    /** The least fit score of each grade; below {@code C} is grade D. */
    public record Grades(@JsonProperty("A") int a, @JsonProperty("B") int b, @JsonProperty("C") int c) {
        public static final Grades DEFAULT = new Grades(45, 30, 15);

        public String of(int fit) {
            return fit >= a ? "A" : fit >= b ? "B" : fit >= c ? "C" : "D";
        }
    }
}
