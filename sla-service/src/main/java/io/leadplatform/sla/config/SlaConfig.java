package io.leadplatform.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

@ConfigMapping(prefix = "sla")
public interface SlaConfig {

    /** The built-in default policy's first-touch target (always-open calendar, so wall time). */
    @WithDefault("PT5M")
    Duration firstTouch();

    /** Share of the target after which an {@code sla.warning} goes out. */
    @WithDefault("0.75")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double warningRatio();

    /** How often the timer looks for clocks to warn or breach (read by the timer's schedule). */
    @WithDefault("1s")
    Duration timerInterval();

    /** Clocks warned or breached per timer transaction. */
    @WithDefault("1000")
    @Positive
    int timerBatchSize();

    /** Timer transactions run in parallel per instance on each tick; rows are shared out by SKIP LOCKED. */
    @WithDefault("2")
    @Positive
    int timerWorkers();

    /** How often the rollup deltas are folded into the compliance rollup (read by its schedule). */
    @WithDefault("5s")
    Duration rollupInterval();

    /** The label clocks started under the built-in default policy record. */
    @WithDefault("default-1")
    String policyVersion();

    /** How often the open-clock gauges are refreshed from the table (read by the metrics' schedule). */
    @WithDefault("15s")
    Duration metricsInterval();
}
