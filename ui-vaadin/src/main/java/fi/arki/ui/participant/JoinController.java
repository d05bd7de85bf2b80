package fi.arki.ui.participant;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.session.JoinInfo;
import fi.arki.session.JoinTarget;
import fi.arki.session.Joined;
import fi.arki.session.Joiner;
import fi.arki.session.JoinManagement;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionStartManagement;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.tenancy.TenantContext;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where participants arrive, from a typed code, a link or a QR code (plain forms, no script
 * needed): members of the session's organisation join as themselves, guests without an account
 * where the organisation allows it. A signed-out member is offered to sign in and comes back
 * here. Joining gives the browser a pass for this one session ({@link ParticipantPasses}).
 */
@RestController
class JoinController {

    private static final Logger log = LoggerFactory.getLogger(JoinController.class);

    private final SessionManagement sessions;
    private final SessionStartManagement starts;
    private final JoinManagement joins;
    private final ParticipantManagement participants;
    private final DirectoryManagement directory;
    private final ParticipantPasses passes;
    private final Pages pages;
    private final ObjectProvider<ClientRegistrationRepository> keycloak;

    JoinController(SessionManagement sessions, SessionStartManagement starts, JoinManagement joins, ParticipantManagement participants,
                   DirectoryManagement directory, ParticipantPasses passes, Pages pages, ObjectProvider<ClientRegistrationRepository> keycloak) {
        this.sessions = sessions;
        this.starts = starts;
        this.joins = joins;
        this.participants = participants;
        this.directory = directory;
        this.passes = passes;
        this.pages = pages;
        this.keycloak = keycloak;
    }

    /** The code form; a typed code goes on to its own join page (a GET: the address can be shared). */
    @GetMapping("/join")
    ResponseEntity<String> codeForm(@RequestParam(required = false) @Nullable String code, HttpServletRequest request) {
        if (code == null) {
            return codePage(HttpStatus.OK, "", null, request);
        }
        String typed = SessionStartManagement.normaliseCode(code);
        if (typed.isEmpty()) {
            return codePage(HttpStatus.UNPROCESSABLE_CONTENT, code, "join.code-empty", request);
        }
        return Pages.redirect("/join/" + typed);
    }

    @GetMapping("/join/{code}")
    ResponseEntity<String> joinPage(@PathVariable String code, HttpServletRequest request) {
        return withTarget(code, request, (target, info) -> {
            if (passes.find(request, info.id()).isPresent()) {
                return Pages.redirect("/p/" + info.id().value());
            }
            return joinPage(HttpStatus.OK, form(target, info), Map.of(), null, request);
        });
    }

    @PostMapping("/join/{code}")
    ResponseEntity<String> join(@PathVariable String code, @RequestParam(required = false) @Nullable String name,
                                @RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String team,
                                HttpServletRequest request, HttpServletResponse response) {
        return withTarget(code, request, (target, info) -> {
            JoinForm form = form(target, info);
            Map<String, String> typed = Map.of("name", name == null ? "" : name, "unit", unit == null ? "" : unit,
                    "team", team == null ? "" : team);
            if (!form.canJoin()) {
                return joinPage(HttpStatus.FORBIDDEN, form, typed, null, request);
            }
            Texts t = pages.texts(request);
            if (!form.teams().isEmpty() && (team == null || team.isBlank())) {
                return joinPage(HttpStatus.UNPROCESSABLE_CONTENT, form, typed, t.t("session.error.team-required"), request);
            }
            Language language = LanguageSupport.of(request);
            Joiner joiner = (form.isMember() ? Joiner.member(form.member(), form.memberName(), language)
                    : Joiner.guest(form.asksName() ? name : null, form.units().isEmpty() ? null : unitId(unit), language))
                    .withTeam(form.teams().isEmpty() ? null : teamId(team));
            Joined joined;
            try {
                joined = joins.join(info.id(), joiner);
            } catch (InvalidInputException e) {
                return joinPage(HttpStatus.UNPROCESSABLE_CONTENT, form, typed, pages.message(t, e), request);
            } catch (RuntimeException e) {
                log.warn("Could not join session {}: {}", info.id(), e.toString());
                return joinPage(HttpStatus.SERVICE_UNAVAILABLE, form, typed, pages.message(t, e), request);
            }
            passes.remember(request, response, target.tenant(), joined);
            return Pages.redirect("/p/" + info.id().value());
        });
    }

