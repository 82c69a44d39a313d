package io.paperwire;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The arrows of the architecture point down: {@code cli} → {@code app} → {@code ops} → the stages → the shared
 * packages below them. These rules fail the build when a change makes one point up or sideways into a cycle.
 * Among the stages, {@code roundup} sits on top: it collects from the archive's issues, writes with the summarise
 * stage's LLM machinery, renders with the render stage and mails through the deliver stage, so no other stage may
 * import it.
 */
class ArchitectureTest {

    static final String[] STAGES = {"..source..", "..select..", "..summarize..", "..render..", "..archive..",
            "..personalise..", "..deliver..", "..subscribers..", "..roundup.."};
    static final String[] BELOW_THE_STAGES = {"..paper..", "..store..", "..settings..", "..common..", "..mail.."};

    static JavaClasses paperwire;

    @BeforeAll
    static void importMainClasses() {
        paperwire = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.paperwire");
    }

    static JavaClasses classes() {
        return paperwire;
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("io.paperwire.(*)..").should().beFreeOfCycles().check(classes());
    }

    @Test
    void stagesImportNeitherOperationsNorTheCommandLineNorTheCompositionRoot() {
        ArchRule rule = noClasses().that().resideInAnyPackage(STAGES)
                .should().dependOnClassesThat().resideInAnyPackage("..ops..", "..cli..", "..app..");
        rule.check(classes());
    }

    @Test
    void noOtherStageImportsTheRoundups() {
        noClasses().that().resideInAnyPackage(STAGES).and().resideOutsideOfPackage("..roundup..")
                .should().dependOnClassesThat().resideInAPackage("..roundup..").check(classes());
    }

    @Test
    void theSharedPackagesImportNoStage() {
        ArchRule rule = noClasses().that().resideInAnyPackage(BELOW_THE_STAGES)
                .should().dependOnClassesThat().resideInAnyPackage(STAGES)
                .orShould().dependOnClassesThat().resideInAnyPackage("..ops..", "..cli..", "..app..");
        rule.check(classes());
    }

    @Test
    void operationsDoNotReachIntoTheCommandLineOrTheCompositionRoot() {
        noClasses().that().resideInAPackage("..ops..")
                .should().dependOnClassesThat().resideInAnyPackage("..cli..", "..app..").check(classes());
    }
}
