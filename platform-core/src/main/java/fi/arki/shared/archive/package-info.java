/**
 * Reading zips that come from outside (deck packages, tenant exports) without trusting them.
 */
@NullMarked
package fi.arki.shared.archive;

import org.jspecify.annotations.NullMarked;
