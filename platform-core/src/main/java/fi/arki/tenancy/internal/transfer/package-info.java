/**
 * Moves a module's tables in and out of a tenant export, for the module's own
 * {@link fi.arki.tenancy.TenantDataParticipant} (jOOQ, hence in an internal package, exposed on purpose).
 */
@NullMarked
@NamedInterface("transfer")
package fi.arki.tenancy.internal.transfer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
