package fi.arki.ui.participant;

import fi.arki.deck.Activity;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.DeckImage;
import fi.arki.session.Lane;
import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.ParticipantLanguageManagement;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionId;
import fi.arki.shared.InvalidInputException;
import fi.arki.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The participant's session page and its form posts (post-redirect-get; each write goes through
 * the idempotent ParticipantManagement path, so "saved" is shown only for what was committed).
 * Only a browser holding this session's pass ({@link ParticipantPasses}) gets anything here.
 */
@RestController
class ParticipantController {

    private static final Logger log = LoggerFactory.getLogger(ParticipantController.class);
    static final String SESSION = "/p/{session:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}";
    private static final String LEFTOVER = "arki.leftover";
    private static final String FOCUS = "arki.focus";

    private final ParticipantPasses passes;
    private final LiveStates states;
    private final ParticipantManagement participants;
    private final StepFragments steps;
    private final PersonalFragments personal;
    private final DeckCatalog catalog;
    private final Pages pages;
    private final ParticipantLanguageManagement languages;

    ParticipantController(ParticipantPasses passes, LiveStates states, ParticipantManagement participants, StepFragments steps,
                          PersonalFragments personal, DeckCatalog catalog, Pages pages, ParticipantLanguageManagement languages) {
        this.passes = passes;
        this.states = states;
        this.participants = participants;
        this.steps = steps;
        this.personal = personal;
        this.catalog = catalog;
        this.pages = pages;
        this.languages = languages;
    }

    @GetMapping(SESSION)
    ResponseEntity<String> page(@PathVariable UUID session, HttpServletRequest request, HttpServletResponse response) {
        return as(session, request, response, pass -> {
            Texts t = texts(request, pass);
            LiveState state = states.current(pass.session());
            String step = steps.render(state, t.locale(), kindOf(state, pass));
            PersonalFragments.Leftover kept = leftover(request);
            String own = personal.render(state, pass.participant(), t.locale(), csrf(request), kept, focus(request));
            Instant ends = state.timerEndsAt();
            String timer = "";
            if (ends != null) {
                long left = Math.max(0, Duration.between(Instant.now(), ends).toSeconds());
                timer = left == 0 ? t.t("session.timer.up") : t.t("session.timer.left", left / 60, String.format("%02d", left % 60));
            }
            String title = SessionTitle.of(state, steps.texts(state, t.locale()).deck(), fi.arki.shared.Language.of(t.locale()));
            SessionPage page = new SessionPage(session.toString(), state.version(), title, state.present(),
                    ends == null ? null : ends.toString(), timer, step.replace(StepFragments.PERSONAL_SLOT, own));
            return pages.page(HttpStatus.OK, "participant/page.jte", Map.of("page", page, "t", t), request);
        });
    }

