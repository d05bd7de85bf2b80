package fi.arki.deck.internal;

import fi.arki.deck.DeckProblem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * Opens an uploaded deck package (a zip) in memory, refusing anything that is not plainly a deck:
 * paths that climb out or start at a root (zip-slip), symbolic links, encrypted or unusual
 * entries, more entries than a deck needs, zip bombs (by ratio and by total size), files of any
 * type but the deck's own, and files whose bytes are not what their name says.
 *
 * <p>It reads the central directory itself (where a zip records symbolic links and sizes) before
 * inflating anything, and inflates with hard limits, so a hostile archive costs little to refuse.
 * Nothing is written anywhere.
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

    private record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long localOffset) {
    }

    private PackageReader() {
    }

    public static Opened open(byte[] zip) {
        List<DeckProblem> problems = new ArrayList<>();
        if (zip.length > MAX_PACKAGE_BYTES) {
            return failed(DeckProblem.of("deck.problem.package.too-large", MAX_PACKAGE_BYTES / (1024 * 1024)));
        }
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = findEndOfCentralDirectory(zip);
        if (eocd < 0) {
            return failed(DeckProblem.of("deck.problem.package.not-zip"));
        }
        int disk = u16(b, eocd + 4);
        int cdDisk = u16(b, eocd + 6);
        int total = u16(b, eocd + 10);
        long cdSize = u32(b, eocd + 12);
        long cdOffset = u32(b, eocd + 16);
        if (total > MAX_ENTRIES) {
            return failed(DeckProblem.of("deck.problem.package.too-many-entries", MAX_ENTRIES));
        }
        if (disk != 0 || cdDisk != 0 || total == 0xFFFF || cdOffset == 0xFFFFFFFFL || cdOffset + cdSize > eocd) {
            return failed(DeckProblem.of("deck.problem.package.not-zip"));
        }

        Map<String, Entry> entries = new LinkedHashMap<>();
        long totalSize = 0;
        int p = (int) cdOffset;
        int count = 0;
        while (p < cdOffset + cdSize) {
            if (p + 46 > zip.length || b.getInt(p) != 0x02014b50) {
                return failed(DeckProblem.of("deck.problem.package.not-zip"));
            }
            if (++count > MAX_ENTRIES) {
                return failed(DeckProblem.of("deck.problem.package.too-many-entries", MAX_ENTRIES));
            }
            int madeBy = u16(b, p + 4);
            int flags = u16(b, p + 8);
            int method = u16(b, p + 10);
            long crc = u32(b, p + 16);
            long compressed = u32(b, p + 20);
            long size = u32(b, p + 24);
            int nameLength = u16(b, p + 28);
            int extraLength = u16(b, p + 30);
            int commentLength = u16(b, p + 32);
            long external = u32(b, p + 38);
            long localOffset = u32(b, p + 42);
            if (p + 46 + nameLength > zip.length) {
                return failed(DeckProblem.of("deck.problem.package.not-zip"));
            }
            String name = name(zip, p + 46, nameLength);
            p += 46 + nameLength + extraLength + commentLength;

            String shown = name == null ? "?" : name.replaceAll("\\p{Cntrl}", "?");
            if (name == null || !safePath(name)) {
                problems.add(DeckProblem.of("deck.problem.package.path", shown));
                continue;
            }
            boolean unix = (madeBy >> 8) == 3;
            if (unix && ((external >>> 16) & 0xF000) == 0xA000) {
                problems.add(DeckProblem.of("deck.problem.package.symlink", shown));
                continue;
            }
            if (name.endsWith("/")) {
                if (!name.equals("images/")) {
                    problems.add(DeckProblem.of("deck.problem.package.file-type", shown));
                }
                continue;
            }
            if ((flags & 0x41) != 0) {
                problems.add(DeckProblem.of("deck.problem.package.encrypted", shown));
                continue;
            }
            if (method != 0 && method != 8) {
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
            if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL) {
                return failed(DeckProblem.of("deck.problem.package.not-zip"));
            }
            if (size > limit.get()) {
                problems.add(DeckProblem.of("deck.problem.file-too-large", shown, limit.get() / 1024));
                continue;
            }
            if (size > 1024 && size > compressed * MAX_RATIO) {
                return failed(DeckProblem.of("deck.problem.package.bomb", shown));
            }
            totalSize += size;
            if (totalSize > MAX_TOTAL_BYTES) {
                return failed(DeckProblem.of("deck.problem.package.bomb", shown));
            }
            entries.put(name, new Entry(name, method, flags, crc, compressed, size, localOffset));
        }
        if (count != total) {
            return failed(DeckProblem.of("deck.problem.package.not-zip"));
        }
        if (!problems.isEmpty()) {
            return new Opened(null, null, problems);
        }

        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] signature = null;
        for (Entry entry : entries.values()) {
            byte[] content = content(zip, b, entry, cdOffset);
            if (content == null) {
                problems.add(DeckProblem.of("deck.problem.package.corrupt", entry.name()));
                continue;
            }
            Optional<DeckProblem> disguised = disguised(entry.name(), content);
            if (disguised.isPresent()) {
                problems.add(disguised.get());
                continue;
            }
            if (entry.name().equals(SIGNATURE_FILE)) {
                signature = content;
            } else {
                files.put(entry.name(), content);
            }
        }
        return problems.isEmpty() ? new Opened(new DeckFiles(files), signature, List.of()) : new Opened(null, null, problems);
    }

    private static Opened failed(DeckProblem problem) {
        return new Opened(null, null, List.of(problem));
    }

    private static int findEndOfCentralDirectory(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xFFFF); i--) {
            if (b.getInt(i) == 0x06054b50 && i + 22 + u16(b, i + 20) == zip.length) {
                return i;
            }
        }
        return -1;
    }

    private static @Nullable String name(byte[] zip, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(zip, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Relative, forward slashes only, no climbing, no drive letters, no control characters. */
    static boolean safePath(String name) {
        if (name.isEmpty() || name.length() > 200 || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        String[] segments = (name.endsWith("/") ? name.substring(0, name.length() - 1) : name).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
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

    private static byte @Nullable [] content(byte[] zip, ByteBuffer b, Entry e, long cdOffset) {
        long local = e.localOffset();
        if (local + 30 > cdOffset || b.getInt((int) local) != 0x04034b50) {
            return null;
        }
        int nameLength = u16(b, (int) local + 26);
        int extraLength = u16(b, (int) local + 28);
        String localName = name(zip, (int) local + 30, nameLength);
        long start = local + 30 + nameLength + extraLength;
        if (!e.name().equals(localName) || start + e.compressedSize() > cdOffset) {
            return null;
        }
        byte[] out;
        if (e.method() == 0) {
            if (e.compressedSize() != e.size()) {
                return null;
            }
            out = java.util.Arrays.copyOfRange(zip, (int) start, (int) (start + e.size()));
        } else {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(zip, (int) start, (int) e.compressedSize());
                out = new byte[(int) e.size()];
                int n = 0;
                while (n < out.length && !inflater.finished()) {
                    int read = inflater.inflate(out, n, out.length - n);
                    if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        return null;
                    }
                    n += read;
                }
                byte[] extra = new byte[1];
                if (n != out.length || (!inflater.finished() && inflater.inflate(extra) > 0)) {
                    return null;
                }
            } catch (DataFormatException ex) {
                return null;
            } finally {
                inflater.end();
            }
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        return crc.getValue() == e.crc() ? out : null;
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

    private static int u16(ByteBuffer b, int offset) {
        return b.getShort(offset) & 0xFFFF;
    }

    private static long u32(ByteBuffer b, int offset) {
        return b.getInt(offset) & 0xFFFFFFFFL;
    }
}
