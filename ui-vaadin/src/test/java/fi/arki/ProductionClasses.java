package fi.arki;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Only what ships: no test classes, whether from this module's test-classes or from another
 * module's test-jar (the contract kit and database test support are on the test classpath).
 */
public final class ProductionClasses implements ImportOption {

    private static final ImportOption NO_TEST_CLASSES = new ImportOption.DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return NO_TEST_CLASSES.includes(location) && !location.contains("-tests.jar");
    }
}
