package fi.arki;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/** T-15's rules are honest: each fails on a fixture deck that does the forbidden thing. */
class DeckRulesTests {

    /** The rules themselves work: a fixture deck that does each forbidden thing breaks each rule. */
    @org.junit.jupiter.api.Test
    void a_deck_touching_the_database_files_network_processes_or_reflection_breaks_the_deck_rules() {
        JavaClasses bad = new ClassFileImporter().importPackages("fixtures.baddeck");
        for (ArchRule rule : java.util.List.of(ArchitectureTests.decksTouchNoDatabase("fixtures.baddeck.."), ArchitectureTests.decksTouchNoFiles("fixtures.baddeck.."),
                ArchitectureTests.decksTouchNoNetwork("fixtures.baddeck.."), ArchitectureTests.decksStartNoProcesses("fixtures.baddeck.."),
                ArchitectureTests.decksUseNoReflection("fixtures.baddeck.."))) {
            org.assertj.core.api.Assertions.assertThat(rule.evaluate(bad).hasViolation()).as(rule.getDescription()).isTrue();
        }
    }

}
