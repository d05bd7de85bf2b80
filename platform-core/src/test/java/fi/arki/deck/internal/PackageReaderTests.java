package fi.arki.deck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.DeckProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.AsiExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

/**
 * T-14 at the reader itself, for what the Commons Compress reader sees that a plain zip tool
 * hides: links declared only in an ASi extra field, a wrong checksum, and a name that is not UTF-8.
 * (The package limits end to end: DeckPackageImportIntegrationTests.)
 */
class PackageReaderTests {

    @Test
    void an_honest_package_opens_with_its_files() {
        PackageReader.Opened opened = PackageReader.open(TestDecks.zip(TestDecks.example()));
        assertThat(opened.problems()).isEmpty();
        assertThat(opened.files().files().keySet()).containsAll(TestDecks.example().keySet());
    }

    @Test
    void a_symbolic_link_declared_only_in_the_asi_extra_field_is_refused() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : TestDecks.example().entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeArchiveEntry();
            }
            ZipArchiveEntry link = new ZipArchiveEntry("images/link.png");
            AsiExtraField asi = new AsiExtraField();
            asi.setLinkedFile("/etc/passwd");
            link.addExtraField(asi);
            zip.putArchiveEntry(link);
            zip.write(TestImages.png());
            zip.closeArchiveEntry();
        }
        assertThat(PackageReader.open(bytes.toByteArray()).problems())
                .containsExactly(DeckProblem.of("deck.problem.package.symlink", "images/link.png"));
    }

    @Test
    void an_entry_whose_bytes_do_not_match_its_checksum_is_corrupt() {
        byte[] zip = TestDecks.zip(TestDecks.example());
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int p = centralEntry(zip, "messages_sv.properties");
        b.putInt(p + 16, b.getInt(p + 16) ^ 0x5a5a5a5a);
        assertThat(PackageReader.open(zip).problems())
                .containsExactly(DeckProblem.of("deck.problem.package.corrupt", "messages_sv.properties"));
    }

    @Test
    void a_name_that_is_not_utf8_is_refused_as_a_path() {
        byte[] zip = TestDecks.zip(TestDecks.example());
        int p = centralEntry(zip, "messages_en.properties");
        zip[p + 46] = (byte) 0xC3; // a lead byte followed by 'e': malformed UTF-8
        assertThat(PackageReader.open(zip).problems())
                .containsExactly(DeckProblem.of("deck.problem.package.path", "?"));
    }

    @Test
    void anything_over_the_package_size_is_refused_before_it_is_opened() {
        assertThat(PackageReader.open(new byte[PackageReader.MAX_PACKAGE_BYTES + 1]).problems())
                .containsExactly(DeckProblem.of("deck.problem.package.too-large", 5));
    }

    private static int centralEntry(byte[] zip, String name) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p + 46 < zip.length; p++) {
            if (b.getInt(p) == 0x02014b50) {
                int n = b.getShort(p + 28) & 0xFFFF;
                if (new String(zip, p + 46, n, StandardCharsets.UTF_8).equals(name)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException(name);
    }
}
