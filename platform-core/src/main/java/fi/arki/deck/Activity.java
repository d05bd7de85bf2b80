package fi.arki.deck;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a card. Texts are not here: they come from the deck's messages under
 * {@code card.<card>.<activity>} (and {@code .help}, and for an intro {@code .source}).
 */
public sealed interface Activity {

    String id();

    ActivityKind kind();

    /**
     * Theory with its source ({@code card.<card>.<activity>.source}); optionally a video link
     * (http/https) and an image of the deck's own (a PNG or JPEG file of the deck, described by
     * {@code card.<card>.<activity>.alt}).
     */
    record Intro(String id, @Nullable String videoUrl, @Nullable String image) implements Activity {
        public Intro(String id, @Nullable String videoUrl) {
            this(id, videoUrl, null);
        }

        public ActivityKind kind() {
            return ActivityKind.INTRO;
        }
    }

    record Prompt(String id) implements Activity {
        public ActivityKind kind() {
            return ActivityKind.PROMPT;
        }
    }

    record StartContinueStop(String id) implements Activity {
        public ActivityKind kind() {
            return ActivityKind.START_CONTINUE_STOP;
        }
    }

    /** Groups the answers of the activity {@code of} (a prompt or start-continue-stop of the same card). */
    record Group(String id, String of) implements Activity {
        public ActivityKind kind() {
            return ActivityKind.GROUP;
        }
    }

    /** Votes over the answers (or groups) of activity {@code of}; each participant has {@code budget} dots. */
    record Vote(String id, String of, int budget) implements Activity {
        public ActivityKind kind() {
            return ActivityKind.VOTE;
        }
    }

    record Rate(String id, RatingScale scale) implements Activity {
        public ActivityKind kind() {
            return ActivityKind.RATE;
        }
    }

    /** Service path over {@code stages} (pre, core, post) with touchpoints of the given owner types. */
    record JourneyMap(String id, List<JourneyStage> stages, List<TouchpointOwner> owners) implements Activity {
        public JourneyMap {
            stages = List.copyOf(stages);
            owners = List.copyOf(owners);
        }

        public ActivityKind kind() {
            return ActivityKind.JOURNEY_MAP;
        }
    }

    /** Commit at most {@code max} (1 or 2) development targets. */
    record CommitTargets(String id, int max) implements Activity {
        public ActivityKind kind() {
            return ActivityKind.COMMIT_TARGETS;
        }
    }

    record ReviewTargets(String id) implements Activity {
        public ActivityKind kind() {
            return ActivityKind.REVIEW_TARGETS;
        }
    }

    record Pulse(String id, RatingScale scale) implements Activity {
        public ActivityKind kind() {
            return ActivityKind.PULSE;
        }
    }

    /** The strategy's three phases of a customer's experience (thesis ch. 2.1–2.3). */
    enum JourneyStage {
        PRE("pre"), CORE("core"), POST("post");

        private final String code;

        JourneyStage(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Who owns a touchpoint. */
    enum TouchpointOwner {
        OWN("own"), PARTNER("partner"), CUSTOMER("customer"), DIGITAL("digital");

        private final String code;

        TouchpointOwner(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
