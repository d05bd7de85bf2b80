-- Development targets a team commits to at the end of a session, and their review in a later
-- session (plan-do-check-act). The id is made by the UI before the first attempt (idempotent).
CREATE TABLE development_target (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    team_id         uuid        NOT NULL,
    session_id      uuid,
    title           text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
    owner_person_id uuid,
    owner_name      text        CHECK (length(btrim(owner_name)) BETWEEN 1 AND 200),
    due_date        date        NOT NULL,
    dimension       text        CHECK (length(dimension) <= 100),
    status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id),
    FOREIGN KEY (tenant_id, owner_person_id) REFERENCES person (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES live_session (tenant_id, id) ON DELETE SET NULL (session_id),
    CHECK (owner_person_id IS NOT NULL OR owner_name IS NOT NULL)
);
CREATE INDEX development_target_team_idx ON development_target (tenant_id, team_id, status);
CREATE INDEX development_target_session_idx ON development_target (tenant_id, session_id);
CALL arki_isolate_by_tenant('development_target');

CREATE TABLE target_review (
    tenant_id   uuid        NOT NULL,
    target_id   uuid        NOT NULL,
    session_id  uuid        NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('done', 'in-progress', 'dropped')),
    note        text        CHECK (length(note) <= 2000),
    reviewed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, target_id, session_id),
    FOREIGN KEY (tenant_id, target_id) REFERENCES development_target (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, session_id) REFERENCES live_session (tenant_id, id) ON DELETE CASCADE
);
CALL arki_isolate_by_tenant('target_review');
