-- ARGV: id, now, expiresAt, sequence, chunk JSON, data bytes, bufferChunks, freshSince.
-- Returns 0 STORED, 1 IGNORED (already buffered, or older than a full buffer), 2 NOT_FOUND, 3 ENDED.
local id, now, expiresAt, sequence, chunk = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local refusal = refused(id, now, expiresAt)
if refusal then
  return refusal
end
local lastChunkAt = redis.call('HGET', KEYS[1], 'lastChunkAt') or '0'
if tonumber(lastChunkAt) < tonumber(ARGV[8]) then
  -- The buffer expired: a listener must not be served audio from before the gap.
  redis.call('DEL', KEYS[3])
end
local result = 1
-- Duplicates go by sequence number (the score), whatever their JSON.
if redis.call('ZCOUNT', KEYS[3], sequence, sequence) == 0 then
  redis.call('ZADD', KEYS[3], sequence, chunk)
  redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(tonumber(ARGV[7]) + 1))
  if redis.call('ZCOUNT', KEYS[3], sequence, sequence) > 0 then
    redis.call('HINCRBY', KEYS[1], 'bytesTransferred', ARGV[6])
    redis.call('HSET', KEYS[1], 'lastChunkAt', now)
    result = 0
  end
end
keepSession(expiresAt, now)
return result
