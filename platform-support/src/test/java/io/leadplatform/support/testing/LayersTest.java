package io.leadplatform.support.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layer rule that every service's ArchitectureTest applies catches a service importing a rest class. */
class LayersTest {

    static final String FIXTURE = "io.leadplatform.support.testing.layers.fixture";

    @Test
    void aServiceThatImportsARestClassBreaksTheRule() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE);
        assertThat(classes.contain(FIXTURE + ".service.SomeService")).isTrue();

        assertThatThrownBy(() -> Layers.pointOneWay(FIXTURE).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("only rest depends on rest")
                .hasMessageContaining("SomeService");
    }

    @Test
    void withoutTheOffendingClassTheRuleHolds() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".rest", FIXTURE + ".domain");

        Layers.pointOneWay(FIXTURE).check(classes);
    }
}
