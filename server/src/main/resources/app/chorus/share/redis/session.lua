-- ARGV: now, listenersSince. Returns {} or {session hash as HGETALL, listeners seen since}.
if not live(ARGV[1]) then
  return {}
end
return {redis.call('HGETALL', KEYS[1]), redis.call('ZCOUNT', KEYS[4], ARGV[2], '+inf')}
