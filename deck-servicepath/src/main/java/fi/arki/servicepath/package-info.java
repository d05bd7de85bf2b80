/**
 * The service path deck: a customer's journey through pre-, core- and post-experience, its touchpoints, emotions, peak, end and effort.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"deck :: spi", "shared"})
package fi.arki.servicepath;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
