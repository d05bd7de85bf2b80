package fi.arki.directory;

import fi.arki.shared.AccountId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A person in a tenant; {@code account} is set when the person can sign in. */
public record Person(PersonId id, String displayName, @Nullable String email, @Nullable AccountId account) {

    public Optional<AccountId> accountId() {
        return Optional.ofNullable(account);
    }
}
