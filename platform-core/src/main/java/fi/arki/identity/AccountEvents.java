package fi.arki.identity;

import fi.arki.shared.AccountId;
import fi.arki.shared.TenantId;
import org.jspecify.annotations.Nullable;

/** What happens to accounts, published for the audit log. {@code tenantId} is where it happened, if anywhere. */
public final class AccountEvents {

    private AccountEvents() {
    }

    /** A user signed in ({@code method}: {@code local} or the single sign-on issuer). */
    public record SignedIn(@Nullable TenantId tenantId, AccountId account, String username, String method) {
    }

    /** A sign-in was refused ({@code reason}: bad-credentials, locked, disabled, …). */
    public record SignInFailed(@Nullable TenantId tenantId, String attemptedUsername, String reason) {
    }

    /** Too many wrong passwords locked a local account. */
    public record AccountLocked(@Nullable TenantId tenantId, AccountId account, String username) {
    }

    public record AccountCreated(@Nullable TenantId tenantId, AccountId account, String username) {
    }

    public record PasswordChanged(@Nullable TenantId tenantId, AccountId account, boolean byAdministrator) {
    }

    public record AccountUnlocked(@Nullable TenantId tenantId, AccountId account) {
    }

    /**
     * An account was deleted because it could sign in to nothing any more: its tenant was deleted
     * ({@code tenant-deleted}) or its person removed ({@code person-removed}), and it had no other.
     */
    public record AccountDeleted(@Nullable TenantId tenantId, AccountId account, String reason) {
    }
}
