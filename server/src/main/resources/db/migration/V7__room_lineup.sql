-- The item the player holds, with the number and singer it had in the queue (JSON, NULL when it
-- holds none), and the highest item number issued in the room, so numbers are never reused. Rooms
-- stored before this have no numbers: they are given numbers when the room is next loaded.
ALTER TABLE karaoke_rooms ADD COLUMN current_item_json TEXT;
ALTER TABLE karaoke_rooms ADD COLUMN last_item_number INTEGER NOT NULL DEFAULT 0;
