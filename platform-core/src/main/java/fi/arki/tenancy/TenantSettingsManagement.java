package fi.arki.tenancy;

import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.shared.Names;
import fi.arki.shared.AccessRoles;
import fi.arki.tenancy.internal.TenantSettingsRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the settings of the tenant bound to the current call. */
@Service
@Transactional
public class TenantSettingsManagement {

    private final TenantSettingsRepository settings;
    private final ApplicationEventPublisher events;

    TenantSettingsManagement(TenantSettingsRepository settings, ApplicationEventPublisher events) {
        this.settings = settings;
        this.events = events;
    }

    /** The current tenant's settings, or the defaults if it has never changed them. */
    @PermitAll
    @Transactional(readOnly = true)
    public TenantSettings current() {
        TenantContext.require();
        return settings.current().orElseGet(TenantSettings::defaults);
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public TenantSettings update(TenantSettings changed) {
        if (changed.languages().isEmpty()) {
            throw new InvalidInputException("error.settings.no-language");
        }
        if (!changed.languages().contains(changed.defaultLanguage())) {
            throw new InvalidInputException("error.settings.default-language-not-served");
        }
        if (changed.anonymityThreshold() < 2 || changed.anonymityThreshold() > 50) {
            throw new InvalidInputException("error.settings.anonymity-threshold", 2, 50);
        }
        if (changed.sessionRetentionDays() < 30 || changed.sessionRetentionDays() > 3650) {
            throw new InvalidInputException("error.settings.retention", 30, 3650);
        }
        TenantSettings clean = new TenantSettings(changed.languages().stream().distinct().toList(),
                changed.defaultLanguage(), changed.guestsAllowed(), changed.anonymityThreshold(),
                changed.sessionRetentionDays(), optionalName(changed.nameFinnishInessive()),
                optionalName(changed.nameFinnishElative()));
        TenantSettings previous = settings.current().orElseGet(TenantSettings::defaults);
        settings.save(TenantContext.require(), clean);
        events.publishEvent(new TenantSettingsChanged(TenantContext.require(), previous, clean));
        return clean;
    }

    /**
     * Whether the tenant lets the platform show its aggregated figures in the cross-organisation
     * view (insight's {@code RollupManagement}): counts of teams, sessions and targets, and ratings
     * pooled above its anonymity threshold, never a team's words or names. Off by default.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public boolean sharesInRollup() {
        TenantContext.require();
        return settings.sharesInRollup();
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public void shareInRollup(boolean share) {
        TenantId tenant = TenantContext.require();
        if (settings.sharesInRollup() != share) {
            settings.setSharesInRollup(tenant, share);
            events.publishEvent(new RollupConsentChanged(tenant, share));
        }
    }

    private static String optionalName(String name) {
        return name == null || name.isBlank() ? null : Names.require(name);
    }
}
