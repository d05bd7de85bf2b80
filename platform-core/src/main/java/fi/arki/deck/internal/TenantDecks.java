package fi.arki.deck.internal;

import static fi.arki.deck.internal.db.Tables.DECK_ENABLEMENT;
import static fi.arki.deck.internal.db.Tables.DECK_SETTING;
import static fi.arki.deck.internal.db.Tables.TENANT_DECK;
import static fi.arki.deck.internal.db.Tables.TENANT_DECK_IMAGE;

import fi.arki.deck.DeckImage;
import fi.arki.deck.DeckOrigin;
import fi.arki.shared.AccountId;
import fi.arki.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What belongs to the tenant bound to the transaction (row level security): its own content decks,
 * the decks it offers, and its deck settings.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class TenantDecks {

    private final DSLContext db;

    TenantDecks(DSLContext db) {
        this.db = db;
    }

    public void insert(TenantId tenant, DeckReader.ReadDeck deck, @Nullable String signingKey, @Nullable AccountId by) {
        db.insertInto(TENANT_DECK)
                .set(TENANT_DECK.TENANT_ID, tenant.value())
                .set(TENANT_DECK.DECK_ID, deck.manifest().id())
                .set(TENANT_DECK.VERSION, deck.manifest().version())
                .set(TENANT_DECK.MANIFEST, JSONB.valueOf(DeckReader.toJson(deck.manifestJson())))
                .set(TENANT_DECK.TEXTS, JSONB.valueOf(DeckReader.textsToJson(deck.texts())))
                .set(TENANT_DECK.CONTENT_SHA256, deck.contentHash())
                .set(TENANT_DECK.OFFICIAL, signingKey != null)
                .set(TENANT_DECK.SIGNING_KEY, signingKey)
                .set(TENANT_DECK.INSTALLED_BY, by == null ? null : by.value())
                .execute();
        for (DeckImage image : deck.images().values()) {
            db.insertInto(TENANT_DECK_IMAGE)
                    .set(TENANT_DECK_IMAGE.TENANT_ID, tenant.value())
                    .set(TENANT_DECK_IMAGE.DECK_ID, deck.manifest().id())
                    .set(TENANT_DECK_IMAGE.VERSION, deck.manifest().version())
                    .set(TENANT_DECK_IMAGE.NAME, image.name())
                    .set(TENANT_DECK_IMAGE.MEDIA_TYPE, image.mediaType())
                    .set(TENANT_DECK_IMAGE.CONTENT, image.content())
                    .execute();
        }
    }

    public Optional<StoredDeck> find(String deckId, String version) {
        return db.selectFrom(TENANT_DECK)
                .where(TENANT_DECK.DECK_ID.eq(deckId), TENANT_DECK.VERSION.eq(version))
                .fetchOptional(TenantDecks::toStored);
    }

    public List<StoredDeck> all() {
        return db.selectFrom(TENANT_DECK).orderBy(TENANT_DECK.DECK_ID, TENANT_DECK.INSTALLED_AT).fetch(TenantDecks::toStored);
    }

    public boolean hasDeck(String deckId) {
        return db.fetchExists(TENANT_DECK, TENANT_DECK.DECK_ID.eq(deckId));
    }

    public Optional<DeckImage> image(String deckId, String version, String name) {
        return db.selectFrom(TENANT_DECK_IMAGE)
                .where(TENANT_DECK_IMAGE.DECK_ID.eq(deckId), TENANT_DECK_IMAGE.VERSION.eq(version),
                        TENANT_DECK_IMAGE.NAME.eq(name))
                .fetchOptional(r -> new DeckImage(r.getName(), r.getMediaType(), r.getContent()));
    }

    public Set<String> enabledDeckIds() {
        return new TreeSet<>(db.select(DECK_ENABLEMENT.DECK_ID).from(DECK_ENABLEMENT).fetch(DECK_ENABLEMENT.DECK_ID));
    }

    /** True if the deck was not enabled before. */
    public boolean enable(TenantId tenant, String deckId, @Nullable AccountId by) {
        return db.insertInto(DECK_ENABLEMENT)
                .set(DECK_ENABLEMENT.TENANT_ID, tenant.value())
                .set(DECK_ENABLEMENT.DECK_ID, deckId)
                .set(DECK_ENABLEMENT.ENABLED_BY, by == null ? null : by.value())
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** True if the deck was enabled before. */
    public boolean disable(String deckId) {
        return db.deleteFrom(DECK_ENABLEMENT).where(DECK_ENABLEMENT.DECK_ID.eq(deckId)).execute() == 1;
    }

    public Map<String, String> settings(String deckId) {
        Map<String, String> values = new LinkedHashMap<>();
        db.selectFrom(DECK_SETTING).where(DECK_SETTING.DECK_ID.eq(deckId)).orderBy(DECK_SETTING.KEY)
                .forEach(r -> values.put(r.getKey(), r.getValue()));
        return values;
    }

    public void replaceSettings(TenantId tenant, String deckId, Map<String, String> values) {
        db.deleteFrom(DECK_SETTING).where(DECK_SETTING.DECK_ID.eq(deckId)).execute();
        values.forEach((key, value) -> db.insertInto(DECK_SETTING)
                .set(DECK_SETTING.TENANT_ID, tenant.value())
                .set(DECK_SETTING.DECK_ID, deckId)
                .set(DECK_SETTING.KEY, key)
                .set(DECK_SETTING.VALUE, value)
                .execute());
    }

    private static StoredDeck toStored(fi.arki.deck.internal.db.tables.records.TenantDeckRecord r) {
        return new StoredDeck(r.getDeckId(), r.getVersion(), DeckOrigin.TENANT_PACKAGE, r.getSigningKey(),
                r.getManifest().data(), r.getTexts().data(), r.getContentSha256(), new TenantId(r.getTenantId()));
    }
}
