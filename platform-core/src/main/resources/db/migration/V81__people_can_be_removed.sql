-- A tenant administrator removes a person who leaves the organisation or asks to be forgotten.
-- The row stays, because sessions and development targets refer to it, but it no longer says who
-- the person was: the name becomes a dash, e-mail and account go, roles and teams go, and
-- removed_at marks it so that no list of people shows it again.
ALTER TABLE person ADD COLUMN removed_at timestamptz;
ALTER TABLE person ADD CONSTRAINT person_removed_is_anonymous
    CHECK (removed_at IS NULL OR (account_id IS NULL AND email IS NULL AND display_name = '—'));
