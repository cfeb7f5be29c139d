package io.leadplatform.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    /** The channel recorded for a touch whose request names none. */
    @WithDefault("call")
    String defaultTouchChannel();

    /** The queue a hand-off goes to when the policy sends an SQL nowhere SALES-owned and AE. */
    @WithDefault("sales-ae")
    String handoffQueue();

    /** How often leads waiting for capacity are tried again (read by the scheduler as routing.waiting-retry-interval). */
    @WithDefault("5s")
    String waitingRetryInterval();

    EngagementBands engagementBand();

    Escalation escalation();

    /** How far back a simulation replays qualified leads when the request does not say. */
    @WithDefault("30")
    int simulationDays();

    interface EngagementBands {
        /** Engagement scores from here are MEDIUM; below are LOW. */
        @WithDefault("20")
        int mediumFrom();

        /** Engagement scores from here are HIGH. */
        @WithDefault("50")
        int highFrom();
    }

    interface Escalation {
        /** Breaches charged to a member within {@link #window()} that make them unavailable. */
        @WithDefault("3")
        int breachesBeforeUnavailable();

        @WithDefault("PT24H")
        Duration window();

        /** How long a member stays unavailable once over the limit. */
        @WithDefault("PT8H")
        Duration unavailableFor();
    }
}
