-- ARGV: listener. Forgets it at once, live session or not.
redis.call('ZREM', KEYS[4], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'listenerCount', redis.call('ZCARD', KEYS[4]))
end
return 0
