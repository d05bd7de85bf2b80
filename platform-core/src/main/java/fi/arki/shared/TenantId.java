package fi.arki.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies an organisation using Arki. */
public record TenantId(UUID value) implements java.io.Serializable {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
