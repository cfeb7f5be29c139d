package io.leadplatform.scoring;

import io.leadplatform.scoring.model.CompiledModel;
import io.leadplatform.scoring.model.Evaluation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The "TRUE lead" of data/sample/README.md as one SQL criterion: exactly the leads meeting it reach SQL. */
class TrueLeadTest {

    /** The definition, computed straight from the CSV rows without CEL. */
    static Set<String> trueLeads() {
        Set<String> ids = new TreeSet<>();
        for (SampleLeads.Lead lead : SampleLeads.leads().values()) {
            List<SampleLeads.Event> events = SampleLeads.events().getOrDefault(lead.externalId(), List.of());
            boolean chat = events.stream().anyMatch(e -> e.type().equals("chat_agreed"));
            boolean promoter = events.stream()
                    .anyMatch(e -> e.type().equals("nps_submitted") && e.value() != null && e.value() >= 9);
            if (lead.budget() >= 10_000 && lead.industry().equals("IT Security") && lead.employees() > 100 && chat
                    && lead.technologies().contains("Salesforce") && promoter
                    && lead.interests().contains("voice-of-customer")) {
                ids.add(lead.externalId());
            }
        }
        return ids;
    }

    @Test
    void exactlyTheTrueLeadsOfTheSampleDataReachSql() {
        CompiledModel model = Models.COMPILER.compile("true-lead", Models.definition(Models.resource("true-lead")));
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Set<String> sql = new TreeSet<>();
        for (SampleLeads.Lead lead : SampleLeads.leads().values()) {
            Evaluation result = model.evaluate(lead.profile(), SampleLeads.events()
                    .getOrDefault(lead.externalId(), List.of()).stream().map(SampleLeads.Event::fact).toList(), now);
            if (result.stage() == Evaluation.Stage.SQL) {
                sql.add(lead.externalId());
            }
        }
        assertThat(trueLeads()).hasSize(4);
        assertThat(sql).isEqualTo(trueLeads());
    }
}
