package fi.arki.deck.spi;

/**
 * A code deck: a Spring bean in a deck module that tells the platform where its content lies on
 * the classpath. The content is in the one deck format every deck uses, uploaded or built in:
 * <pre>
 *   &lt;contentLocation&gt;/deck.yaml                manifest: id, version, platform range, locales,
 *                                          provenance, license, settings, cards and activities
 *   &lt;contentLocation&gt;/messages_fi.properties   texts, keys mirroring the manifest (see docs/deck-authoring.md)
 *   &lt;contentLocation&gt;/messages_sv.properties
 *   &lt;contentLocation&gt;/messages_en.properties
 * </pre>
 * The platform reads and validates it at start-up exactly as it validates an uploaded package.
 */
public interface DeckProvider {

    /** The deck id; must equal the manifest's id. Never changes once a deck is published. */
    String id();

    /** Classpath folder (no leading slash) holding deck.yaml and the messages files. */
    String contentLocation();

    /** The class loader that sees the content; the provider's own by default. */
    default ClassLoader classLoader() {
        return getClass().getClassLoader();
    }
}
