package fi.arki.audit.internal;

import fi.arki.audit.AuditAction;
import fi.arki.audit.AuditEvent;
import fi.arki.audit.AuditManagement;
import fi.arki.audit.AuditOutcome;
import fi.arki.deck.DeckDisabledForTenant;
import fi.arki.deck.DeckEnabledForTenant;
import fi.arki.deck.DeckSettingsChanged;
import fi.arki.deck.DeckVersionInstalled;
import fi.arki.directory.PersonRemoved;
import fi.arki.directory.RoleGranted;
import fi.arki.directory.RoleRevoked;
import fi.arki.followup.FinishedTargetsPurged;
import fi.arki.followup.IdeaDeleted;
import fi.arki.followup.IdeaStatusChanged;
import fi.arki.identity.AccountEvents;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.session.NoNewTargetChanged;
import fi.arki.session.SessionPurged;
import fi.arki.tenancy.TenantCreated;
import fi.arki.tenancy.TenantDeleted;
import fi.arki.tenancy.TenantMerged;
import fi.arki.tenancy.TenantRenamed;
import fi.arki.tenancy.RollupConsentChanged;
import fi.arki.tenancy.TenantSettingsChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the security-relevant events other modules publish into audit entries. The listeners run
 * synchronously, in the publisher's thread and transaction: the entry commits with the change, and
 * the actor is the user who made it.
 */
@Component
class AuditedEvents {

    private final AuditManagement audit;

    AuditedEvents(AuditManagement audit) {
        this.audit = audit;
    }

