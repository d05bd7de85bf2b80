/**
 * Every screen of Arki in Vaadin: what participants, facilitators and administrators see and touch.
 */
@NullMarked
package fi.arki.ui;

import org.jspecify.annotations.NullMarked;
