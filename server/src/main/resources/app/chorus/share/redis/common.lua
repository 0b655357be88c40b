-- The start of every music share script (RedisShareStore puts MARGIN_MS above it).
-- KEYS, always: 1 session:{id} (hash), 2 session:{id}:metadata (hash), 3 session:{id}:audio
-- (sorted set, score = sequence number), 4 session:{id}:listeners (sorted set, score = last
-- seen), 5 sessions:active and 6 sessions:all (sorted sets of ids, score = expiresAt).
-- Times arrive as decimal strings of server milliseconds and are stored exactly as given: Lua
-- numbers are doubles, so they are only ever compared, never written back.

-- The session's expiresAt while it lives at `now`, else nil.
local function live(now)
  local expiresAt = redis.call('HGET', KEYS[1], 'expiresAt')
  if expiresAt and tonumber(now) < tonumber(expiresAt) then
    return expiresAt
  end
  return nil
end

-- How long (ms, relative) a key outlives its session. Only garbage collection: the rules compare
-- the passed times, so a key's TTL never decides whether a session exists.
local function lifetime(expiresAt, now)
  return string.format('%d', tonumber(expiresAt) - tonumber(now) + MARGIN_MS)
end

-- Gives the session's keys the session's lifetime; the shared sets only ever get longer ones.
local function keepSession(expiresAt, now)
  local ms = lifetime(expiresAt, now)
  for index = 1, 4 do
    redis.call('PEXPIRE', KEYS[index], ms)
  end
  for index = 5, 6 do
    if redis.call('PTTL', KEYS[index]) < tonumber(ms) then
      redis.call('PEXPIRE', KEYS[index], ms)
    end
  end
end

-- The broadcaster was heard: activity and expiry move on, in the session and in both sets.
local function heard(id, now, expiresAt)
  redis.call('HSET', KEYS[1], 'lastActivity', now, 'expiresAt', expiresAt)
  redis.call('ZADD', KEYS[5], expiresAt, id)
  redis.call('ZADD', KEYS[6], expiresAt, id)
end

-- A broadcaster's write may go on: nil, the session's activity refreshed (an ignored write is
-- activity too); or the script's answer when it may not: 2 NOT_FOUND, 3 ENDED.
local function refused(id, now, expiresAt)
  if not live(now) then
    return 2
  end
  if redis.call('HGET', KEYS[1], 'active') ~= 'true' then
    return 3
  end
  heard(id, now, expiresAt)
  return nil
end

-- a > b for decimal integers as Java's Long.toString writes them, compared as text because a
-- sender's timestamp may be larger than a double holds exactly.
local function greater(a, b)
  local aNegative, bNegative = string.sub(a, 1, 1) == '-', string.sub(b, 1, 1) == '-'
  if aNegative ~= bNegative then
    return bNegative
  end
  if aNegative then
    a, b = string.sub(b, 2), string.sub(a, 2)
  end
  if #a ~= #b then
    return #a > #b
  end
  return a > b
end
