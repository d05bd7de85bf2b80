package fi.arki.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a sign-in identity on the platform (local or single sign-on), across tenants. */
public record AccountId(UUID value) implements java.io.Serializable {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
