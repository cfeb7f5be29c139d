package io.leadplatform.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One rule of an ownership policy. A null criterion matches any lead; the default rule has none. List criteria
 * are stored comma-separated and match case-insensitively.
 */
@Entity
@Table(name = "ownership_rule")
public class OwnershipRule {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "policy_id")
    public OwnershipPolicy policy;
    public int position;
    public String name;
    public String direction;
    @Column(name = "consent_marketing")
    public Boolean consentMarketing;
    public String stage;
    @Column(name = "fit_grades")
    public String fitGrades;
    @Column(name = "engagement_bands")
    public String engagementBands;
    public String regions;
    public String countries;
    public String industries;
    @Column(name = "employees_min")
    public Integer employeesMin;
    @Column(name = "employees_max")
    public Integer employeesMax;
    public String channels;
    @Column(name = "account_tiers")
    public String accountTiers;
    @Column(name = "is_default")
    public boolean defaultRule;
    @ManyToOne
    @JoinColumn(name = "target_queue_id")
    public RoutingQueue targetQueue;

    public boolean matches(RoutingFacts facts) {
        return (direction == null || direction.equalsIgnoreCase(facts.direction()))
                && (consentMarketing == null || consentMarketing.equals(facts.consentMarketing()))
                && (stage == null || stage.equalsIgnoreCase(facts.stage()))
                && in(fitGrades, facts.fitGrade())
                && in(engagementBands, facts.engagementBand())
                && in(regions, facts.region())
                && in(countries, facts.country())
                && in(industries, facts.industry())
                && in(channels, facts.channel())
                && in(accountTiers, facts.accountTier())
                && (employeesMin == null || facts.employees() != null && facts.employees() >= employeesMin)
                && (employeesMax == null || facts.employees() != null && facts.employees() <= employeesMax);
    }

    public boolean hasCriteria() {
        return !criteria().equals("any lead");
    }

    private static boolean in(String csv, String value) {
        return csv == null || value != null && split(csv).stream().anyMatch(v -> v.equalsIgnoreCase(value.trim()));
    }

    public static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    /** The rule's criteria in words, for the ledger. */
    public String criteria() {
        List<String> parts = new ArrayList<>();
        add(parts, "direction", direction);
        if (consentMarketing != null) {
            parts.add("consentMarketing=" + consentMarketing);
        }
        add(parts, "stage", stage);
        add(parts, "fitGrade", fitGrades);
        add(parts, "engagementBand", engagementBands);
        add(parts, "region", regions);
        add(parts, "country", countries);
        add(parts, "industry", industries);
        add(parts, "channel", channels);
        add(parts, "accountTier", accountTiers);
        if (employeesMin != null || employeesMax != null) {
            parts.add("employees=" + (employeesMin == null ? "" : employeesMin) + ".."
                    + (employeesMax == null ? "" : employeesMax));
        }
        return parts.isEmpty() ? "any lead" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }
}
