-- A tenant's own settings: its languages (a bilingual authority serves in Finnish and Swedish by
-- law), whether guests may join sessions, the anonymity threshold below which no rating is shown,
-- how long session data is kept, and the Finnish forms of its name that deck texts use.
CREATE TABLE tenant_settings (
    tenant_id              uuid    NOT NULL REFERENCES tenant (id),
    languages              text[]  NOT NULL DEFAULT '{fi}'
                                   CHECK (cardinality(languages) >= 1 AND languages <@ '{fi,sv,en}'::text[]),
    default_language       text    NOT NULL DEFAULT 'fi' CHECK (default_language IN ('fi', 'sv', 'en')),
    guests_allowed         boolean NOT NULL DEFAULT true,
    anonymity_threshold    integer NOT NULL DEFAULT 5 CHECK (anonymity_threshold BETWEEN 2 AND 50),
    session_retention_days integer NOT NULL DEFAULT 730 CHECK (session_retention_days BETWEEN 30 AND 3650),
    name_fi_inessive       text    CHECK (length(name_fi_inessive) <= 200),
    name_fi_elative        text    CHECK (length(name_fi_elative) <= 200),
    PRIMARY KEY (tenant_id),
    CHECK (default_language = ANY (languages))
);
CALL arki_isolate_by_tenant('tenant_settings');
