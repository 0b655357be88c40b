-- ARGV: id, now, expiresAt (the end of the grace). Returns {} when no active session has the
-- id, else the session as it was: {hash as HGETALL, every listener counted}.
local id, now, expiresAt = ARGV[1], ARGV[2], ARGV[3]
if not live(now) or redis.call('HGET', KEYS[1], 'active') ~= 'true' then
  return {}
end
local before = {redis.call('HGETALL', KEYS[1]), redis.call('ZCARD', KEYS[4])}
redis.call('HSET', KEYS[1], 'active', 'false', 'lastActivity', now, 'expiresAt', expiresAt)
redis.call('DEL', KEYS[3])
redis.call('ZREM', KEYS[5], id)
redis.call('ZADD', KEYS[6], expiresAt, id)
keepSession(expiresAt, now)
return before
