package fi.arki.ui.participant;

/** Who a step fragment is rendered for: guests and signed-in members may see a step differently. */
enum ParticipantKind {
    GUEST, MEMBER
}
