/**
 * The append-only audit log: who did what, in which tenant, to what, and how it ended.
 */
@NullMarked
package fi.arki.audit;

import org.jspecify.annotations.NullMarked;
