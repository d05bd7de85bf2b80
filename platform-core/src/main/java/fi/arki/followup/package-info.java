/**
 * Follow-up: the development targets teams commit to in sessions, their review next time, and the
 * organisation's idea pipeline (ideas teams escalate, and what the organisation answers).
 */
@NullMarked
package fi.arki.followup;

import org.jspecify.annotations.NullMarked;
