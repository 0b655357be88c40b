-- The song library. Media files live under <data-dir>/library/<song id>/ with names the server
-- generates (the *_file columns hold those names, never a user's file name). Provider fields
-- (video, channel, release ids) are what the import and metadata steps found; edited_fields
-- lists the fields a user changed, which later enrichment must leave alone.
CREATE TABLE songs (
    id                VARCHAR(36)  PRIMARY KEY,
    title             VARCHAR(500) NOT NULL,
    artist            VARCHAR(500) NOT NULL,
    album             VARCHAR(500),
    genre             VARCHAR(200),
    language          VARCHAR(100),
    year              INTEGER,
    duration_ms       BIGINT,
    status            VARCHAR(16)  NOT NULL,
    source            VARCHAR(16)  NOT NULL,
    source_id         VARCHAR(255),
    source_url        VARCHAR(2048),
    uploader          VARCHAR(500),
    channel           VARCHAR(500),
    channel_id        VARCHAR(255),
    description       TEXT,
    upload_date       VARCHAR(32),
    mbid              VARCHAR(64),
    release_id        VARCHAR(64),
    release_title     VARCHAR(500),
    release_date      VARCHAR(32),
    cover_file        VARCHAR(64),
    original_file     VARCHAR(64),
    instrumental_file VARCHAR(64),
    vocals_file       VARCHAR(64),
    cdg_file          VARCHAR(64),
    plain_lyrics      TEXT,
    synced_lyrics     TEXT,
    loudness_lufs     DOUBLE PRECISION,
    edited_fields     VARCHAR(500) NOT NULL,
    -- title, artist and album folded for search (lower case, accents removed): the same matching
    -- on SQLite and PostgreSQL, whose lower() differ beyond ASCII.
    search_text       VARCHAR(1600) NOT NULL,
    artist_key        VARCHAR(500) NOT NULL,
    created_at_ms     BIGINT       NOT NULL,
    updated_at_ms     BIGINT       NOT NULL
);

CREATE INDEX songs_created ON songs (created_at_ms);
CREATE INDEX songs_artist ON songs (artist_key, artist);
