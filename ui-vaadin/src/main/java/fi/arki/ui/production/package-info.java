/** What the production profile demands of the settings before Arki starts (T-25). */
@NullMarked
package fi.arki.ui.production;

import org.jspecify.annotations.NullMarked;
