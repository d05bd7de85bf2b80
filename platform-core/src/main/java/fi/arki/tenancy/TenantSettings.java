package fi.arki.tenancy;

import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's own settings. {@code languages} are the languages it serves in; a bilingual
 * authority (Finnish and Swedish, Language Act 423/2003) needs every deck it runs in both.
 */
public record TenantSettings(List<Language> languages, Language defaultLanguage, boolean guestsAllowed,
                             int anonymityThreshold, int sessionRetentionDays,
                             @Nullable String nameFinnishInessive, @Nullable String nameFinnishElative) {

    public static final int DEFAULT_ANONYMITY_THRESHOLD = 5;

    public TenantSettings {
        languages = List.copyOf(languages);
    }

    public static TenantSettings defaults() {
        return new TenantSettings(List.of(Language.FI), Language.FI, true, DEFAULT_ANONYMITY_THRESHOLD, 730, null, null);
    }

    /** Serves in both Finnish and Swedish. */
    public boolean bilingual() {
        return Set.copyOf(languages).containsAll(Set.of(Language.FI, Language.SV));
    }

    public OrganisationName organisationName(String name) {
        return new OrganisationName(name, nameFinnishInessive, nameFinnishElative);
    }
}
