-- The data lifecycle (docs/data-lifecycle.md): retention purges closed sessions, and deleting a
-- tenant removes its accounts that belong to no other tenant.

-- Deleting an account keeps the deck versions and enablements it made; who installed or enabled
-- them stays in the audit log. (Referential actions run as the table owner, so the runtime role
-- still cannot UPDATE these immutable rows itself.)
ALTER TABLE platform_deck DROP CONSTRAINT platform_deck_installed_by_fkey,
    ADD CONSTRAINT platform_deck_installed_by_fkey FOREIGN KEY (installed_by) REFERENCES user_account (id) ON DELETE SET NULL;
ALTER TABLE tenant_deck DROP CONSTRAINT tenant_deck_installed_by_fkey,
    ADD CONSTRAINT tenant_deck_installed_by_fkey FOREIGN KEY (installed_by) REFERENCES user_account (id) ON DELETE SET NULL;
ALTER TABLE deck_enablement DROP CONSTRAINT deck_enablement_enabled_by_fkey,
    ADD CONSTRAINT deck_enablement_enabled_by_fkey FOREIGN KEY (enabled_by) REFERENCES user_account (id) ON DELETE SET NULL;

-- The retention purge looks for a tenant's sessions closed before a cut-off.
CREATE INDEX live_session_closed_idx ON live_session (tenant_id, closed_at) WHERE status = 'closed';

-- Finished development targets are deleted a retention period after their last change.
CREATE INDEX development_target_finished_idx ON development_target (tenant_id, updated_at) WHERE status <> 'open';
