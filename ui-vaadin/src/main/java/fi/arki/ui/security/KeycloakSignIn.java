package fi.arki.ui.security;

import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.identity.SingleSignOn;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a verified Keycloak sign-in into an Arki user: the account by issuer and subject, the
 * tenants by the token's organization ids, the roles from Arki's own membership table. With one
 * tenant the user acts there at once; with several they choose ({@link TenantSelection}).
 */
final class KeycloakSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService oidc = new OidcUserService();
    private final AccountManagement accounts;
    private final KeycloakProperties keycloak;

    KeycloakSignIn(AccountManagement accounts, KeycloakProperties keycloak) {
        this.accounts = accounts;
        this.keycloak = keycloak;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = oidc.loadUser(request);
        SingleSignOn signOn = AsSystem.call(() -> accounts.signInWithSingleSignOn(KeycloakClaims.identity(user.getClaims(), keycloak)));
        ActingUser acting = ActingUser.withoutTenant(signOn.account());
        if (signOn.memberships().size() == 1) {
            acting = acting.actingIn(signOn.memberships().getFirst());
        }
        return new SsoUser(Authorities.of(acting), user.getIdToken(), user.getUserInfo(), acting, signOn.tenants());
    }
}
