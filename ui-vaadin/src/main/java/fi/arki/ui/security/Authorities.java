package fi.arki.ui.security;

import fi.arki.identity.ActingUser;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The Spring Security authorities of a user: {@code ROLE_<role>} for each tenant role and the global one. */
final class Authorities {

    private Authorities() {
    }

    static List<GrantedAuthority> of(ActingUser user) {
        return user.roleNames().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
