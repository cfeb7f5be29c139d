package io.leadplatform.lead;

import io.leadplatform.support.testing.Layers;
import org.junit.jupiter.api.Test;

/** rest → service → domain, with the records both sides share in api: no class below rest imports a rest class. */
class ArchitectureTest {

    static final String ROOT = "io.leadplatform.lead";

    @Test
    void dependenciesPointOneWay() {
        Layers.pointOneWay(ROOT).check(Layers.mainClassesOf(ROOT));
    }
}
