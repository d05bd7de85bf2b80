/**
 * Who is signed in: platform accounts (local or single sign-on) and the tenant and roles they act with.
 */
@NullMarked
package fi.arki.identity;

import org.jspecify.annotations.NullMarked;
