package fi.arki.deck.internal;

import static fi.arki.deck.internal.db.Tables.DECK_ENABLEMENT;
import static fi.arki.deck.internal.db.Tables.DECK_SETTING;
import static fi.arki.deck.internal.db.Tables.TENANT_DECK;
import static fi.arki.deck.internal.db.Tables.TENANT_DECK_IMAGE;

import fi.arki.tenancy.TenantDataParticipant;
import fi.arki.tenancy.TenantDeletion;
import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantRestore;
import fi.arki.tenancy.internal.transfer.TableTransfer;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's own deck packages (with their pictures), the decks it offers and its deck settings, in
 * its export, restore and deletion. Platform decks belong to the installation, not the tenant: a
 * session that ran one names it by id and version, and the installation it is restored to needs
 * that version installed.
 */
@Component
class DeckData implements TenantDataParticipant {

    private final DSLContext db;

    DeckData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "deck";
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void export(TenantExport export) {
        for (TableTransfer<?> table : tables()) {
            table.export(export);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void restore(TenantRestore restore) {
        for (TableTransfer<?> table : tables()) {
            table.restore(restore);
        }
    }

    /** The module's tables, parents first: exported and restored in this order (one list, so the two cannot drift). */
    private List<TableTransfer<?>> tables() {
        return List.of(
                TableTransfer.of(db, TENANT_DECK).accounts(TENANT_DECK.INSTALLED_BY),
                TableTransfer.of(db, TENANT_DECK_IMAGE),
                TableTransfer.of(db, DECK_ENABLEMENT).accounts(DECK_ENABLEMENT.ENABLED_BY),
                TableTransfer.of(db, DECK_SETTING));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(TenantDeletion deletion) {
        deletion.deleted("deck_setting", db.deleteFrom(DECK_SETTING).execute());
        deletion.deleted("deck_enablement", db.deleteFrom(DECK_ENABLEMENT).execute());
        deletion.deleted("tenant_deck_image", db.deleteFrom(TENANT_DECK_IMAGE).execute());
        deletion.deleted("tenant_deck", db.deleteFrom(TENANT_DECK).execute());
    }
}
