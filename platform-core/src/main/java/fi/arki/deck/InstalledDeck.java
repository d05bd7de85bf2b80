package fi.arki.deck;

/** One version of a deck as the platform runs it: what it is, what it says, and where it came from. */
public record InstalledDeck(DeckManifest manifest, DeckTexts texts, DeckOrigin origin, boolean official) {

    public String id() {
        return manifest.id();
    }

    public String version() {
        return manifest.version();
    }
}
