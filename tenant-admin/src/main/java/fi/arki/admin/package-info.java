/**
 * Tenant lifecycle and administration: creating and seeding tenants, deck catalogue per tenant, retention and export.
 */
@NullMarked
package fi.arki.admin;

import org.jspecify.annotations.NullMarked;
