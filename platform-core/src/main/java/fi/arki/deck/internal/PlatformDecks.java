package fi.arki.deck.internal;

import static fi.arki.deck.internal.db.Tables.PLATFORM_DECK;
import static fi.arki.deck.internal.db.Tables.PLATFORM_DECK_FAILURE;
import static fi.arki.deck.internal.db.Tables.PLATFORM_DECK_IMAGE;

import fi.arki.deck.DeckImage;
import fi.arki.deck.DeckOrigin;
import fi.arki.deck.internal.db.tables.records.PlatformDeckRecord;
import fi.arki.shared.AccountId;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Deck versions every tenant can see (code decks and platform packages), and built-in decks that failed to load. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class PlatformDecks {

    /** A built-in deck that could not be loaded, as recorded at the last start-up. */
    public record Failure(String provider, String deckId, @Nullable String version, String problemsJson) {
    }

    /** The first key of the advisory locks of deck registration: "arkd" in ASCII, any constant would do. */
    private static final int REGISTRATION_LOCK_CLASS = 0x61726b64;
    /** The first key of the lock around replacing the failure list ("arkf"). */
    private static final int FAILURES_LOCK_CLASS = 0x61726b66;

    private final DSLContext db;

    PlatformDecks(DSLContext db) {
        this.db = db;
    }

    /**
     * Holds, until the current transaction ends, the lock that serialises the registration of
     * one deck id across every node on this database (a PostgreSQL advisory lock: nothing is
     * written, and it is released on commit or rollback, also when a node dies).
     */
    public void lockDeck(String deckId) {
        // two int4 keys, so that it never meets a lock taken on a single bigint key (MigrationSafety)
        db.fetch("select pg_advisory_xact_lock(?, hashtext(?))", REGISTRATION_LOCK_CLASS, deckId);
    }

    /** Stores a version unless it is stored already (by another node); tells whether this call stored it. */
    public boolean insertIfAbsent(DeckReader.ReadDeck deck, DeckOrigin origin) {
        int inserted = deckRow(deck, origin, null, null).onConflict(PLATFORM_DECK.DECK_ID, PLATFORM_DECK.VERSION).doNothing().execute();
        if (inserted == 0) {
            return false;
        }
        insertImages(deck);
        return true;
    }

    /** Stores a version; a version that is stored already is a {@link org.springframework.dao.DuplicateKeyException}. */
    public void insert(DeckReader.ReadDeck deck, DeckOrigin origin, @Nullable String signingKey, @Nullable AccountId by) {
        deckRow(deck, origin, signingKey, by).execute();
        insertImages(deck);
    }

    private org.jooq.InsertSetMoreStep<PlatformDeckRecord> deckRow(DeckReader.ReadDeck deck, DeckOrigin origin,
                                                                  @Nullable String signingKey, @Nullable AccountId by) {
        return db.insertInto(PLATFORM_DECK)
                .set(PLATFORM_DECK.DECK_ID, deck.manifest().id())
                .set(PLATFORM_DECK.VERSION, deck.manifest().version())
                .set(PLATFORM_DECK.ORIGIN, origin == DeckOrigin.CODE ? "code" : "package")
                .set(PLATFORM_DECK.MANIFEST, JSONB.valueOf(DeckReader.toJson(deck.manifestJson())))
                .set(PLATFORM_DECK.TEXTS, JSONB.valueOf(DeckReader.textsToJson(deck.texts())))
                .set(PLATFORM_DECK.CONTENT_SHA256, deck.contentHash())
                .set(PLATFORM_DECK.OFFICIAL, signingKey != null)
                .set(PLATFORM_DECK.SIGNING_KEY, signingKey)
                .set(PLATFORM_DECK.INSTALLED_BY, by == null ? null : by.value());
    }

    private void insertImages(DeckReader.ReadDeck deck) {
        for (DeckImage image : deck.images().values()) {
            db.insertInto(PLATFORM_DECK_IMAGE)
                    .set(PLATFORM_DECK_IMAGE.DECK_ID, deck.manifest().id())
                    .set(PLATFORM_DECK_IMAGE.VERSION, deck.manifest().version())
                    .set(PLATFORM_DECK_IMAGE.NAME, image.name())
                    .set(PLATFORM_DECK_IMAGE.MEDIA_TYPE, image.mediaType())
                    .set(PLATFORM_DECK_IMAGE.CONTENT, image.content())
                    .execute();
        }
    }

    public Optional<StoredDeck> find(String deckId, String version) {
        return db.selectFrom(PLATFORM_DECK)
                .where(PLATFORM_DECK.DECK_ID.eq(deckId), PLATFORM_DECK.VERSION.eq(version))
                .fetchOptional(PlatformDecks::toStored);
    }

    public List<StoredDeck> all() {
        return db.selectFrom(PLATFORM_DECK).orderBy(PLATFORM_DECK.DECK_ID, PLATFORM_DECK.INSTALLED_AT)
                .fetch(PlatformDecks::toStored);
    }

    public boolean hasDeck(String deckId) {
        return db.fetchExists(PLATFORM_DECK, PLATFORM_DECK.DECK_ID.eq(deckId));
    }

    public Optional<DeckImage> image(String deckId, String version, String name) {
        return db.selectFrom(PLATFORM_DECK_IMAGE)
                .where(PLATFORM_DECK_IMAGE.DECK_ID.eq(deckId), PLATFORM_DECK_IMAGE.VERSION.eq(version),
                        PLATFORM_DECK_IMAGE.NAME.eq(name))
                .fetchOptional(r -> new DeckImage(r.getName(), r.getMediaType(), r.getContent()));
    }

    public void replaceFailures(List<Failure> failures) {
        // nodes starting together replace the list one after the other, not into each other's keys
        db.fetch("select pg_advisory_xact_lock(?, 0)", FAILURES_LOCK_CLASS);
        db.deleteFrom(PLATFORM_DECK_FAILURE).execute();
        for (Failure f : failures) {
            db.insertInto(PLATFORM_DECK_FAILURE)
                    .set(PLATFORM_DECK_FAILURE.PROVIDER, f.provider())
                    .set(PLATFORM_DECK_FAILURE.DECK_ID, f.deckId())
                    .set(PLATFORM_DECK_FAILURE.VERSION, f.version())
                    .set(PLATFORM_DECK_FAILURE.PROBLEMS, JSONB.valueOf(f.problemsJson()))
                    .execute();
        }
    }

    public List<Failure> failures() {
        return db.selectFrom(PLATFORM_DECK_FAILURE).orderBy(PLATFORM_DECK_FAILURE.DECK_ID)
                .fetch(r -> new Failure(r.getProvider(), r.getDeckId(), r.getVersion(), r.getProblems().data()));
    }

    private static StoredDeck toStored(Record record) {
        var r = record.into(PLATFORM_DECK);
        return new StoredDeck(r.getDeckId(), r.getVersion(), "code".equals(r.getOrigin()) ? DeckOrigin.CODE : DeckOrigin.PLATFORM_PACKAGE,
                r.getSigningKey(), r.getManifest().data(), r.getTexts().data(), r.getContentSha256(), null);
    }
}