    /** Only the participant's own part of the current step: what the script fetches after a step change. */
    @GetMapping(SESSION + "/personal")
    ResponseEntity<String> personal(@PathVariable UUID session, HttpServletRequest request, HttpServletResponse response) {
        return as(session, request, response, pass -> {
            Texts t = texts(request, pass);
            LiveState state = states.current(pass.session());
            String own = personal.render(state, pass.participant(), t.locale(), csrf(request), PersonalFragments.Leftover.NONE, "");
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.noStore()).header("X-Arki-Version", String.valueOf(state.version())).body(own);
        });
    }

    @PostMapping(SESSION + "/answers")
    ResponseEntity<String> answer(@PathVariable UUID session, @RequestParam int step, @RequestParam UUID id, @RequestParam String text,
                                  @RequestParam(required = false) @Nullable String lane, HttpServletRequest request,
                                  HttpServletResponse response) {
        try {
            return as(session, request, response, pass -> {
                try {
                    if (text.isBlank()) {
                        throw new InvalidInputException("session.error.text-empty");
                    }
                    Lane chosen = lane == null ? null : Lane.ofCode(lane).orElse(null);
                    participants.writeAnswer(pass.session(), pass.participant(), step, id, chosen, text);
                    flash(request, response, session, FOCUS, "answer");
                } catch (InvalidInputException e) {
                    flash(request, response, session, LEFTOVER,
                            new PersonalFragments.Leftover(text, pages.writeMessage(texts(request, pass), e), id.toString()));
                }
                return back(session);
            });
        } catch (RuntimeException e) {
            // the database is away (or too busy): no page of the session can be read now, so the answer
            // comes back as it was sent, under its id, marked not saved, with "try now" to send it again
            log.info("An answer was not saved: {}", e.getClass().getSimpleName());
            return pages.page(HttpStatus.SERVICE_UNAVAILABLE, "participant/offline.jte", Map.of("session", session.toString(),
                    "step", step, "id", id.toString(), "text", text, "lane", lane == null ? "" : lane,
                    "problem", pages.writeMessage(pages.texts(request), e)), request);
        }
    }

    @PostMapping(SESSION + "/answers/{answer}/delete")
    ResponseEntity<String> delete(@PathVariable UUID session, @PathVariable UUID answer, @RequestParam int step,
                                  HttpServletRequest request, HttpServletResponse response) {
        return write(session, request, response, "answer", pass -> participants.deleteAnswer(pass.session(), pass.participant(), step, answer));
    }

    @PostMapping(SESSION + "/dots")
    ResponseEntity<String> dots(@PathVariable UUID session, @RequestParam int step, @RequestParam UUID item, @RequestParam int dots,
                                HttpServletRequest request, HttpServletResponse response) {
        // focus goes back to the button pressed, or its pair when that one is now disabled
        return write(session, request, response, null, pass -> {
            LiveState before = states.current(pass.session());
            int had = before.dotsGiven(step, pass.participant(), item);
            participants.setDots(pass.session(), pass.participant(), step, item, Math.max(0, dots));
            flash(request, response, session, FOCUS, (dots > had ? "plus-" : "minus-") + item);
        });
    }

    @PostMapping(SESSION + "/rating")
    ResponseEntity<String> rate(@PathVariable UUID session, @RequestParam int step, @RequestParam int value, HttpServletRequest request,
                                HttpServletResponse response) {
        return write(session, request, response, "rate-" + value, pass -> participants.rate(pass.session(), pass.participant(), step, value));
    }

    @PostMapping(SESSION + "/touchpoints")
    ResponseEntity<String> touchpoint(@PathVariable UUID session, @RequestParam int step, @RequestParam UUID id, @RequestParam String stage,
                                      @RequestParam String owner, @RequestParam String label, @RequestParam int emotion,
                                      @RequestParam int effort, HttpServletRequest request, HttpServletResponse response) {
        return write(session, request, response, null, pass -> participants.addTouchpoint(pass.session(), pass.participant(), step, id,
                Arrays.stream(Activity.JourneyStage.values()).filter(s -> s.code().equals(stage)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("session.error.wrong-step")),
                Arrays.stream(Activity.TouchpointOwner.values()).filter(o -> o.code().equals(owner)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("session.error.wrong-step")),
                label, emotion, effort));
    }

    /** An intro step's picture, from the session's own deck version. */
    @GetMapping(SESSION + "/image")
    ResponseEntity<byte[]> image(@PathVariable UUID session, @RequestParam String name, HttpServletRequest request) {
        Optional<ParticipantPasses.Pass> pass = passes.find(request, new SessionId(session));
        if (pass.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        Optional<DeckImage> image = TenantContext.callAs(pass.get().tenant(), () -> {
            LiveState state = states.current(pass.get().session());
            return catalog.image(state.session().deckId(), state.session().deckVersion(), name);
        });
        return image.map(i -> ResponseEntity.ok().contentType(MediaType.parseMediaType(i.mediaType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()).body(i.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private interface Write {
        void run(ParticipantPasses.Pass pass);
    }

    private ResponseEntity<String> write(UUID session, HttpServletRequest request, HttpServletResponse response, @Nullable String focus,
                                         Write write) {
        return as(session, request, response, pass -> {
            try {
                write.run(pass);
                if (focus != null) {
                    flash(request, response, session, FOCUS, focus);
                }
            } catch (RuntimeException e) {
                log.info("A participant's write was refused: {}", e.getClass().getSimpleName());
                flash(request, response, session, LEFTOVER, new PersonalFragments.Leftover(null, pages.writeMessage(texts(request, pass), e), null));
            }
            return back(session);
        });
    }

    /** Runs with the pass's tenant bound; without a right pass the browser goes to the join page. */
    private ResponseEntity<String> as(UUID session, HttpServletRequest request, HttpServletResponse response,
                                      Function<ParticipantPasses.Pass, ResponseEntity<String>> then) {
        Optional<ParticipantPasses.Pass> pass = passes.findOrRejoin(request, response, new SessionId(session));
        if (pass.isEmpty()) {
            return Pages.redirect("/join");
        }
        return TenantContext.callAs(pass.get().tenant(), () -> then.apply(pass.get()));
    }

    /** The participant's own language (stored, so it follows them to another device), else the browser's. */
    private Texts texts(HttpServletRequest request, ParticipantPasses.Pass pass) {
        return pages.texts(request, languages.languageOf(pass.session(), pass.participant()));
    }

    private static ParticipantKind kindOf(LiveState state, ParticipantPasses.Pass pass) {
        LiveState.Participant me = state.participantsById().get(pass.participant());
        return me != null && !me.guest() ? ParticipantKind.MEMBER : ParticipantKind.GUEST;
    }

    private static ResponseEntity<String> back(UUID session) {
        return Pages.redirect("/p/" + session);
    }

    private static CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    private static void flash(HttpServletRequest request, HttpServletResponse response, UUID session, String key, Object value) {
        FlashMap out = RequestContextUtils.getOutputFlashMap(request);
        out.put(key, value);
        RequestContextUtils.saveOutputFlashMap("/p/" + session, request, response);
    }

    private static PersonalFragments.Leftover leftover(HttpServletRequest request) {
        Map<String, ?> in = RequestContextUtils.getInputFlashMap(request);
        return in != null && in.get(LEFTOVER) instanceof PersonalFragments.Leftover l ? l : PersonalFragments.Leftover.NONE;
    }

    private static String focus(HttpServletRequest request) {
        Map<String, ?> in = RequestContextUtils.getInputFlashMap(request);
        return in != null && in.get(FOCUS) instanceof String s ? s : "";
    }
}
