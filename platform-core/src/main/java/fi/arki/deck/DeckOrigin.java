package fi.arki.deck;

/** How a deck version reached the platform. */
public enum DeckOrigin {
    /** A deck module (Maven) with a {@link fi.arki.deck.spi.DeckProvider}. */
    CODE,
    /** A content package uploaded by a platform administrator, for every tenant; signed if official. */
    PLATFORM_PACKAGE,
    /** A content package a tenant administrator uploaded for their own tenant only. */
    TENANT_PACKAGE
}
