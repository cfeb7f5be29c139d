package io.leadplatform.scoring;

import io.leadplatform.events.AccountTiers;
import io.leadplatform.events.LeadProfile;
import io.leadplatform.scoring.model.EventFact;
import io.leadplatform.support.testing.SampleData;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/** The project's sample leads and events (data/sample), parsed into scoring's inputs. */
public final class SampleLeads {

    public record Lead(String externalId, String industry, int employees, long budget, List<String> technologies,
            List<String> interests, LeadProfile profile) {
    }

    public record Event(String externalId, String type, Double value, Instant occurredAt) {
        public EventFact fact() {
            return new EventFact(type, value, occurredAt);
        }
    }

    private static Map<String, Lead> leads;
    private static Map<String, List<Event>> events;

    private SampleLeads() {
    }

    public static synchronized Map<String, Lead> leads() {
        if (leads == null) {
            Map<String, Lead> read = new LinkedHashMap<>();
            for (String[] c : rows("leads.csv")) {
                List<String> tech = split(c[12]);
                List<String> interests = split(c[13]);
                int employees = c[8].isBlank() ? 0 : Integer.parseInt(c[8]);
                long budget = c[9].isBlank() ? 0 : Long.parseLong(c[9]);
                LeadProfile profile = new LeadProfile(c[0], c[1].strip().toLowerCase(), c[2], c[3], c[4], c[5], c[6],
                        c[7], employees, budget, c[10], c[11], tech, interests, c[14], c[15], c[16], c[17],
                        Boolean.parseBoolean(c[21]), Boolean.parseBoolean(c[22]), AccountTiers.byEmployees(employees));
                read.put(c[0], new Lead(c[0], c[7], employees, budget, tech, interests, profile));
            }
            leads = read;
        }
        return leads;
    }

    public static synchronized Map<String, List<Event>> events() {
        if (events == null) {
            Map<String, List<Event>> read = new HashMap<>();
            for (String[] c : rows("events.csv")) {
                read.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new Event(c[0], c[1],
                        c[2].isBlank() ? null : Double.parseDouble(c[2]), Instant.parse(c[3])));
            }
            events = read;
        }
        return events;
    }

    public static String outcomesCsv() {
        return SampleData.read("outcomes.csv");
    }

    private static List<String> split(String cell) {
        return cell.isBlank() ? List.of() : Arrays.asList(cell.split(";"));
    }

    private static List<String[]> rows(String file) {
        return SampleData.lines(file).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }
}
