/**
 * The shared kernel every module may use: tenant ids and localized text.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fi.arki.shared;

import org.jspecify.annotations.NullMarked;
