-- ARGV: listener, now. Notes the listener if the session lives.
local listener, now = ARGV[1], ARGV[2]
local expiresAt = live(now)
if not expiresAt then
  return 0
end
redis.call('ZADD', KEYS[4], now, listener)
-- listenerCount is the seed's field, kept informative; reads count the set by last-seen time.
redis.call('HSET', KEYS[1], 'listenerCount', redis.call('ZCARD', KEYS[4]))
redis.call('PEXPIRE', KEYS[4], lifetime(expiresAt, now))
return 1