    @EventListener
    void on(TenantCreated e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.TENANT_CREATED, "tenant", e.tenantId()).with("slug", e.slug()).with("name", e.name()));
    }

    @EventListener
    void on(TenantRenamed e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.TENANT_RENAMED, "tenant", e.tenantId())
                .with("from", e.previousName()).with("to", e.name()));
    }

    @EventListener
    void on(TenantMerged e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.TENANT_MERGED, "tenant", e.sourceTenantId()).with("into", e.tenantId()));
        in(e.sourceTenantId(), AuditEvent.of(AuditAction.TENANT_MERGED, "tenant", e.sourceTenantId()).with("into", e.tenantId()));
    }

    @EventListener
    void on(TenantDeleted e) {
        AuditEvent event = AuditEvent.of(AuditAction.DELETED, "tenant", e.tenantId()).with("slug", e.slug()).with("name", e.name())
                .with("rows", e.deletedRows().values().stream().mapToInt(Integer::intValue).sum())
                .with("accountsDeleted", e.accountsDeleted());
        in(e.tenantId(), event);
    }

    // retention: ids, dates and counts only; never a title, a name or an answer
    @EventListener
    void on(SessionPurged e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.DELETED, "session", e.session().value())
                .with("reason", "retention").with("retentionDays", e.retentionDays()).with("closedAt", e.closedAt())
                .with("targetsDeleted", e.targetsDeleted()).with("targetsKept", e.targetsDetached()));
    }

    // a facilitator's "no new target" on a commit step, or its withdrawal (by the facilitator, or by a target committed after all)
    @EventListener
    void on(NoNewTargetChanged e) {
        in(e.tenantId(), AuditEvent.of(e.decided() ? AuditAction.NO_NEW_TARGET_DECIDED : AuditAction.NO_NEW_TARGET_WITHDRAWN,
                "session", e.session().value()).with("step", e.step()).with("reason", e.reason()));
    }

    @EventListener
    void on(FinishedTargetsPurged e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.DELETED, "development_target", null)
                .with("reason", "retention").with("retentionDays", e.retentionDays()).with("targets", e.targets())
                .with("changedBefore", e.changedBefore()));
    }

    // the idea pipeline: ids and statuses only, never the idea's or the answer's text
    @EventListener
    void on(IdeaStatusChanged e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.IDEA_STATUS_CHANGED, "idea", e.ideaId().value())
                .with("team", e.teamId().value()).with("from", e.from().code()).with("to", e.to().code())
                .with("responded", e.responded()));
    }

    @EventListener
    void on(IdeaDeleted e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.DELETED, "idea", e.ideaId().value())
                .with("team", e.teamId().value()).with("reason", "administrator"));
    }

    @EventListener
    void on(AccountEvents.AccountDeleted e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.ACCOUNT_DELETED, "account", e.account()).with("reason", e.reason()));
    }

    @EventListener
    void on(TenantSettingsChanged e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.TENANT_SETTINGS_CHANGED, "tenant", e.tenantId())
                .with("languages", e.settings().languages())
                .with("guestsAllowed", e.settings().guestsAllowed())
                .with("anonymityThreshold", e.settings().anonymityThreshold())
                .with("sessionRetentionDays", e.settings().sessionRetentionDays()));
    }

    @EventListener
    void on(RollupConsentChanged e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.TENANT_SETTINGS_CHANGED, "tenant", e.tenantId()).with("shareInRollup", e.share()));
    }

    @EventListener
    void on(RoleGranted e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.ROLE_GRANTED, "person", e.person()).with("role", e.role().code()));
    }

    @EventListener
    void on(RoleRevoked e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.ROLE_REVOKED, "person", e.person()).with("role", e.role().code()));
    }

    @EventListener
    void on(PersonRemoved e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.PERSON_REMOVED, "person", e.person()));
    }

    @EventListener
    void on(DeckVersionInstalled e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.DECK_INSTALLED, "deck", e.deckId() + "@" + e.version())
                .with("origin", e.origin()).with("official", e.official()));
    }

    @EventListener
    void on(DeckEnabledForTenant e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.DECK_ENABLED, "deck", e.deckId()));
    }

    @EventListener
    void on(DeckDisabledForTenant e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.DECK_DISABLED, "deck", e.deckId()));
    }

    @EventListener
    void on(DeckSettingsChanged e) {
        AuditEvent event = AuditEvent.of(AuditAction.DECK_SETTINGS_CHANGED, "deck", e.deckId());
        for (var setting : e.values().entrySet()) {
            event = event.with(setting.getKey(), setting.getValue());
        }
        in(e.tenantId(), event);
    }

    @EventListener
    void on(AccountEvents.SignedIn e) {
        audit.recordAbout(e.username(), e.account(), e.tenantId(),
                AuditEvent.of(AuditAction.SIGN_IN, "account", e.account()).with("method", e.method()));
    }

    @EventListener
    void on(AccountEvents.SignInFailed e) {
        audit.recordAbout(e.attemptedUsername(), null, e.tenantId(),
                AuditEvent.of(AuditAction.SIGN_IN, "account", e.attemptedUsername()).outcome(AuditOutcome.FAILURE)
                        .with("reason", e.reason()));
    }

    @EventListener
    void on(AccountEvents.AccountLocked e) {
        audit.recordAbout(e.username(), e.account(), e.tenantId(), AuditEvent.of(AuditAction.ACCOUNT_LOCKED, "account", e.account()));
    }

    @EventListener
    void on(AccountEvents.AccountCreated e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.ACCOUNT_CREATED, "account", e.account()).with("username", e.username()));
    }

    @EventListener
    void on(AccountEvents.PasswordChanged e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.PASSWORD_CHANGED, "account", e.account()).with("byAdministrator", e.byAdministrator()));
    }

    @EventListener
    void on(AccountEvents.AccountUnlocked e) {
        in(e.tenantId(), AuditEvent.of(AuditAction.ACCOUNT_UNLOCKED, "account", e.account()));
    }

    /** Records under the event's tenant; the audit table has no RLS, so the binding only names the tenant. */
    private void in(@Nullable TenantId tenant, AuditEvent event) {
        if (tenant == null || TenantContext.current().filter(tenant::equals).isPresent()) {
            audit.record(event);
        } else {
            TenantContext.runAs(tenant, () -> audit.record(event));
        }
    }
}
