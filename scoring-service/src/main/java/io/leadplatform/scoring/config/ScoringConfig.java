package io.leadplatform.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

    Rules rules();

    Rescore rescore();

    DecayPass decayPass();

    interface Rules {
        /** The most fit and engagement rules a model may have. */
        @WithDefault("200")
        int maxRules();

        /** The longest CEL expression accepted, in characters. */
        @WithDefault("2000")
        int maxExpressionLength();

        /** The highest estimated cost of one expression: AST nodes, times 10 per enclosing comprehension. */
        @WithDefault("20000")
        long maxCost();
    }

    interface Rescore {
        /** Leads re-scored per transaction when a model is activated. */
        @WithDefault("100")
        int batchSize();
    }

    interface DecayPass {
        /** How often the decay pass runs ({@code off} disables it; tests run it by hand). */
        @WithDefault("1h")
        String every();

        /** Leads with an engagement event this recent are re-evaluated as their points decay. */
        @WithDefault("P90D")
        Duration lookback();

        /** A re-evaluation is stored only if the engagement moves by this much or a stage criterion changes. */
        @WithDefault("1")
        int minChange();
    }
}
