package io.leadplatform.lead.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "imports")
public interface ImportConfig {

    /** Rows stored per transaction. */
    @WithDefault("500")
    int batchSize();

    /** Row errors kept on a job; the rejected count still counts them all. */
    @WithDefault("100")
    int maxRowErrors();
}