    /**
     * "Sign in and join as yourself": a signed-out member goes to the sign-in page and, signed in,
     * back to this address (Spring's saved request), which takes them to the session's join page.
     */
    @GetMapping("/join/{code}/member")
    ResponseEntity<String> signInAndJoin(@PathVariable String code, HttpServletRequest request, HttpServletResponse response) {
        String back = "/join/" + SessionStartManagement.normaliseCode(code);
        if (CurrentUser.get().isPresent()) {
            return Pages.redirect(back);
        }
        new HttpSessionRequestCache().saveRequest(request, response);
        return Pages.redirect(keycloak.getIfAvailable() != null ? "/oauth2/authorization/keycloak" : "/login");
    }

    /** The language switch of the participant pages: a form post, back to where it was sent from. */
    @PostMapping("/join/language")
    ResponseEntity<String> language(@RequestParam String language, @RequestParam(required = false) @Nullable String back,
                                    HttpServletRequest request, HttpServletResponse response) {
        Optional<Language> chosen = Language.ofTag(language);
        chosen.ifPresent(l -> Pages.chooseLanguage(request, response, l));
        boolean ours = back != null && back.matches("/(join(/[0-9A-Za-z]{0,14})?|p/[0-9a-f-]{36})");
        if (chosen.isPresent() && back != null && back.matches("/p/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            // switched on a session page: stored for the participant too, so it follows them to their other devices
            passes.find(request, new SessionId(UUID.fromString(back.substring(3)))).ifPresent(pass -> TenantContext.runAs(pass.tenant(),
                    () -> participants.changeLanguage(pass.session(), pass.participant(), chosen.get())));
        }
        return Pages.redirect(ours ? back : "/join");
    }

    private interface Found {
        ResponseEntity<String> with(JoinTarget target, SessionInfo info);
    }

    private ResponseEntity<String> withTarget(String code, HttpServletRequest request, Found found) {
        try {
            Optional<JoinTarget> target = starts.resolve(code);
            if (target.isEmpty()) {
                return codePage(HttpStatus.NOT_FOUND, code, "join.not-found", request);
            }
            return TenantContext.callAs(target.get().tenant(), () -> {
                SessionInfo info = sessions.find(target.get().session()).orElse(null);
                if (info == null || !info.running()) {
                    return codePage(HttpStatus.NOT_FOUND, code, "join.not-found", request);
                }
                return found.with(target.get(), info);
            });
        } catch (RuntimeException e) {
            // the database is away or too busy to answer in time (a burst of joins): say so, and let them try again
            log.warn("Could not open the join page: {}", e.toString());
            Texts t = pages.texts(request);
            return pages.page(HttpStatus.SERVICE_UNAVAILABLE, "participant/busy.jte", Map.of("message", pages.message(t, e)), request);
        }
    }

    private JoinForm form(JoinTarget target, SessionInfo info) {
        JoinInfo join = joins.joinInfo(info);
        return JoinForm.of(target, info, join, directory);
    }

    private ResponseEntity<String> codePage(HttpStatus status, String typed, @Nullable String problemKey, HttpServletRequest request) {
        Texts t = pages.texts(request);
        return pages.page(status, "participant/code.jte", Map.of("typed", typed, "problem", problemKey == null ? "" : t.t(problemKey)),
                request);
    }

    private ResponseEntity<String> joinPage(HttpStatus status, JoinForm form, Map<String, String> typed, @Nullable String problem,
                                            HttpServletRequest request) {
        return pages.page(status, "participant/join.jte", Map.of("form", form, "typed", typed, "problem", problem == null ? "" : problem),
                request);
    }

    private static @Nullable UnitId unitId(@Nullable String value) {
        return parse(value).map(UnitId::new).orElse(null);
    }

    private static @Nullable TeamId teamId(@Nullable String value) {
        return parse(value).map(TeamId::new).orElse(null);
    }

    private static Optional<UUID> parse(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
