package io.leadplatform.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "imports")
public interface ImportConfig {

    /** Rows stored per transaction. */
    @WithDefault("500")
    int batchSize();

    /** Row errors kept on a job; the rejected count still counts them all. */
    @WithDefault("100")
    int maxRowErrors();

    /** How long a job stays owned by its worker without a renewal; after that another run resumes it. */
    @WithDefault("30s")
    Duration lease();

    /** How often each instance renews its leases and looks for queued or abandoned jobs. */
    @WithDefault("5s")
    Duration pollInterval();
}
