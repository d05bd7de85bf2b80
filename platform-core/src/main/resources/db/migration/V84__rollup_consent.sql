-- Whether a tenant lets the platform show its aggregated figures (counts, and ratings pooled above
-- its anonymity threshold; never a team's words) in the cross-organisation view. Off until the
-- tenant's administrator turns it on.
ALTER TABLE tenant_settings ADD COLUMN share_in_rollup boolean NOT NULL DEFAULT false;
