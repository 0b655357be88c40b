-- ARGV: now, freshSince, since, limit. Returns the newest `limit` chunks above `since`,
-- newest first, as member/score pairs; {} when the buffer expired or the session is gone.
if not live(ARGV[1]) then
  return {}
end
local lastChunkAt = redis.call('HGET', KEYS[1], 'lastChunkAt') or '0'
if tonumber(lastChunkAt) < tonumber(ARGV[2]) then
  return {}
end
return redis.call('ZREVRANGEBYSCORE', KEYS[3], '+inf', '(' .. ARGV[3], 'WITHSCORES', 'LIMIT', 0, ARGV[4])
