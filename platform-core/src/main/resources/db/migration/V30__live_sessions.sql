-- Live sessions. Every change stamps its row with a value of one sequence, so a session's version
-- (the highest stamp of its rows) increases on every change without making every answer wait
-- for a lock on the session row: answers of one session commit in parallel, and a reader that
-- is told "something changed" reloads the session's rows (catch-up never depends on ordering).
CREATE SEQUENCE session_change_seq;

-- A session pins the deck version it runs and is either running or closed. The mode (anonymous
-- or named) is chosen when it starts and cannot change: there is no statement that changes it.
CREATE TABLE live_session (
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    id               uuid        NOT NULL,
    deck_id          text        NOT NULL CHECK (deck_id ~ '^[a-z][a-z0-9-]{0,62}$'),
    deck_version     text        NOT NULL CHECK (length(deck_version) BETWEEN 1 AND 64),
    title            text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    mode             text        NOT NULL CHECK (mode IN ('anonymous', 'named')),
    status           text        NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'closed')),
    current_step     integer     NOT NULL DEFAULT 0 CHECK (current_step >= 0),
    timer_ends_at    timestamptz,
    created_by       uuid        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_activity_at timestamptz NOT NULL DEFAULT now(),
    closed_at        timestamptz,
    closed_reason    text        CHECK (closed_reason IN ('facilitator', 'idle')),
    version          bigint      NOT NULL DEFAULT nextval('session_change_seq'),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES person (tenant_id, id),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX live_session_running_idx ON live_session (tenant_id, status, last_activity_at);
CALL arki_isolate_by_tenant('live_session');

-- The teams that own a session: one, or several for a session shared across units.
CREATE TABLE session_team (
    tenant_id  uuid    NOT NULL,
    session_id uuid    NOT NULL,
    team_id    uuid    NOT NULL,
    position   integer NOT NULL,
    PRIMARY KEY (tenant_id, session_id, team_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES live_session (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id)
);
CREATE INDEX session_team_team_idx ON session_team (tenant_id, team_id);
CALL arki_isolate_by_tenant('session_team');

-- Who may run the console: the lead (who hands over) and co-facilitators.
CREATE TABLE session_facilitator (
    tenant_id  uuid    NOT NULL,
    session_id uuid    NOT NULL,
    person_id  uuid    NOT NULL,
    lead       boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, session_id, person_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES live_session (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE UNIQUE INDEX session_facilitator_one_lead ON session_facilitator (tenant_id, session_id) WHERE lead;
CALL arki_isolate_by_tenant('session_facilitator');

-- The steps the session runs, fixed at start from the pinned deck version: one per activity of
-- the chosen cards. Reveal and lock are per step, so stepping back shows what was revealed.
CREATE TABLE session_step (
    tenant_id   uuid    NOT NULL,
    session_id  uuid    NOT NULL,
    idx         integer NOT NULL CHECK (idx >= 0),
    card_id     text    NOT NULL,
    activity_id text    NOT NULL,
    kind        text    NOT NULL CHECK (kind IN ('intro', 'prompt', 'start-continue-stop', 'group', 'vote', 'rate',
                                                 'journey-map', 'commit-targets', 'review-targets', 'pulse')),
    revealed    boolean NOT NULL DEFAULT false,
    locked      boolean NOT NULL DEFAULT false,
    version     bigint  NOT NULL DEFAULT nextval('session_change_seq'),
    PRIMARY KEY (tenant_id, session_id, idx),
    FOREIGN KEY (tenant_id, session_id) REFERENCES live_session (tenant_id, id) ON DELETE CASCADE
);
CALL arki_isolate_by_tenant('session_step');

-- A participant of one session. In an anonymous session no person is recorded; the participant
-- finds itself again by a secret kept in the browser (only its hash is stored). A guest has no
-- person either: it exists for this one session only.
CREATE TABLE participant (
    tenant_id    uuid        NOT NULL,
    session_id   uuid        NOT NULL,
    id           uuid        NOT NULL,
    person_id    uuid,
    guest        boolean     NOT NULL,
    display_name text        CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
    unit_id      uuid,
    language     text        NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    secret_hash  text        NOT NULL,
    joined_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz,
    version      bigint      NOT NULL DEFAULT nextval('session_change_seq'),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, session_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES live_session (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id),
    CHECK (NOT (guest AND person_id IS NOT NULL))
);
CREATE INDEX participant_session_idx ON participant (tenant_id, session_id);
CALL arki_isolate_by_tenant('participant');

-- A written answer (prompt or start-continue-stop). The id is made by the writer's UI before the
-- first attempt, so a retry of the same answer can never store it twice.
CREATE TABLE answer (
    tenant_id      uuid        NOT NULL,
    session_id     uuid        NOT NULL,
    id             uuid        NOT NULL,
    step_idx       integer     NOT NULL,
    participant_id uuid        NOT NULL,
    unit_id        uuid,
    lane           text        CHECK (lane IN ('start', 'continue', 'stop')),
    body           text        NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 2000),
    created_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT nextval('session_change_seq'),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id, step_idx) REFERENCES session_step (tenant_id, session_id, idx) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, session_id, participant_id) REFERENCES participant (tenant_id, session_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);
CREATE INDEX answer_session_idx ON answer (tenant_id, session_id);
CALL arki_isolate_by_tenant('answer');

-- Groups of similar answers, made in a group step.
CREATE TABLE answer_group (
    tenant_id  uuid    NOT NULL,
    session_id uuid    NOT NULL,
    id         uuid    NOT NULL,
    step_idx   integer NOT NULL,
    label      text    NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 200),
    version    bigint  NOT NULL DEFAULT nextval('session_change_seq'),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, session_id, id),
    FOREIGN KEY (tenant_id, session_id, step_idx) REFERENCES session_step (tenant_id, session_id, idx) ON DELETE CASCADE
);
CALL arki_isolate_by_tenant('answer_group');

