package io.leadplatform.routing;

import io.leadplatform.support.testing.Layers;
import org.junit.jupiter.api.Test;

/** Dependencies inside the service point one way: rest → service → domain, with shared records in api. */
class ArchitectureTest {

    static final String ROOT = "io.leadplatform.routing";

    @Test
    void dependenciesPointOneWay() {
        Layers.pointOneWay(ROOT).check(Layers.mainClassesOf(ROOT));
    }
}
