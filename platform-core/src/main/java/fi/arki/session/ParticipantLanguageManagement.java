package fi.arki.session;

import fi.arki.session.internal.ParticipantLanguages;
import fi.arki.shared.AnonymousAllowed;
import fi.arki.shared.Language;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language a participant's pages are shown in: the one stored for the participant, so that a
 * language switch follows them to another device and survives cleared cookies (the browser's
 * cookie and Accept-Language only decide before there is a participant). Changing it is
 * {@link ParticipantManagement#changeLanguage}. Open to anyone, as every participant call is:
 * the caller proves who the participant is with their pass before asking.
 */
@Service
@Transactional(readOnly = true)
@AnonymousAllowed
public class ParticipantLanguageManagement {

    private final ParticipantLanguages languages;

    ParticipantLanguageManagement(ParticipantLanguages languages) {
        this.languages = languages;
    }

    /** The participant's stored language; empty for a participant of another tenant or none. */
    public Optional<Language> languageOf(SessionId session, ParticipantId participant) {
        return languages.of(session, participant);
    }
}
