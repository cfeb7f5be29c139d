package io.leadplatform.support.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The direction of dependency inside a service: {@code rest} → {@code service} → {@code domain}. Records that both
 * sides share live in {@code api}, which imports nothing above it; consumers in {@code messaging} call services.
 */
public final class Layers {

    private Layers() {
    }

    /** The service's main classes under {@code rootPackage} (for example {@code io.leadplatform.lead}). */
    public static JavaClasses mainClassesOf(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    public static ArchRule pointOneWay(String rootPackage) {
        String rest = rootPackage + ".rest..";
        String service = rootPackage + ".service..";
        String messaging = rootPackage + ".messaging..";
        return CompositeArchRule.of(
                        noClasses().that().resideOutsideOfPackage(rest)
                                .should().dependOnClassesThat().resideInAPackage(rest)
                                .as("only rest depends on rest"))
                .and(noClasses().that().resideInAPackage(rootPackage + ".domain..")
                        .should().dependOnClassesThat().resideInAnyPackage(service, messaging, rest)
                        .as("domain depends on nothing above it"))
                .and(noClasses().that().resideInAPackage(rootPackage + ".api..")
                        .should().dependOnClassesThat().resideInAnyPackage(service, messaging, rest)
                        .as("api depends on nothing above it"))
                .and(noClasses().that().resideInAPackage(service)
                        .should().dependOnClassesThat().resideInAPackage(messaging)
                        .as("services do not call their consumers"))
                .allowEmptyShould(true);
    }
}
