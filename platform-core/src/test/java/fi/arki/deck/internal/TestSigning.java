package fi.arki.deck.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs test packages with the test keys (src/test/resources/deck-keys), as tools/DeckPackage.java does. */
public final class TestSigning {

    private TestSigning() {
    }

    /** The files plus a deck.sig naming {@code keyId}, signed with the private key {@code keyFile}. */
    public static Map<String, byte[]> signed(Map<String, byte[]> files, String keyFile, String keyId) {
        try (InputStream in = TestSigning.class.getResourceAsStream("/deck-keys/" + keyFile)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)));
            signer.update(new DeckFiles(files).canonicalListing());
            Map<String, byte[]> result = new LinkedHashMap<>(files);
            result.put(PackageReader.SIGNATURE_FILE, ("key=" + keyId + "\nsignature="
                    + Base64.getEncoder().encodeToString(signer.sign()) + "\n").getBytes(StandardCharsets.UTF_8));
            return result;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
