package fi.arki.identity;

/** What every authenticated principal of Arki (local or single sign-on) can tell: the account behind it. */
public interface AccountPrincipal {

    /** The user as they were when they signed in, before choosing a tenant. */
    ActingUser actingUser();
}
