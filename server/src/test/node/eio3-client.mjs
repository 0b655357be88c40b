// An Engine.IO 3 client (the official socket.io-client 2.x, as older Socket.IO front ends
// ship), run by SocketIoEio3Test against a real Chorus.
//
//   node eio3-client.mjs <server-url> <websocket|default|polling> <runs> [timeout-ms]
//
// Each run opens one Engine.IO 3 connection with the /jobs namespace and the default one:
// connected -> subscribe_to_jobs -> subscribed + jobs_list -> acked request_jobs_list on /jobs,
// and join_performance -> performance_state on /. Every run reports one JSON line; the last line
// is a summary, and the exit code is 1 if anything went missing.
import io from "socket.io-client-v2";

const [url, mode, runsText, timeoutText] = process.argv.slice(2);
const TRANSPORTS = { websocket: ["websocket"], default: ["polling", "websocket"], polling: ["polling"] };
const runs = Number(runsText);
const timeoutMs = Number(timeoutText ?? 10000);
if (!url || !(mode in TRANSPORTS) || !(runs > 0)) {
  console.error("usage: eio3-client.mjs <url> <websocket|default|polling> <runs> [timeout-ms]");
  process.exit(2);
}
const report = (line) => console.log(JSON.stringify(line));

/** Resolves with the first event's payload, or rejects after the time-out. */
function next(socket, event) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

function acked(socket, event) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no acknowledgement of ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.emit(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

async function session(run) {
  const options = { transports: TRANSPORTS[mode], forceNew: true, reconnection: false, timeout: timeoutMs };
  const jobs = io(`${url}/jobs`, options);
  // Same manager, so the default namespace shares the Engine.IO connection, as one page would.
  const stage = jobs.io.socket("/");
  try {
    const connected = await next(jobs, "connected");
    const subscribed = next(jobs, "subscribed");
    const list = next(jobs, "jobs_list");
    jobs.emit("subscribe_to_jobs");
    const replies = [connected, await subscribed, await list];
    const ack = await acked(jobs, "request_jobs_list");
    const state = next(stage, "performance_state");
    stage.open();
    stage.emit("join_performance");
    const performance = await state;
    if (mode === "default" && jobs.io.engine.transport.name !== "websocket") {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no upgrade to websocket")), timeoutMs);
        jobs.io.engine.once("upgrade", () => { clearTimeout(timer); resolve(); });
      });
    }
    report({ run, ok: true, protocol: jobs.io.engine.transport.query.EIO, transport: jobs.io.engine.transport.name,
      connected: replies[0], subscribed: replies[1], listed: Array.isArray(replies[2].jobs),
      acknowledged: Array.isArray(ack.jobs), performance });
    return true;
  } catch (error) {
    report({ run, ok: false, error: error.message });
    return false;
  } finally {
    stage.close();
    jobs.close();
  }
}

let complete = 0;
for (let run = 0; run < runs; run++) {
  if (await session(run)) complete++;
}
report({ summary: true, runs, complete });
process.exit(complete === runs ? 0 : 1);
