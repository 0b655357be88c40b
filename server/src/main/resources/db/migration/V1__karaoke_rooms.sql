-- Karaoke rooms with their queue and player state. The queue is stored whole, as JSON, because it
-- is small (bounded by room-max-queue), always read and written whole, and must change atomically
-- together with its version.
CREATE TABLE karaoke_rooms (
    id                VARCHAR(128) PRIMARY KEY,
    is_public         BOOLEAN      NOT NULL,
    password_hash     VARCHAR(255),
    created_at_ms     BIGINT       NOT NULL,
    queue_json        TEXT         NOT NULL,
    queue_version     BIGINT       NOT NULL,
    player_state_json TEXT,
    player_version    BIGINT       NOT NULL,
    updated_at_ms     BIGINT       NOT NULL
);

-- Server-wide secrets (e.g. the key that signs room-access cookies), shared by every node.
CREATE TABLE server_secrets (
    name  VARCHAR(64)  PRIMARY KEY,
    value VARCHAR(255) NOT NULL
);
