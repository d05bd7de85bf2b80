/**
 * The shared customers deck: units that serve the same customers learn each other's services and agree one shared practice.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"deck :: spi", "shared"})
package fi.arki.sharedcustomers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
