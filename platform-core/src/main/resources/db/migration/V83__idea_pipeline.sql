-- The organisation's idea pipeline: a team escalates an idea (an answer from a closed session's
-- summary, or a text of its own) and sees what the organisation did with it. The id is made by the
-- UI before the first attempt, so a retry stores the idea once. The idea outlives its session: the
-- retention purge of the session leaves it with the team (session and answer references go null).
-- escalated_by is the person who escalated it, never the author of the answer it came from. That an
-- answer comes with its session is checked by the service, not here: the two references are cleared
-- by separate cascades, in an order nothing promises.
CREATE TABLE idea (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    team_id      uuid        NOT NULL,
    session_id   uuid,
    answer_id    uuid,
    text         text        NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 2000),
    status       text        NOT NULL DEFAULT 'new'
                             CHECK (status IN ('new', 'considering', 'accepted', 'done', 'declined')),
    response     text        CHECK (length(response) <= 2000),
    escalated_by uuid,
    escalated_at timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES live_session (tenant_id, id) ON DELETE SET NULL (session_id),
    FOREIGN KEY (tenant_id, answer_id) REFERENCES answer (tenant_id, id) ON DELETE SET NULL (answer_id),
    FOREIGN KEY (tenant_id, escalated_by) REFERENCES person (tenant_id, id)
);
-- A team escalates an answer once; another team of a co-owned session may escalate it too.
CREATE UNIQUE INDEX idea_team_answer_key ON idea (tenant_id, team_id, answer_id) WHERE answer_id IS NOT NULL;
CREATE INDEX idea_team_idx ON idea (tenant_id, team_id, escalated_at);
CREATE INDEX idea_status_idx ON idea (tenant_id, status, escalated_at);
CREATE INDEX idea_session_idx ON idea (tenant_id, session_id);
CALL arki_isolate_by_tenant('idea');
