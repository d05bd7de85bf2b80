package fi.arki.shared.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.AsiExtraField;
import org.apache.commons.compress.archivers.zip.GeneralPurposeBit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipShort;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.jspecify.annotations.Nullable;

/**
 * A zip from outside, read with Apache Commons Compress and never trusted: its central directory
 * is listed with what each entry really is (a symbolic link by its Unix mode or its ASi extra
 * field, encrypted, stored with an unusual method, a name that is not UTF-8 or climbs out), and an
 * entry's bytes are read only up to the size the directory declares: one byte more, fewer bytes,
 * or a wrong CRC is {@link Corrupt}, so a header that understates a bomb costs its declared size
 * and no more. What an entry may be and how large is the caller's policy; nothing is written.
 */
public final class SafeZip implements AutoCloseable {

    /** One central-directory entry as it is, not as it would like to be read. */
    public record Entry(@Nullable String name, String shown, boolean directory, boolean symlink, boolean encrypted,
                        int method, long size, long compressedSize, ZipArchiveEntry archived) {

        /** A relative name in UTF-8, forward slashes only, no climbing, no drive letters, no control characters. */
        public boolean safePath() {
            return name != null && SafeZip.safePath(name);
        }

        /** Stored or deflated: the two methods every zip tool writes. */
        public boolean plainMethod() {
            return method == ZipEntry.STORED || method == ZipEntry.DEFLATED;
        }
    }

    /** Not a zip, or one whose central directory cannot be read. */
    public static final class NotAZip extends IOException {
        NotAZip(Throwable cause) {
            super("not a readable zip", cause);
        }
    }

    /** An entry whose bytes are not what its central-directory entry says. */
    public static final class Corrupt extends IOException {
        Corrupt(String message) {
            super(message);
        }
    }

    /** The ASi Unix extra field, where some tools record a link instead of in the external attributes. */
    private static final ZipShort ASI_HEADER = new AsiExtraField().getHeaderId();

    private final ZipFile zip;
    private final List<Entry> entries;

    private SafeZip(ZipFile zip) {
        this.zip = zip;
        List<Entry> listed = new ArrayList<>();
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            listed.add(entry(e));
        }
        this.entries = List.copyOf(listed);
    }

    public static SafeZip open(byte[] bytes) throws NotAZip {
        try {
            return new SafeZip(builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get());
        } catch (IOException | RuntimeException e) {
            throw new NotAZip(e);
        }
    }

    public static SafeZip open(Path file) throws NotAZip {
        try {
            return new SafeZip(builder().setPath(file).get());
        } catch (IOException | RuntimeException e) {
            throw new NotAZip(e);
        }
    }

    private static ZipFile.Builder builder() {
        // names are read from their raw bytes below; the local headers are read only for entries that are opened
        return ZipFile.builder().setCharset(StandardCharsets.UTF_8).setUseUnicodeExtraFields(false)
                .setIgnoreLocalFileHeader(true);
    }

    /** Every entry of the central directory in its order, duplicates included. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The entry's bytes as a stream that ends where its declared size ends: more bytes, fewer,
     * or another CRC than declared throw {@link Corrupt}. Only for a file entry that is neither
     * encrypted nor stored with an unusual method.
     */
    public InputStream open(Entry entry) throws IOException {
        if (entry.directory() || entry.symlink() || entry.encrypted() || !entry.plainMethod()) {
            throw new IllegalArgumentException("not a plain file entry: " + entry.shown());
        }
        return new Declared(zip.getInputStream(entry.archived()), entry);
    }

    /** The whole entry, at most its declared size (which the caller has checked against its limits). */
    public byte[] read(Entry entry) throws IOException {
        try (InputStream in = open(entry)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // only read from; nothing to flush
        }
    }

    private static Entry entry(ZipArchiveEntry e) {
        String name = strictUtf8(e.getRawName());
        String shown = name == null ? "?" : name.replaceAll("\\p{Cntrl}", "?");
        GeneralPurposeBit bits = e.getGeneralPurposeBit();
        boolean asiLink = e.getExtraField(ASI_HEADER) instanceof AsiExtraField asi && asi.isLink();
        return new Entry(name, shown, name != null && name.endsWith("/"), e.isUnixSymlink() || asiLink,
                bits.usesEncryption() || bits.usesStrongEncryption(), e.getMethod(), e.getSize(), e.getCompressedSize(), e);
    }

    private static @Nullable String strictUtf8(byte @Nullable [] raw) {
        if (raw == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

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

    /** Counts what is inflated against the declared size and checks the CRC at the end. */
    private static final class Declared extends FilterInputStream {

        private final Entry entry;
        private final CRC32 crc = new CRC32();
        private long count;

        Declared(InputStream in, Entry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            // asks for one byte past the declared end, so that a longer entry is noticed at once
            int wanted = (int) Math.min(len, entry.size() - count + 1);
            int n;
            try {
                n = super.read(buffer, off, wanted);
            } catch (IOException | RuntimeException e) {
                throw new Corrupt("unreadable: " + entry.shown());
            }
            if (n < 0) {
                if (count != entry.size() || crc.getValue() != entry.archived().getCrc()) {
                    throw new Corrupt("not its declared size or checksum: " + entry.shown());
                }
                return -1;
            }
            count += n;
            if (count > entry.size()) {
                throw new Corrupt("longer than declared: " + entry.shown());
            }
            crc.update(buffer, off, n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipping would leave bytes uncounted and unchecked
            byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            int read = read(discard, 0, discard.length);
            return Math.max(read, 0);
        }
    }
}
