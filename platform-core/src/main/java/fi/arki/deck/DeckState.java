package fi.arki.deck;

/** Whether a deck version can be offered: failed ones are listed with their problems but never offered. */
public enum DeckState {
    ACTIVE, FAILED
}
