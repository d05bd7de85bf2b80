package fi.arki.identity;

import fi.arki.shared.AccountId;
import fi.arki.shared.Language;
import org.jspecify.annotations.Nullable;

/** A sign-in identity: issuer + subject ({@code local} + user name for local accounts). */
public record Account(AccountId id, String issuer, String subject, String displayName,
                      @Nullable String email, boolean platformAdmin, @Nullable Language preferredLanguage) {

    public static final String LOCAL_ISSUER = "local";

    public boolean local() {
        return LOCAL_ISSUER.equals(issuer);
    }
}
