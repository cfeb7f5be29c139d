package io.leadplatform.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "api")
public interface ApiConfig {

    /** Largest JSON request body; CSV uploads to imports and campaign costs may use the global HTTP limit. */
    @WithDefault("1M")
    io.quarkus.runtime.configuration.MemorySize jsonMaxBodySize();
}
