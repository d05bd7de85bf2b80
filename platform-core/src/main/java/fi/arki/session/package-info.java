/**
 * Live sessions: a team runs a deck's cards with a facilitator, participants join by code, and
 * every answer is committed before it shows as saved.
 */
@NullMarked
package fi.arki.session;

import org.jspecify.annotations.NullMarked;
