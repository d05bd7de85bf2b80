package fi.arki.deck.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.function.IntConsumer;

/** Zips that a deck package must never be: built by patching an honest zip's headers. */
public final class HostileZips {

    private HostileZips() {
    }

    /** The entry becomes a Unix symbolic link in the central directory (where unzip tools look). */
    public static byte[] withSymlink(Map<String, byte[]> files, String linkName) {
        byte[] zip = TestDecks.zip(files);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        forCentralEntry(zip, linkName, p -> {
            b.putShort(p + 4, (short) 0x0314);
            b.putInt(p + 38, 0120777 << 16);
        });
        return zip;
    }

    /** The entry claims to be encrypted. */
    public static byte[] withEncryptedEntry(Map<String, byte[]> files, String name) {
        byte[] zip = TestDecks.zip(files);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        forCentralEntry(zip, name, p -> b.putShort(p + 8, (short) (b.getShort(p + 8) | 1)));
        return zip;
    }

    /** The central directory understates the entry's size, as a bomb that hides its real size would. */
    public static byte[] withUnderstatedSize(Map<String, byte[]> files, String name) {
        byte[] zip = TestDecks.zip(files);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        forCentralEntry(zip, name, p -> b.putInt(p + 24, 10));
        return zip;
    }

    private static void forCentralEntry(byte[] zip, String name, IntConsumer patch) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p + 46 < zip.length; p++) {
            if (b.getInt(p) == 0x02014b50) {
                int n = b.getShort(p + 28) & 0xFFFF;
                if (new String(zip, p + 46, n, java.nio.charset.StandardCharsets.UTF_8).equals(name)) {
                    patch.accept(p);
                    return;
                }
            }
        }
        throw new IllegalArgumentException(name + " is not in the zip");
    }
}
