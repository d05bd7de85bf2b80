package fi.arki.ui.participant;

/**
 * Who a step is rendered for: the broadcaster renders each step once per language and kind. A guest
 * has no account, so the step offers no "sign in" affordances to a member and vice versa.
 */
public enum ParticipantKind {
    MEMBER, GUEST
}
