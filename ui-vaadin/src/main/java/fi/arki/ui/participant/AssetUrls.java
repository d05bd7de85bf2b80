package fi.arki.ui.participant;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The participant page's script and stylesheet with their content hash in the URL, so that they
 * can be cached as immutable ({@link ParticipantAssets}) and a new build is fetched at once. A
 * file that is not there gets its plain URL: the page works without its script.
 */
@Component
public class AssetUrls {

    static final String LOCATION = "participant/";
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    /** {@code /p/<name>?v=<hash>} for a file in {@code classpath:/participant/}. */
    public String url(String name) {
        return urls.computeIfAbsent(name, AssetUrls::hashed);
    }

    private static String hashed(String name) {
        ClassPathResource file = new ClassPathResource(LOCATION + name);
        if (!file.exists()) {
            return "/p/" + name;
        }
        try (InputStream in = file.getInputStream()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return "/p/" + name + "?v=" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "/p/" + name;
        }
    }
}
