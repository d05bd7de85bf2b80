package fi.arki.directory;

import java.util.Arrays;

/** What a person may do in a tenant. Platform administration is not a tenant role. */
public enum Role {
    TENANT_ADMIN("tenant-admin"),
    FACILITATOR("facilitator"),
    MEMBER("member");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    /** The value stored in the database. */
    public String code() {
        return code;
    }

    public static Role ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role " + code));
    }
}
