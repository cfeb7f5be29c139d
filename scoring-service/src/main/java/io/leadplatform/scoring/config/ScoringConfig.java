package io.leadplatform.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

    /** Fit plus engagement at or above which a grade A or B lead is an MQL. */
    @WithDefault("40")
    int mqlThreshold();

    /** Engagement at or above which a grade A MQL is sales-ready (SQL). */
    @WithDefault("40")
    int sqlEngagement();
}
