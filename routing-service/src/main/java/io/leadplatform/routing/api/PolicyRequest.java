package io.leadplatform.routing.api;

import java.util.List;

/** A new policy version: ordered rules, exactly one of them the default (without criteria). */
public record PolicyRequest(String version, String description, List<Rule> rules) {

    /** {@code targetQueue} is a queue id or name; list criteria match any of their values. */
    public record Rule(String name, Boolean defaultRule, String direction, Boolean consentMarketing, String stage,
            List<String> fitGrades, List<String> engagementBands, List<String> regions, List<String> countries,
            List<String> industries, Integer employeesMin, Integer employeesMax, List<String> channels,
            List<String> accountTiers, String targetQueue) {
    }
}