-- Which group an answer is in, per group step (at most one).
CREATE TABLE answer_grouping (
    tenant_id  uuid    NOT NULL,
    session_id uuid    NOT NULL,
    step_idx   integer NOT NULL,
    answer_id  uuid    NOT NULL,
    group_id   uuid    NOT NULL,
    version    bigint  NOT NULL DEFAULT nextval('session_change_seq'),
    PRIMARY KEY (tenant_id, session_id, step_idx, answer_id),
    FOREIGN KEY (tenant_id, answer_id) REFERENCES answer (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, session_id, group_id) REFERENCES answer_group (tenant_id, session_id, id) ON DELETE CASCADE
);
CALL arki_isolate_by_tenant('answer_grouping');

-- Dots a participant gives an item (an answer or a group) in a vote step. Absolute values, so a
-- repeated request changes nothing.
CREATE TABLE vote (
    tenant_id      uuid    NOT NULL,
    session_id     uuid    NOT NULL,
    step_idx       integer NOT NULL,
    participant_id uuid    NOT NULL,
    item_id        uuid    NOT NULL,
    dots           integer NOT NULL CHECK (dots BETWEEN 0 AND 100),
    version        bigint  NOT NULL DEFAULT nextval('session_change_seq'),
    PRIMARY KEY (tenant_id, session_id, step_idx, participant_id, item_id),
    FOREIGN KEY (tenant_id, session_id, step_idx) REFERENCES session_step (tenant_id, session_id, idx) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, session_id, participant_id) REFERENCES participant (tenant_id, session_id, id) ON DELETE CASCADE
);
CALL arki_isolate_by_tenant('vote');

-- One rating per participant per rate or pulse step.
CREATE TABLE rating (
    tenant_id      uuid    NOT NULL,
    session_id     uuid    NOT NULL,
    step_idx       integer NOT NULL,
    participant_id uuid    NOT NULL,
    value          integer NOT NULL CHECK (value BETWEEN 0 AND 10),
    version        bigint  NOT NULL DEFAULT nextval('session_change_seq'),
    PRIMARY KEY (tenant_id, session_id, step_idx, participant_id),
    FOREIGN KEY (tenant_id, session_id, step_idx) REFERENCES session_step (tenant_id, session_id, idx) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, session_id, participant_id) REFERENCES participant (tenant_id, session_id, id) ON DELETE CASCADE
);
CALL arki_isolate_by_tenant('rating');

-- Service path: touchpoints per stage with owner, emotion (1–5) and the customer's effort (1–7);
-- the team marks the peak, the end and the touchpoints to improve first.
CREATE TABLE touchpoint (
    tenant_id      uuid    NOT NULL,
    session_id     uuid    NOT NULL,
    id             uuid    NOT NULL,
    step_idx       integer NOT NULL,
    participant_id uuid    NOT NULL,
    unit_id        uuid,
    stage          text    NOT NULL CHECK (stage IN ('pre', 'core', 'post')),
    owner          text    NOT NULL CHECK (owner IN ('own', 'partner', 'customer', 'digital')),
    label          text    NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 300),
    emotion        integer NOT NULL CHECK (emotion BETWEEN 1 AND 5),
    effort         integer NOT NULL CHECK (effort BETWEEN 1 AND 7),
    peak           boolean NOT NULL DEFAULT false,
    is_end         boolean NOT NULL DEFAULT false,
    improve        boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint  NOT NULL DEFAULT nextval('session_change_seq'),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id, step_idx) REFERENCES session_step (tenant_id, session_id, idx) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, session_id, participant_id) REFERENCES participant (tenant_id, session_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);
CREATE INDEX touchpoint_session_idx ON touchpoint (tenant_id, session_id);
CALL arki_isolate_by_tenant('touchpoint');
