/**
 * Juuti's six dimensions deck: the thesis question set for teams on how staff shape the customer experience.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"deck :: spi", "shared"})
package fi.arki.juuti;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
