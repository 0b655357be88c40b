-- Where each of a song's fields came from ("tags", "file name", "video page", "itunes",
-- "musicbrainz", "lrclib", "user", ...), so a person can see why a title is what it is and
-- enrichment knows what it may improve. Kept apart from songs because lists never need it.
CREATE TABLE song_field_sources (
    song_id VARCHAR(36)  NOT NULL REFERENCES songs (id) ON DELETE CASCADE,
    field   VARCHAR(40)  NOT NULL,
    source  VARCHAR(100) NOT NULL,
    PRIMARY KEY (song_id, field)
);
