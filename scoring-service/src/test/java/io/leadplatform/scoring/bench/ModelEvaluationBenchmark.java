package io.leadplatform.scoring.bench;

import io.leadplatform.events.LeadProfile;
import io.leadplatform.scoring.Models;
import io.leadplatform.scoring.SampleLeads;
import io.leadplatform.scoring.model.CompiledModel;
import io.leadplatform.scoring.model.Evaluation;
import io.leadplatform.scoring.model.EventFact;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluations per second of a 25-rule model (15 fit rules, 8 engagement rules, the MQL and SQL criteria) on one
 * thread, over the first 4,096 sample leads with their events. Run it as the README says; it is not a test.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ModelEvaluationBenchmark {

    private static final int LEADS = 4096;

    private CompiledModel model;
    private LeadProfile[] profiles;
    private List<EventFact>[] events;
    private Instant now;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        model = Models.COMPILER.compile("bench-25", Models.definition(Models.resource("bench-25")));
        List<SampleLeads.Lead> leads = SampleLeads.leads().values().stream().limit(LEADS).toList();
        profiles = new LeadProfile[leads.size()];
        events = new List[leads.size()];
        for (int i = 0; i < leads.size(); i++) {
            profiles[i] = leads.get(i).profile();
            events[i] = SampleLeads.events().getOrDefault(leads.get(i).externalId(), List.of()).stream()
                    .map(SampleLeads.Event::fact).toList();
        }
        now = Instant.parse("2026-12-01T00:00:00Z");
    }

    @Benchmark
    public Evaluation evaluateLead() {
        int i = next;
        next = (i + 1) % profiles.length;
        return model.evaluate(profiles[i], events[i], now);
    }
}
