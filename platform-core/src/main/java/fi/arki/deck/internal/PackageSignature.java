package fi.arki.deck.internal;

import fi.arki.deck.DeckProblem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Official deck packages are signed with Ed25519 (the JDK's own). The signature file
 * {@code deck.sig} in the package names the key ({@code key=}) and holds the signature
 * ({@code signature=}, Base64) of the package's canonical listing ({@link DeckFiles#canonicalListing()}).
 * Only keys the platform is configured to trust ({@code arki.decks.trusted-keys.<key-id>}) make a
 * package official; a signature that does not verify is refused, not ignored.
 */
public final class PackageSignature {

    static final String HEADER = "arki-deck-package-v1";

    private final Map<String, PublicKey> trusted;

    /** @param trustedKeys key id → public key, Base64 of the X.509 SubjectPublicKeyInfo (the body of a PEM public key) */
    public PackageSignature(Map<String, String> trustedKeys) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        trustedKeys.forEach((id, encoded) -> keys.put(id, publicKey(encoded)));
        this.trusted = Map.copyOf(keys);
    }

    public static PublicKey publicKey(String encoded) {
        String base64 = encoded.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key: " + encoded, e);
        }
    }

    /** The outcome: the verifying key's id, or the problem. */
    public record Verdict(@Nullable String keyId, @Nullable DeckProblem problem) {
    }

    public Verdict verify(DeckFiles files, byte[] signatureFile) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(signatureFile, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return new Verdict(null, DeckProblem.of("deck.problem.signature.malformed"));
        }
        String keyId = p.getProperty("key", "").strip();
        String signature = p.getProperty("signature", "").strip();
        if (keyId.isEmpty() || signature.isEmpty()) {
            return new Verdict(null, DeckProblem.of("deck.problem.signature.malformed"));
        }
        PublicKey key = trusted.get(keyId);
        if (key == null) {
            return new Verdict(null, DeckProblem.of("deck.problem.signature.unknown-key", keyId.replaceAll("[^A-Za-z0-9._-]", "?")));
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(files.canonicalListing());
            if (verifier.verify(Base64.getDecoder().decode(signature))) {
                return new Verdict(keyId, null);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a signature that cannot even be checked is as bad as a wrong one
        }
        return new Verdict(null, DeckProblem.of("deck.problem.signature.invalid", keyId));
    }
}
