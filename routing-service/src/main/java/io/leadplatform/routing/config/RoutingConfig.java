package io.leadplatform.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    /** The channel recorded for a touch whose request names none. */
    @WithDefault("call")
    String defaultTouchChannel();
}
