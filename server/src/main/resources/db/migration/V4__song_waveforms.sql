-- A song's waveform summary for the player's progress bar: the peak level (0-1) of each of up to
-- 2000 equal slices of the song, as comma-separated numbers. Kept apart from the songs table
-- because lists never need it.
CREATE TABLE song_waveforms (
    song_id VARCHAR(36) PRIMARY KEY REFERENCES songs (id) ON DELETE CASCADE,
    peaks   TEXT        NOT NULL
);
