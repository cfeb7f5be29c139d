package io.leadplatform.scoring.service;

import io.leadplatform.support.problem.ProblemException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses outcomes in the format of data/sample/outcomes.csv: external_id,outcome,reason,decided_at. */
final class Outcomes {

    static final String HEADER = "external_id,outcome,reason,decided_at";

    private Outcomes() {
    }

    /** Maps each external id to whether the lead converted; a bad line is a 400 naming it. */
    static Map<String, Boolean> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.invalid("outcomes", "must be a CSV with the header " + HEADER);
        }
        List<String> lines = csv.lines().toList();
        if (!lines.getFirst().strip().equals(HEADER)) {
            throw ProblemException.invalid("outcomes[1]", "must be the header " + HEADER);
        }
        Map<String, Boolean> outcomes = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4 || cells[0].isBlank()) {
                throw ProblemException.invalid("outcomes[" + (i + 1) + "]", "must have 4 cells: " + HEADER);
            }
            boolean converted = switch (cells[1]) {
                case "converted" -> true;
                case "rejected" -> false;
                default -> throw ProblemException.invalid("outcomes[" + (i + 1) + "].outcome",
                        "must be converted or rejected");
            };
            outcomes.put(cells[0].strip(), converted);
        }
        return outcomes;
    }
}
