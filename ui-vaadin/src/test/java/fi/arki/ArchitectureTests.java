package fi.arki;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules that read as sentences. Modulith checks module boundaries; these check what lies inside them. */
@AnalyzeClasses(packages = "fi.arki", importOptions = ProductionClasses.class)
class ArchitectureTests {

    static final String[] DECKS = {"fi.arki.juuti..", "fi.arki.servicepath..", "fi.arki.sharedcustomers.."};

    @ArchTest
    static final ArchRule deck_modules_depend_only_on_the_deck_spi_and_shared =
            noClasses().that().resideInAnyPackage(DECKS)
                    .should().dependOnClassesThat(resideInAPackage("fi.arki..")
                            .and(not(resideInAnyPackage("fi.arki.deck.spi..", "fi.arki.shared..")))
                            .and(not(resideInAnyPackage(DECKS))))
                    .allowEmptyShould(true);

    @ArchTest
    static final ArchRule only_internal_packages_use_DSLContext =
            noClasses().that().resideOutsideOfPackage("..internal..")
                    .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                    .as("only internal packages use DSLContext (or anything else of jOOQ)");

    @ArchTest
    static final ArchRule only_internal_packages_use_JDBC =
            noClasses().that().resideOutsideOfPackage("..internal..")
                    .and().resideOutsideOfPackage("fi.arki.ui..")
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
