package io.leadplatform.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

@ConfigMapping(prefix = "sla")
public interface SlaConfig {

    /** Time from assignment to first touch before the clock breaches. */
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
    @WithDefault("200")
    @Positive
    int timerBatchSize();

    /** Recorded on every clock so that later, versioned policies can tell which rules a clock ran under. */
    @WithDefault("default-1")
    String policyVersion();
}
