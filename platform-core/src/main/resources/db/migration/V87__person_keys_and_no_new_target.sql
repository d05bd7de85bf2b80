-- ---- One signed-in person is one participant, also in an anonymous session ----------------------
-- An anonymous session records no person, so a member who opened it on a second device became a
-- second participant (a second vote budget; the respondent count went up by one). Now such a
-- participant carries person_key = HMAC-SHA256(person_key_secret, person id): the same person
-- finds the same participant again, yet the row names nobody, and the key is worthless without the
-- session's secret (session.internal.PersonKeys). When the session closes both are erased, in
-- the same statement that closes it (the trigger below), so from then on nothing, not even a copy
-- of the database, links an answer to a person. The runtime role's table-level privileges on
-- live_session and participant cover the new columns.
ALTER TABLE live_session ADD COLUMN person_key_secret bytea CHECK (octet_length(person_key_secret) = 32);
ALTER TABLE participant ADD COLUMN person_key bytea CHECK (octet_length(person_key) = 32);
-- two devices of one person joining at the same moment cannot both become a participant
CREATE UNIQUE INDEX participant_person_key_idx ON participant (tenant_id, session_id, person_key) WHERE person_key IS NOT NULL;
ALTER TABLE live_session ADD CONSTRAINT live_session_closed_has_no_person_key_secret
    CHECK (status = 'running' OR person_key_secret IS NULL);

-- Runs as the caller (the runtime role, under the bound tenant's row level security): it erases
-- only rows the closing transaction could change anyway.
CREATE FUNCTION arki_forget_person_keys() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
    NEW.person_key_secret := NULL;
    UPDATE participant SET person_key = NULL
     WHERE tenant_id = NEW.tenant_id AND session_id = NEW.id AND person_key IS NOT NULL;
    RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION arki_forget_person_keys() FROM PUBLIC;
CREATE TRIGGER live_session_close_forgets_person_keys
    BEFORE UPDATE OF status ON live_session
    FOR EACH ROW WHEN (NEW.status = 'closed' AND OLD.status IS DISTINCT FROM 'closed')
    EXECUTE FUNCTION arki_forget_person_keys();

-- ---- An explicit "no new target" ----------------------------------------------------------------
-- Issue 11 item 1: a card ends with committing at most two development targets or an explicit
-- "no new target". The facilitator's decision is a flag on the commit step; committing a target on
-- the step clears it (session.NoNewTargetManagement).
ALTER TABLE session_step ADD COLUMN no_new_target boolean NOT NULL DEFAULT false;
ALTER TABLE session_step ADD CONSTRAINT session_step_no_new_target_on_commit_step
    CHECK (NOT no_new_target OR kind = 'commit-targets');
