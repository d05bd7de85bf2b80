package fi.arki;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules that read as sentences. Modulith checks module boundaries; these check what lies inside them. */
@AnalyzeClasses(packages = "fi.arki", importOptions = ProductionClasses.class)
public class ArchitectureTests {

    static final String[] DECKS = {"fi.arki.juuti..", "fi.arki.servicepath..", "fi.arki.sharedcustomers.."};

    @ArchTest
    static final ArchRule deck_modules_depend_only_on_the_deck_spi_and_shared =
            noClasses().that().resideInAnyPackage(DECKS)
                    .should().dependOnClassesThat(resideInAPackage("fi.arki..")
                            .and(not(resideInAnyPackage("fi.arki.deck.spi..", "fi.arki.shared..")))
                            .and(not(resideInAnyPackage(DECKS))))
                    .allowEmptyShould(true);

    @ArchTest
    static final ArchRule deck_providers_are_spring_components_so_the_registry_finds_them =
            classes().that().implement(fi.arki.deck.spi.DeckProvider.class)
                    .should().beMetaAnnotatedWith(org.springframework.stereotype.Component.class);

    // T-15: a deck is content and a provider; it touches nothing of the machine or the database.

    @ArchTest
    static final ArchRule decks_touch_no_jooq_and_no_jdbc = decksTouchNoDatabase(DECKS);

    @ArchTest
    static final ArchRule decks_touch_no_files = decksTouchNoFiles(DECKS);

    @ArchTest
    static final ArchRule decks_touch_no_network = decksTouchNoNetwork(DECKS);

    @ArchTest
    static final ArchRule decks_start_no_processes = decksStartNoProcesses(DECKS);

    @ArchTest
    static final ArchRule decks_use_no_reflection = decksUseNoReflection(DECKS);

    static ArchRule decksTouchNoDatabase(String... decks) {
        return noClasses().that().resideInAnyPackage(decks).should().dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.postgresql..")
                .allowEmptyShould(true).as("decks touch no jOOQ and no JDBC");
    }

    static ArchRule decksTouchNoFiles(String... decks) {
        return noClasses().that().resideInAnyPackage(decks).should().dependOnClassesThat()
                .resideInAnyPackage("java.nio.file..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File.*|RandomAccessFile)")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.core.io..")
                .allowEmptyShould(true).as("decks touch no files");
    }

    static ArchRule decksTouchNoNetwork(String... decks) {
        return noClasses().that().resideInAnyPackage(decks).should().dependOnClassesThat()
                .resideInAnyPackage("java.net..", "javax.net..", "org.springframework.web.client..", "org.springframework.http..")
                .allowEmptyShould(true).as("decks touch no network");
    }

    static ArchRule decksStartNoProcesses(String... decks) {
        return noClasses().that().resideInAnyPackage(decks).should().dependOnClassesThat()
                .haveNameMatching("java\\.lang\\.(Process|ProcessBuilder|ProcessHandle|Runtime)(\\$.*)?")
                .allowEmptyShould(true).as("decks start no processes");
    }

    static ArchRule decksUseNoReflection(String... decks) {
        return noClasses().that().resideInAnyPackage(decks).should().dependOnClassesThat()
                .resideInAnyPackage("java.lang.reflect..", "java.lang.invoke..", "org.springframework.cglib..", "sun.misc..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.util.ReflectionUtils")
                .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(Class.class))))
                .allowEmptyShould(true).as("decks use no reflection");
    }

    @ArchTest
    static final ArchRule only_internal_packages_use_DSLContext =
            noClasses().that().resideOutsideOfPackage("..internal..")
                    .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                    .as("only internal packages use DSLContext (or anything else of jOOQ)");

    @ArchTest
    static final ArchRule only_internal_packages_use_JDBC =
            noClasses().that().resideOutsideOfPackage("..internal..")
                    .and().resideOutsideOfPackage("fi.arki.ui..")
                    // reads the SQL state of a failure to tell an outage from a busy pool; runs no SQL
                    .and().doNotHaveFullyQualifiedName("fi.arki.shared.DatabaseOutage")
                    .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule the_ui_does_not_touch_any_modules_internals =
            noClasses().that().resideInAPackage("fi.arki.ui..")
                    .should().dependOnClassesThat().resideInAPackage("fi.arki..internal..");

    @ArchTest
    static final ArchRule the_platform_does_not_know_about_vaadin =
            noClasses().that().resideOutsideOfPackages("fi.arki.ui..", "fi.arki")
                    .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..");

    @ArchTest
    static final ArchRule repositories_live_in_internal_packages =
            classes().that().areAnnotatedWith(org.springframework.stereotype.Repository.class)
                    .should().resideInAPackage("..internal..");
}
