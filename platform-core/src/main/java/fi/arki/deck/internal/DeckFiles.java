package fi.arki.deck.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The files of one deck by name ({@code deck.yaml}, {@code messages_fi.properties}, images), read
 * from a code deck's classpath folder or from an uploaded package. Nothing else is ever read.
 */
public record DeckFiles(Map<String, byte[]> files) {

    public static final String MANIFEST = "deck.yaml";

    public DeckFiles {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public Optional<byte[]> get(String name) {
        return Optional.ofNullable(files.get(name));
    }

    public static String messagesFile(String languageTag) {
        return "messages_" + languageTag + ".properties";
    }

    /**
     * A code deck's files: the manifest, the messages of every language, and the images the
     * manifest names (found by name, since a classpath folder inside a jar cannot be listed).
     */
    public static DeckFiles fromClasspath(ClassLoader loader, String folder, java.util.function.Function<byte[], java.util.List<String>> imagesOf)
            throws IOException {
        String base = folder.endsWith("/") ? folder : folder + "/";
        Map<String, byte[]> files = new TreeMap<>();
        putIfPresent(files, loader, base, MANIFEST);
        for (String tag : new String[] {"fi", "sv", "en"}) {
            putIfPresent(files, loader, base, messagesFile(tag));
        }
        byte[] manifest = files.get(MANIFEST);
        if (manifest != null) {
            for (String image : imagesOf.apply(manifest)) {
                putIfPresent(files, loader, base, image);
            }
        }
        return new DeckFiles(files);
    }

    private static void putIfPresent(Map<String, byte[]> files, ClassLoader loader, String base, String name) throws IOException {
        try (@Nullable InputStream in = loader.getResourceAsStream(base + name)) {
            if (in != null) {
                files.put(name, in.readNBytes(DeckReader.MAX_IMAGE_BYTES + 1));
            }
        }
    }

    /**
     * The canonical listing that identifies the content and that a package's signature signs:
     * a header line, then {@code <sha-256 hex>  <name>} for every file in name order (the
     * signature file itself excluded), each line ending in a newline.
     */
    public byte[] canonicalListing() {
        StringBuilder listing = new StringBuilder(PackageSignature.HEADER).append('\n');
        files.forEach((name, bytes) -> listing.append(sha256(bytes)).append("  ").append(name).append('\n'));
        return listing.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The SHA-256 of the canonical listing: equal content, equal hash. */
    public String contentHash() {
        return sha256(canonicalListing());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
