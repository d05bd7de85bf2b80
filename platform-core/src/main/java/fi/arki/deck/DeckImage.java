package fi.arki.deck;

/** A PNG or JPEG picture of a deck (e.g. an intro's {@code image}), checked by its bytes, not its name. */
public record DeckImage(String name, String mediaType, byte[] content) {

    public DeckImage {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
