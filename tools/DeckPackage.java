/*
 * Packs (and optionally signs) an Arki content deck. Needs only a JDK (21 or newer), no build:
 *
 *   java tools/DeckPackage.java keygen <private.pem> <public.pem>
 *   java tools/DeckPackage.java pack <deck-folder> <out.zip> [--sign <private.pem> --key-id <id>]
 *
 * The folder holds deck.yaml, messages_<lang>.properties and any images; hidden files are left out.
 * A signed package carries deck.sig: the key id and an Ed25519 signature of the package's
 * canonical listing (a header line, then "<sha-256 hex>  <name>" per file in name order), which
 * the platform verifies against the public keys it trusts (arki.decks.trusted-keys.<id>).
 * See docs/deck-authoring.md.
 */

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

public class DeckPackage {

    static final String HEADER = "arki-deck-package-v1";

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("keygen")) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(Path.of(args[1]), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(Path.of(args[2]), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            System.out.println("Wrote " + args[1] + " (keep it secret) and " + args[2]
                    + " (configure it as arki.decks.trusted-keys.<key-id>)");
        } else if ((args.length == 3 || args.length == 7) && args[0].equals("pack")) {
            Path folder = Path.of(args[1]);
            Map<String, byte[]> files = new TreeMap<>();
            try (var paths = Files.walk(folder)) {
                for (Path p : paths.filter(Files::isRegularFile).toList()) {
                    String name = folder.relativize(p).toString().replace('\\', '/');
                    if (!name.startsWith(".") && !name.contains("/.") && !name.equals("deck.sig")) {
                        files.put(name, Files.readAllBytes(p));
                    }
                }
            }
            if (args.length == 7) {
                if (!args[3].equals("--sign") || !args[5].equals("--key-id")) {
                    usage();
                }
                files.put("deck.sig", signature(files, Files.readString(Path.of(args[4])), args[6]));
            }
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                for (var e : files.entrySet()) {
                    out.putNextEntry(new ZipEntry(e.getKey()));
                    out.write(e.getValue());
                    out.closeEntry();
                }
            }
            Files.write(Path.of(args[2]), zip.toByteArray());
            System.out.println("Wrote " + args[2] + (args.length == 7 ? " signed with " + args[6] : " (unsigned)"));
        } else {
            usage();
        }
    }

    static byte[] signature(Map<String, byte[]> files, String privatePem, String keyId) throws Exception {
        StringBuilder listing = new StringBuilder(HEADER).append('\n');
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        files.forEach((name, bytes) -> listing.append(HexFormat.of().formatHex(sha.digest(bytes))).append("  ").append(name).append('\n'));
        byte[] der = Base64.getDecoder().decode(privatePem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(listing.toString().getBytes(StandardCharsets.UTF_8));
        String sig = "# Arki deck package signature (Ed25519 over the canonical listing)\nkey=" + keyId + "\nsignature="
                + Base64.getEncoder().encodeToString(signer.sign()) + "\n";
        return sig.getBytes(StandardCharsets.UTF_8);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static void usage() {
        System.err.println("""
                usage: java tools/DeckPackage.java keygen <private.pem> <public.pem>
                       java tools/DeckPackage.java pack <deck-folder> <out.zip> [--sign <private.pem> --key-id <id>]""");
        System.exit(2);
    }
}
