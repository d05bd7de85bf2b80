-- T-19: pg_dump as arki_backup locks and reads every table, the migration history included.
-- Flyway creates its history table before V1 sets the default privileges, so the backup role
-- had no SELECT on it and every dump failed ("permission denied for table flyway_schema_history").
GRANT SELECT ON TABLE ${flyway:table} TO arki_backup;
