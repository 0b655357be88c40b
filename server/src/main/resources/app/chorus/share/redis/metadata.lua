-- ARGV: now, freshSince. Returns the metadata hash (HGETALL) if it arrived at or after
-- freshSince, else {}.
if not live(ARGV[1]) then
  return {}
end
local receivedAt = redis.call('HGET', KEYS[2], 'receivedAt')
if not receivedAt or tonumber(receivedAt) < tonumber(ARGV[2]) then
  return {}
end
return redis.call('HGETALL', KEYS[2])
