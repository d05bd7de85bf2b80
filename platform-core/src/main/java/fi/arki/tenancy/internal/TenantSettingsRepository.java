package fi.arki.tenancy.internal;

import static fi.arki.tenancy.internal.db.Tables.TENANT_SETTINGS;

import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantSettings;
import java.util.Arrays;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The settings row of the tenant bound to the transaction (RLS); absent until first saved. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class TenantSettingsRepository {

    private final DSLContext db;

    TenantSettingsRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<TenantSettings> current() {
        // the columns the settings record holds, named: a column added later (the roll-up consent) is read on its own
        return db.select(TENANT_SETTINGS.LANGUAGES, TENANT_SETTINGS.DEFAULT_LANGUAGE, TENANT_SETTINGS.GUESTS_ALLOWED,
                        TENANT_SETTINGS.ANONYMITY_THRESHOLD, TENANT_SETTINGS.SESSION_RETENTION_DAYS, TENANT_SETTINGS.NAME_FI_INESSIVE,
                        TENANT_SETTINGS.NAME_FI_ELATIVE)
                .from(TENANT_SETTINGS).fetchOptional(r -> new TenantSettings(
                        Arrays.stream(r.value1()).map(t -> Language.ofTag(t).orElseThrow()).toList(),
                        Language.ofTag(r.value2()).orElseThrow(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    public void save(TenantId tenant, TenantSettings s) {
        String[] languages = s.languages().stream().map(Language::tag).toArray(String[]::new);
        db.insertInto(TENANT_SETTINGS)
                .set(TENANT_SETTINGS.TENANT_ID, tenant.value())
                .set(TENANT_SETTINGS.LANGUAGES, languages)
                .set(TENANT_SETTINGS.DEFAULT_LANGUAGE, s.defaultLanguage().tag())
                .set(TENANT_SETTINGS.GUESTS_ALLOWED, s.guestsAllowed())
                .set(TENANT_SETTINGS.ANONYMITY_THRESHOLD, s.anonymityThreshold())
                .set(TENANT_SETTINGS.SESSION_RETENTION_DAYS, s.sessionRetentionDays())
                .set(TENANT_SETTINGS.NAME_FI_INESSIVE, s.nameFinnishInessive())
                .set(TENANT_SETTINGS.NAME_FI_ELATIVE, s.nameFinnishElative())
                .onConflict(TENANT_SETTINGS.TENANT_ID).doUpdate()
                .set(TENANT_SETTINGS.LANGUAGES, languages)
                .set(TENANT_SETTINGS.DEFAULT_LANGUAGE, s.defaultLanguage().tag())
                .set(TENANT_SETTINGS.GUESTS_ALLOWED, s.guestsAllowed())
                .set(TENANT_SETTINGS.ANONYMITY_THRESHOLD, s.anonymityThreshold())
                .set(TENANT_SETTINGS.SESSION_RETENTION_DAYS, s.sessionRetentionDays())
                .set(TENANT_SETTINGS.NAME_FI_INESSIVE, s.nameFinnishInessive())
                .set(TENANT_SETTINGS.NAME_FI_ELATIVE, s.nameFinnishElative())
                .execute();
    }

    /** Whether the bound tenant shares its aggregated figures in the cross-organisation view (off without a settings row). */
    public boolean sharesInRollup() {
        return db.select(TENANT_SETTINGS.SHARE_IN_ROLLUP).from(TENANT_SETTINGS).fetchOptional(TENANT_SETTINGS.SHARE_IN_ROLLUP)
                .orElse(false);
    }

    /** Sets the bound tenant's consent; a tenant that has never saved its settings gets their defaults with it. */
    public void setSharesInRollup(TenantId tenant, boolean share) {
        db.insertInto(TENANT_SETTINGS)
                .set(TENANT_SETTINGS.TENANT_ID, tenant.value())
                .set(TENANT_SETTINGS.SHARE_IN_ROLLUP, share)
                .onConflict(TENANT_SETTINGS.TENANT_ID).doUpdate()
                .set(TENANT_SETTINGS.SHARE_IN_ROLLUP, share)
                .execute();
    }
}
