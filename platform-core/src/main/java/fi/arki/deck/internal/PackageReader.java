package fi.arki.deck.internal;

import fi.arki.deck.DeckProblem;
import fi.arki.shared.archive.SafeZip;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Opens an uploaded deck package (a zip) in memory, refusing anything that is not plainly a deck:
 * paths that climb out or start at a root (zip-slip), symbolic links, encrypted or unusual
 * entries, more entries than a deck needs, zip bombs (by ratio and by total size), files of any
 * type but the deck's own, and files whose bytes are not what their name says.
 *
 * <p>The zip itself is read by {@link SafeZip} (Apache Commons Compress): the central directory
 * is judged entry by entry before anything is inflated, and each entry is inflated only up to its
 * declared size, which this policy has already held against the limits. Nothing is written anywhere.
 */
public final class PackageReader {

    public static final int MAX_PACKAGE_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ENTRIES = 100;
    static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024;
    static final int MAX_RATIO = 100;
    public static final String SIGNATURE_FILE = "deck.sig";

    private static final Pattern IMAGE = Pattern.compile("(images/)?[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(png|jpg|jpeg)");
    private static final Pattern MESSAGES = Pattern.compile("messages_(fi|sv|en)\\.properties");

    /** The package's deck files and, if it was signed, its signature file. */
    public record Opened(@Nullable DeckFiles files, byte @Nullable [] signature, List<DeckProblem> problems) {
        public Opened {
            problems = List.copyOf(problems);
        }
    }

    private PackageReader() {
    }

    public static Opened open(byte[] zip) {
        if (zip.length > MAX_PACKAGE_BYTES) {
            return failed(DeckProblem.of("deck.problem.package.too-large", MAX_PACKAGE_BYTES / (1024 * 1024)));
        }
        try (SafeZip opened = SafeZip.open(zip)) {
            return read(opened);
        } catch (SafeZip.NotAZip e) {
            return failed(DeckProblem.of("deck.problem.package.not-zip"));
        }
    }

    private static Opened read(SafeZip zip) {
        if (zip.entries().size() > MAX_ENTRIES) {
            return failed(DeckProblem.of("deck.problem.package.too-many-entries", MAX_ENTRIES));
        }
        List<DeckProblem> problems = new ArrayList<>();
        Map<String, SafeZip.Entry> entries = new LinkedHashMap<>();
        long totalSize = 0;
        for (SafeZip.Entry entry : zip.entries()) {
            String shown = entry.shown();
            if (!entry.safePath()) {
                problems.add(DeckProblem.of("deck.problem.package.path", shown));
                continue;
            }
            String name = entry.name();
            if (entry.symlink()) {
                problems.add(DeckProblem.of("deck.problem.package.symlink", shown));
                continue;
            }
            if (entry.directory()) {
                if (!name.equals("images/")) {
                    problems.add(DeckProblem.of("deck.problem.package.file-type", shown));
                }
                continue;
            }
            if (entry.encrypted()) {
                problems.add(DeckProblem.of("deck.problem.package.encrypted", shown));
                continue;
            }
            if (!entry.plainMethod()) {
                problems.add(DeckProblem.of("deck.problem.package.method", shown));
                continue;
            }
            Optional<Long> limit = limitFor(name);
            if (limit.isEmpty()) {
                problems.add(DeckProblem.of("deck.problem.package.file-type", shown));
                continue;
            }
            if (entries.containsKey(name)) {
                problems.add(DeckProblem.of("deck.problem.package.duplicate-entry", shown));
                continue;
            }
            if (entry.size() < 0 || entry.compressedSize() < 0) {
                return failed(DeckProblem.of("deck.problem.package.not-zip"));
            }
            if (entry.size() > limit.get()) {
                problems.add(DeckProblem.of("deck.problem.file-too-large", shown, limit.get() / 1024));
                continue;
            }
            if (entry.size() > 1024 && entry.size() > entry.compressedSize() * MAX_RATIO) {
                return failed(DeckProblem.of("deck.problem.package.bomb", shown));
            }
            totalSize += entry.size();
            if (totalSize > MAX_TOTAL_BYTES) {
                return failed(DeckProblem.of("deck.problem.package.bomb", shown));
            }
            entries.put(name, entry);
        }
        if (!problems.isEmpty()) {
            return new Opened(null, null, problems);
        }

        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] signature = null;
        for (var named : entries.entrySet()) {
            String name = named.getKey();
            byte[] content;
            try {
                // inflates no more than the declared size checked above: a lying header is corrupt, not a bomb
                content = zip.read(named.getValue());
            } catch (IOException e) {
                problems.add(DeckProblem.of("deck.problem.package.corrupt", name));
                continue;
            }
            Optional<DeckProblem> disguised = disguised(name, content);
            if (disguised.isPresent()) {
                problems.add(disguised.get());
                continue;
            }
            if (name.equals(SIGNATURE_FILE)) {
                signature = content;
            } else {
                files.put(name, content);
            }
        }
        return problems.isEmpty() ? new Opened(new DeckFiles(files), signature, List.of()) : new Opened(null, null, problems);
    }

    private static Opened failed(DeckProblem problem) {
        return new Opened(null, null, List.of(problem));
    }

    private static Optional<Long> limitFor(String name) {
        if (name.equals(DeckFiles.MANIFEST) || MESSAGES.matcher(name).matches()) {
            return Optional.of((long) DeckReader.MAX_FILE_BYTES);
        }
        if (name.equals(SIGNATURE_FILE)) {
            return Optional.of(4096L);
        }
        if (IMAGE.matcher(name.toLowerCase(Locale.ROOT)).matches() && IMAGE.matcher(name).matches()) {
            return Optional.of((long) DeckReader.MAX_IMAGE_BYTES);
        }
        return Optional.empty();
    }

    /** A file whose bytes say it is something else than its name: an image that is not one, text that is binary. */
    private static Optional<DeckProblem> disguised(String name, byte[] content) {
        boolean image = IMAGE.matcher(name).matches();
        Optional<String> type = FileTypes.imageType(content);
        if (image) {
            return type.isPresent() && FileTypes.extensionMatches(name, type.get()) ? Optional.empty()
                    : Optional.of(DeckProblem.of("deck.problem.package.disguised", name));
        }
        boolean binary = type.isPresent() || startsWith(content, "PK\u0003\u0004") || startsWith(content, "\u007fELF")
                || startsWith(content, "MZ") || startsWith(content, "%PDF") || startsWith(content, "\u00ca\u00fe\u00ba\u00be");
        return binary ? Optional.of(DeckProblem.of("deck.problem.package.disguised", name)) : Optional.empty();
    }

    private static boolean startsWith(byte[] content, String magic) {
        if (content.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((content[i] & 0xFF) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
