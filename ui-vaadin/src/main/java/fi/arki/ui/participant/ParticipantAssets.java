package fi.arki.ui.participant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The participant page's script and stylesheet ({@code classpath:/participant/}), served under
 * {@code /p/} with a content hash in the name ({@code /p/p-1a2b….js}) and cached for good: a
 * changed file gets a new name, so phones never run an old script against a new page. The plain
 * name still answers, uncached, for whatever kept it. Templates ask {@link #url(String)} for the
 * hashed name.
 */
@Controller
public class ParticipantAssets {

    private record Asset(byte[] bytes, MediaType type, String hash) {
    }

    private final Map<String, Asset> byName = new HashMap<>();
    private final Map<String, Asset> byHashedName = new HashMap<>();

    ParticipantAssets() throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:/participant/*.*")) {
            String name = resource.getFilename();
            if (name == null || !(name.endsWith(".js") || name.endsWith(".css"))) {
                continue;
            }
            byte[] bytes = resource.getContentAsByteArray();
            MediaType type = name.endsWith(".js") ? new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8)
                    : new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);
            Asset asset = new Asset(bytes, type, hash(bytes));
            byName.put(name, asset);
            byHashedName.put(hashed(name, asset.hash()), asset);
        }
    }

    /** The URL to link, e.g. {@code /p/p-0123456789abcdef0123.js}; the plain name if there is no such file. */
    public String url(String name) {
        Asset asset = byName.get(name);
        return "/p/" + (asset == null ? name : hashed(name, asset.hash()));
    }

    @GetMapping("/p/{file:[a-z0-9-]+\\.(?:js|css)}")
    @ResponseBody
    ResponseEntity<byte[]> asset(@PathVariable String file) {
        Optional<Asset> hashed = Optional.ofNullable(byHashedName.get(file));
        Asset asset = hashed.orElseGet(() -> byName.get(file));
        if (asset == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        CacheControl cache = hashed.isPresent()
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.noCache();
        return ResponseEntity.ok().contentType(asset.type()).cacheControl(cache).eTag('"' + asset.hash() + '"')
                .body(asset.bytes());
    }

    private static String hashed(String name, String hash) {
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "-" + hash + name.substring(dot);
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
