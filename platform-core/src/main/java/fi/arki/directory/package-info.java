/**
 * A tenant's units, teams and people, and the roles people hold in the tenant.
 */
@NullMarked
package fi.arki.directory;

import org.jspecify.annotations.NullMarked;
