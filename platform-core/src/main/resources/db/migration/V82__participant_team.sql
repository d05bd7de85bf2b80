-- Which of the session's teams a participant speaks for, where the session's deck attributes
-- answers to teams rather than units (the shared-customers deck's attribute-to-teams setting).
-- Null for every other participant, and for every participant who joined before this column:
-- they keep their unit. The unit stays filled in from the team's unit, so unit attribution and
-- coverage do not depend on it. The second key makes the database refuse a team that does not
-- own the session, whatever a caller sends.
ALTER TABLE participant ADD COLUMN team_id uuid;
ALTER TABLE participant ADD CONSTRAINT participant_team_fkey
    FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id);
ALTER TABLE participant ADD CONSTRAINT participant_session_team_fkey
    FOREIGN KEY (tenant_id, session_id, team_id) REFERENCES session_team (tenant_id, session_id, team_id);
