-- Which steps a session really opened. The summary and its exports listed every step up to the
-- current one, so a facilitator who jumped over questions got "No answers." for each of them
-- (issue 11 item 8: list only what the session reached). A step is opened when the session starts
-- on it or the facilitator goes to it; it stays opened.
ALTER TABLE session_step ADD COLUMN opened boolean NOT NULL DEFAULT false;

-- sessions held before this change: what the summary showed until now (every step up to the current one)
UPDATE session_step s SET opened = true
FROM live_session l
WHERE l.tenant_id = s.tenant_id AND l.id = s.session_id AND s.idx <= l.current_step;
