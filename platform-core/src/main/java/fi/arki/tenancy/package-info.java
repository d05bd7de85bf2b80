/**
 * Tenants, and the per-transaction tenant binding that PostgreSQL row level security enforces.
 */
@NullMarked
package fi.arki.tenancy;

import org.jspecify.annotations.NullMarked;
