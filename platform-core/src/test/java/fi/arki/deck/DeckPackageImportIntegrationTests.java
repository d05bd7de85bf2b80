package fi.arki.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.deck.internal.HostileZips;
import fi.arki.deck.internal.TestDecks;
import fi.arki.deck.internal.TestImages;
import fi.arki.deck.internal.TestSigning;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * T-14: a hostile or malformed deck package is refused with the problem named, before anything
 * of it is stored; a good one is stored in one transaction and cannot be stored twice.
 */
@DeckIntegrationTest
class DeckPackageImportIntegrationTests {

    @Autowired DeckManagement decks;
    @Autowired DeckCatalog catalog;
    @Autowired TenantManagement tenants;

    TenantId tenant = TenantId.random();

    @BeforeEach
    void tenant() {
        tenants.create(tenant, "pkg-" + tenant.value().toString().substring(0, 8), "Package tenant");
    }

    List<DeckProblem> refused(byte[] zip) {
        long before = storedRows();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> TenantContext.runAs(tenant,
                () -> Roles.as(() -> decks.install(zip, DeckOrigin.TENANT_PACKAGE, null), "TENANT_ADMIN")));
        assertThat(thrown).isInstanceOf(InvalidDeckException.class);
        assertThat(storedRows()).as("nothing stored").isEqualTo(before);
        return ((InvalidDeckException) thrown).problems();
    }

    static Map<String, byte[]> example() {
        return TestDecks.example();
    }

    static Map<String, byte[]> with(Map<String, byte[]> files, String name, String content) {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(name, content.getBytes(StandardCharsets.UTF_8));
        return changed;
    }

    static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    @Test
    void zip_slip_and_absolute_paths_are_refused() {
        assertThat(refused(TestDecks.zip(with(example(), "../../etc/cron.d/evil", "x"))))
                .containsExactly(DeckProblem.of("deck.problem.package.path", "../../etc/cron.d/evil"));
        assertThat(refused(TestDecks.zip(with(example(), "/etc/passwd", "x"))))
                .containsExactly(DeckProblem.of("deck.problem.package.path", "/etc/passwd"));
        assertThat(refused(TestDecks.zip(with(example(), "C:\\Windows\\evil.png", "x"))))
                .containsExactly(DeckProblem.of("deck.problem.package.path", "C:\\Windows\\evil.png"));
        assertThat(refused(TestDecks.zip(with(example(), "images/../../deck.yaml", "x"))))
                .containsExactly(DeckProblem.of("deck.problem.package.path", "images/../../deck.yaml"));
    }

    @Test
    void symbolic_links_are_refused() {
        Map<String, byte[]> files = with(example(), "images/link.png", "/etc/passwd");
        assertThat(refused(HostileZips.withSymlink(files, "images/link.png")))
                .containsExactly(DeckProblem.of("deck.problem.package.symlink", "images/link.png"));
    }

    @Test
    void ten_thousand_entries_are_refused_before_any_is_read() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 10_000; i++) {
                zip.putNextEntry(new ZipEntry("images/i" + i + ".png"));
                zip.closeEntry();
            }
        }
        assertThat(refused(bytes.toByteArray())).containsExactly(DeckProblem.of("deck.problem.package.too-many-entries", "100"));
    }

    @Test
    void zip_bombs_are_refused_by_ratio_by_total_size_and_by_lying_sizes() throws Exception {
        String bomb = text(example(), "deck.yaml") + "#" + " ".repeat(400_000) + "\n";
        assertThat(refused(TestDecks.zip(with(example(), "deck.yaml", bomb))))
                .containsExactly(DeckProblem.of("deck.problem.package.bomb", "deck.yaml"));

        // each image compresses about 30:1 (under the ratio limit) but together they unpack to over 20 MB
        Map<String, byte[]> big = new LinkedHashMap<>(example());
        Random random = new Random(1);
        for (int i = 0; i < 12; i++) {
            byte[] image = new byte[1_900_000];
            System.arraycopy(TestImages.png(), 0, image, 0, 8);
            for (int j = 8; j < image.length; j += 40) {
                image[j] = (byte) random.nextInt();
                image[j + 1] = (byte) random.nextInt();
            }
            big.put("images/big" + i + ".png", image);
        }
        assertThat(refused(TestDecks.zip(big))).extracting(DeckProblem::key).containsExactly("deck.problem.package.bomb");

        assertThat(refused(HostileZips.withUnderstatedSize(example(), "messages_fi.properties")))
                .containsExactly(DeckProblem.of("deck.problem.package.corrupt", "messages_fi.properties"));
    }

    @Test
    void disguised_types_are_refused_by_their_bytes() {
        assertThat(refused(TestDecks.zip(with(example(), "images/moment.png", "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"))))
                .containsExactly(DeckProblem.of("deck.problem.package.disguised", "images/moment.png"));
        Map<String, byte[]> pngAsYaml = new LinkedHashMap<>(example());
        pngAsYaml.put("messages_en.properties", TestImages.png());
        assertThat(refused(TestDecks.zip(pngAsYaml)))
                .containsExactly(DeckProblem.of("deck.problem.package.disguised", "messages_en.properties"));
    }

    @Test
    void html_svg_and_scripts_are_refused_as_files_and_inside_texts() {
        assertThat(refused(TestDecks.zip(with(example(), "index.html", "<script>alert(1)</script>"))))
                .containsExactly(DeckProblem.of("deck.problem.package.file-type", "index.html"));
        assertThat(refused(TestDecks.zip(with(example(), "images/logo.svg", "<svg/>"))))
                .containsExactly(DeckProblem.of("deck.problem.package.file-type", "images/logo.svg"));
        assertThat(refused(TestDecks.zip(with(example(), "run.js", "alert(1)"))))
                .containsExactly(DeckProblem.of("deck.problem.package.file-type", "run.js"));
        assertThat(refused(TestDecks.zip(with(example(), "messages_en.properties",
                text(example(), "messages_en.properties").replace("Next step", "Next <script>alert(1)</script>")))))
                .containsExactly(DeckProblem.of("deck.problem.text-html", "en › card.next-step.title"));
        assertThat(refused(TestDecks.zip(with(example(), "images/extra.png", "x"))))
                .containsExactly(DeckProblem.of("deck.problem.package.disguised", "images/extra.png"));
        Map<String, byte[]> unused = new LinkedHashMap<>(example());
        unused.put("images/extra.png", TestImages.png());
        assertThat(refused(TestDecks.zip(unused))).containsExactly(DeckProblem.of("deck.problem.package.unused-file", "images/extra.png"));
    }

    @Test
    void javascript_links_are_refused() {
        assertThat(refused(TestDecks.zip(with(example(), "deck.yaml", text(example(), "deck.yaml")
                .replace("{ id: intro, kind: intro, image: images/moment.png }",
                        "{ id: intro, kind: intro, image: images/moment.png, video: \"javascript:alert(1)\" }")))))
                .containsExactly(DeckProblem.of("deck.problem.schema.pattern", "cards › moment › activities › intro › video", "javascript:alert(1)"));
        assertThat(refused(TestDecks.zip(with(example(), "messages_sv.properties",
                text(example(), "messages_sv.properties").replace("Nästa steg", "Klicka javascript:alert(document.cookie)")))))
                .containsExactly(DeckProblem.of("deck.problem.text-script", "sv › card.next-step.title"));
    }

    @Test
    void unknown_fields_and_a_wrong_schema_are_refused() {
        assertThat(refused(TestDecks.zip(with(example(), "deck.yaml", text(example(), "deck.yaml") + "script: \"rm -rf /\"\n"))))
                .containsExactly(DeckProblem.of("deck.problem.schema.unknown-field", "deck.yaml", "script"));
        assertThat(refused(TestDecks.zip(with(example(), "deck.yaml", "id: x\nversion: \"1.0.0\"\ncards: none\n"))))
                .contains(DeckProblem.of("deck.problem.schema.type", "cards", "array"),
                        DeckProblem.of("deck.problem.schema.required", "deck.yaml", "provenance"));
    }

    @Test
    void bad_signatures_are_refused() {
        Map<String, byte[]> signed = TestSigning.signed(example(), "arki-test.pem", "arki-test");
        Map<String, byte[]> tampered = with(signed, "messages_fi.properties",
                text(signed, "messages_fi.properties").replace("Asiakashetki", "Asiakashetki!"));
        assertThat(refused(TestDecks.zip(tampered))).containsExactly(DeckProblem.of("deck.problem.signature.invalid", "arki-test"));
        assertThat(refused(TestDecks.zip(TestSigning.signed(example(), "untrusted.pem", "arki-test"))))
                .containsExactly(DeckProblem.of("deck.problem.signature.invalid", "arki-test"));
        assertThat(refused(TestDecks.zip(TestSigning.signed(example(), "untrusted.pem", "someone"))))
                .containsExactly(DeckProblem.of("deck.problem.signature.unknown-key", "someone"));
        assertThat(refused(TestDecks.zip(with(example(), "deck.sig", "nonsense"))))
                .containsExactly(DeckProblem.of("deck.problem.signature.malformed"));
    }

    @Test
    void encrypted_entries_and_non_zips_are_refused() {
        assertThat(refused(HostileZips.withEncryptedEntry(example(), "deck.yaml")))
                .containsExactly(DeckProblem.of("deck.problem.package.encrypted", "deck.yaml"));
        assertThat(refused("just text".getBytes(StandardCharsets.UTF_8))).containsExactly(DeckProblem.of("deck.problem.package.not-zip"));
        assertThat(refused(TestImages.png())).containsExactly(DeckProblem.of("deck.problem.package.not-zip"));
    }

    @Test
    void a_good_package_is_stored_once_for_its_tenant_only_and_a_signed_one_is_official() {
        DeckCatalogueEntry entry = TenantContext.callAs(tenant, () -> Roles.as(
                () -> decks.install(TestDecks.zip(TestSigning.signed(example(), "arki-test.pem", "arki-test")),
                        DeckOrigin.TENANT_PACKAGE, null), "TENANT_ADMIN"));
        assertThat(entry.deckId()).isEqualTo("customer-moment");
        assertThat(entry.official()).isTrue();
        assertThat(entry.state()).isEqualTo(DeckState.ACTIVE);

        InstalledDeck stored = TenantContext.callAs(tenant, () -> catalog.find("customer-moment", "1.0.0")).orElseThrow();
        assertThat(stored.origin()).isEqualTo(DeckOrigin.TENANT_PACKAGE);
        assertThat(stored.manifest().cards()).hasSize(2);
        assertThat(TenantContext.callAs(tenant, () -> catalog.image("customer-moment", "1.0.0", "images/moment.png")))
                .hasValueSatisfying(i -> assertThat(i.mediaType()).isEqualTo("image/png"));

        // immutable: the same version cannot be stored again, even with other content
        assertThat(refused(TestDecks.zip(with(example(), "messages_fi.properties",
                text(example(), "messages_fi.properties").replace("Asiakashetki", "Toinen")))))
                .containsExactly(DeckProblem.of("deck.problem.version-exists", "customer-moment", "1.0.0"));

        // another tenant sees nothing of it
        TenantId other = TenantId.random();
        tenants.create(other, "pkg-other-" + other.value().toString().substring(0, 8), "Other tenant");
        assertThat(TenantContext.callAs(other, () -> catalog.find("customer-moment", "1.0.0"))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> catalog.image("customer-moment", "1.0.0", "images/moment.png"))).isEmpty();
        assertThat(catalog.find("customer-moment", "1.0.0")).as("no tenant bound").isEmpty();
    }

    @Test
    void only_administrators_may_install_and_only_platform_administrators_platform_wide() {
        byte[] zip = TestDecks.zip(example());
        assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> Roles.as(
                () -> decks.install(zip, DeckOrigin.TENANT_PACKAGE, null), "FACILITATOR")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> Roles.as(
                () -> decks.install(zip, DeckOrigin.PLATFORM_PACKAGE, null), "TENANT_ADMIN")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    static long storedRows() {
        try (Connection c = TestDatabase.superuser().getConnection();
             ResultSet rs = c.createStatement().executeQuery("""
                     select (select count(*) from platform_deck) + (select count(*) from platform_deck_image)
                          + (select count(*) from tenant_deck) + (select count(*) from tenant_deck_image)""")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
