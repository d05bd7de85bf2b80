package fi.arki.identity;

import fi.arki.shared.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A local account as an administrator sees it: whether it is locked and when it last signed in. */
public record LocalAccountStatus(AccountId account, String username, String displayName, int failedSignIns,
                                 @Nullable Instant lockedUntil, boolean passwordChangeRequired,
                                 @Nullable Instant lastSignIn) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
