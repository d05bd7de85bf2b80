-- Decks: stored deck versions (platform-wide and per tenant), built-in decks that failed to load,
-- and what each tenant offers and how it has set each deck. A stored version is immutable: the
-- runtime role may insert and read deck content but never update it (a new version is a new row),
-- so a session that pinned (deck_id, version) reads the same content for as long as it is kept.

-- Platform decks: code decks recorded at start-up and packages a platform administrator uploaded.
ALTER TABLE platform_deck RENAME COLUMN source TO origin;
ALTER TABLE platform_deck
    ADD COLUMN texts          jsonb   NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN content_sha256 text    NOT NULL DEFAULT repeat('0', 64) CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    ADD COLUMN official       boolean NOT NULL DEFAULT false,
    ADD COLUMN signing_key    text    CHECK (length(signing_key) <= 100),
    ADD COLUMN installed_by   uuid    REFERENCES user_account (id);
ALTER TABLE platform_deck ALTER COLUMN texts DROP DEFAULT, ALTER COLUMN content_sha256 DROP DEFAULT;
ALTER TABLE platform_deck ADD CHECK (official = (signing_key IS NOT NULL));
REVOKE UPDATE ON platform_deck FROM arki_app;

CREATE TABLE platform_deck_image (
    deck_id     text  NOT NULL,
    version     text  NOT NULL,
    name        text  NOT NULL CHECK (name ~ '^(images/)?[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.(png|jpg|jpeg)$'),
    media_type  text  NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
    content     bytea NOT NULL CHECK (length(content) <= 2097152),
    PRIMARY KEY (deck_id, version, name),
    FOREIGN KEY (deck_id, version) REFERENCES platform_deck (deck_id, version) ON DELETE CASCADE
);
REVOKE UPDATE ON platform_deck_image FROM arki_app;

-- A built-in (code) deck that could not be loaded at the last start-up, with its problems as
-- message keys and arguments; administrators see it in the catalogue. Rewritten at each start-up.
CREATE TABLE platform_deck_failure (
    provider    text        PRIMARY KEY CHECK (length(provider) BETWEEN 1 AND 500),
    deck_id     text        NOT NULL CHECK (length(deck_id) BETWEEN 1 AND 200),
    version     text        CHECK (length(version) <= 100),
    problems    jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

-- A tenant's own content decks, visible to that tenant only.
CREATE TABLE tenant_deck (
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    deck_id        text        NOT NULL CHECK (deck_id ~ '^[a-z][a-z0-9-]{0,62}$'),
    version        text        NOT NULL CHECK (version ~ '^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$'),
    manifest       jsonb       NOT NULL,
    texts          jsonb       NOT NULL,
    content_sha256 text        NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    official       boolean     NOT NULL DEFAULT false,
    signing_key    text        CHECK (length(signing_key) <= 100),
    installed_by   uuid        REFERENCES user_account (id),
    installed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, deck_id, version),
    CHECK (official = (signing_key IS NOT NULL))
);
CALL arki_isolate_by_tenant('tenant_deck');
REVOKE UPDATE ON tenant_deck FROM arki_app;

CREATE TABLE tenant_deck_image (
    tenant_id   uuid  NOT NULL,
    deck_id     text  NOT NULL,
    version     text  NOT NULL,
    name        text  NOT NULL CHECK (name ~ '^(images/)?[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.(png|jpg|jpeg)$'),
    media_type  text  NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
    content     bytea NOT NULL CHECK (length(content) <= 2097152),
    PRIMARY KEY (tenant_id, deck_id, version, name),
    FOREIGN KEY (tenant_id, deck_id, version) REFERENCES tenant_deck (tenant_id, deck_id, version) ON DELETE CASCADE
);
CALL arki_isolate_by_tenant('tenant_deck_image');
REVOKE UPDATE ON tenant_deck_image FROM arki_app;

-- The decks a tenant offers its facilitators (always the newest active version of each).
CREATE TABLE deck_enablement (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    deck_id     text        NOT NULL CHECK (deck_id ~ '^[a-z][a-z0-9-]{0,62}$'),
    enabled_by  uuid        REFERENCES user_account (id),
    enabled_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, deck_id)
);
CALL arki_isolate_by_tenant('deck_enablement');

-- A tenant's values for a deck's typed settings; a setting without a row has the deck's default.
CREATE TABLE deck_setting (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    deck_id     text        NOT NULL CHECK (deck_id ~ '^[a-z][a-z0-9-]{0,62}$'),
    key         text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9-]{0,62}$'),
    value       text        NOT NULL CHECK (length(value) <= 500),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, deck_id, key)
);
CALL arki_isolate_by_tenant('deck_setting');
