-- ARGV: id, now, listenersSince. Deletes the session if it has expired (it may have been started
-- afresh since the caller listed it, hence the check here), else its stale listeners.
local id, now = ARGV[1], ARGV[2]
if not live(now) then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
  redis.call('ZREM', KEYS[5], id)
  redis.call('ZREM', KEYS[6], id)
  return 0
end
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. ARGV[3])
redis.call('HSET', KEYS[1], 'listenerCount', redis.call('ZCARD', KEYS[4]))
return 1
