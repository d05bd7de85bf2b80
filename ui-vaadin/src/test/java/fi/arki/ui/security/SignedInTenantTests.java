package fi.arki.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.identity.ActingUser;
import fi.arki.shared.AccountId;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Where nothing is bound explicitly, the signed-in user's tenant applies — and only theirs. */
class SignedInTenantTests {

    final TenantId mine = TenantId.random();

    @BeforeEach
    void register() {
        new SignedInTenant().afterPropertiesSet();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_signed_in_user_acts_in_their_chosen_tenant() {
        signIn(new ActingUser(AccountId.random(), "Tester", false, mine, "Mine", List.of()));
        assertThat(TenantContext.current()).contains(mine);
    }

    @Test
    void an_explicit_binding_wins_over_the_signed_in_tenant() {
        signIn(new ActingUser(AccountId.random(), "Tester", false, mine, "Mine", List.of()));
        TenantId other = TenantId.random();
        assertThat(TenantContext.callAs(other, TenantContext::current)).contains(other);
    }

    @Test
    void no_user_or_a_user_without_a_tenant_means_no_tenant() {
        assertThat(TenantContext.current()).isEmpty();
        signIn(new ActingUser(AccountId.random(), "Tester", true, null, null, List.of()));
        assertThat(TenantContext.current()).isEqualTo(Optional.empty());
    }

    private static void signIn(ActingUser user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }
}
