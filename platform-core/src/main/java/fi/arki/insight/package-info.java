/**
 * Insight: what a session produced, as a summary its team can read and export, with every measure
 * held back below the tenant's anonymity threshold.
 */
@NullMarked
package fi.arki.insight;

import org.jspecify.annotations.NullMarked;
