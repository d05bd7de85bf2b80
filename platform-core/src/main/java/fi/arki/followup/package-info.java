/**
 * Follow-up: the development targets teams commit to in sessions, and their review next time.
 */
@NullMarked
package fi.arki.followup;

import org.jspecify.annotations.NullMarked;
