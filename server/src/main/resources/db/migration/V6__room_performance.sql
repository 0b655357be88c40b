-- A room's performance state (guide vocal and instrumental levels, lyrics size and offset,
-- playing or not, progress) as JSON; NULL for rooms stored before it existed (the initial state).
ALTER TABLE karaoke_rooms ADD COLUMN performance_json TEXT;
