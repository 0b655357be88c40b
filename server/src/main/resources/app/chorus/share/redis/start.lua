-- ARGV: id, now, expiresAt, maxSessions. Returns 0 STARTED, 1 CONFLICT, 2 FULL.
local id, now, expiresAt = ARGV[1], ARGV[2], ARGV[3]
if live(now) and redis.call('HGET', KEYS[1], 'active') == 'true' then
  return 1
end
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
if redis.call('ZCARD', KEYS[5]) >= tonumber(ARGV[4]) then
  return 2
end
-- A stopped (or expired) session of this id is replaced: nothing of it survives.
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
redis.call('HSET', KEYS[1], 'active', 'true', 'startTime', now, 'lastActivity', now, 'expiresAt', expiresAt,
  'listenerCount', '0', 'bytesTransferred', '0', 'lastChunkAt', '0')
redis.call('ZADD', KEYS[5], expiresAt, id)
redis.call('ZADD', KEYS[6], expiresAt, id)
keepSession(expiresAt, now)
return 0
