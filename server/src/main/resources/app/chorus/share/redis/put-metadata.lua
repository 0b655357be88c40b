-- ARGV: id, now, expiresAt, timestamp, then the metadata hash's field/value pairs (null fields
-- left out). Returns 0 STORED, 1 IGNORED (the stored metadata is newer), 2 NOT_FOUND, 3 ENDED.
local id, now, expiresAt, timestamp = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local refusal = refused(id, now, expiresAt)
if refusal then
  return refusal
end
local result = 1
local stored = redis.call('HGET', KEYS[2], 'timestamp')
if not (stored and greater(stored, timestamp)) then
  redis.call('DEL', KEYS[2])
  -- The session hash names the song too, so a status needs no second key.
  redis.call('HDEL', KEYS[1], 'title', 'artist')
  for index = 5, #ARGV, 2 do
    local field, value = ARGV[index], ARGV[index + 1]
    redis.call('HSET', KEYS[2], field, value)
    if field == 'title' or field == 'artist' then
      redis.call('HSET', KEYS[1], field, value)
    end
  end
  result = 0
end
keepSession(expiresAt, now)
return result
