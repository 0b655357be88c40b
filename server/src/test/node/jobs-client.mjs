// The OKS front end's /jobs client, run by SocketIoJsClientTest against a real Chorus.
//
//   node jobs-client.mjs <server-url> <websocket|default|polling> watch [timeout-ms]
//   node jobs-client.mjs <server-url> <websocket|default|polling> runs <count> [timeout-ms]
//
// watch: one session that stays subscribed; prints every event until a job ends.
// runs:  <count> sequential connect -> subscribe_to_jobs -> acked request_jobs_list -> disconnect
//        sessions, then a summary; exits 1 if any reply, event or acknowledgement went missing.
// Every observation is one JSON line on stdout, for the Java test to read.
import { io } from "socket.io-client";

const [url, mode, command, ...rest] = process.argv.slice(2);
const TRANSPORTS = { websocket: ["websocket"], default: undefined, polling: ["polling"] };
if (!url || !(mode in TRANSPORTS) || !["watch", "runs"].includes(command)) {
  console.error("usage: jobs-client.mjs <url> <websocket|default|polling> <watch|runs N> [timeout-ms]");
  process.exit(2);
}
const TERMINAL = new Set(["job_completed", "job_failed", "job_cancelled"]);

const report = (line) => console.log(JSON.stringify(line));

function fail(reason) {
  report({ error: reason });
  process.exit(1);
}

/** A /jobs socket with the OKS jobs client's options; only the transports differ per mode. */
function connect() {
  const options = {
    reconnection: true,
    reconnectionAttempts: 5,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
    // Each session gets its own Engine.IO connection, as a fresh page load would.
    forceNew: true,
  };
  if (TRANSPORTS[mode]) options.transports = TRANSPORTS[mode];
  return io(`${url}/jobs`, options);
}

/** One session that stays subscribed and reports what it hears until a job reaches its end. */
function watch(timeoutMs) {
  const socket = connect();
  setTimeout(() => fail(`no terminal job event within ${timeoutMs} ms`), timeoutMs).unref();
  // The transport the Engine.IO connection opened on: by the namespace's connect, the default
  // mode may already have upgraded.
  socket.io.on("open", () => report({ event: "open", transport: socket.io.engine.transport.name }));
  socket.on("connect", () => socket.emit("subscribe_to_jobs"));
  // The Java test waits for this line before it starts a job, so the default mode is reported
  // once it runs on WebSocket, and the other modes once their transport is settled.
  socket.io.engine.on("upgrade", (transport) => report({ transport: transport.name }));
  socket.on("connected", (body) => report({ event: "connected", status: body.status }));
  socket.on("subscribed", (body) => report({ event: "subscribed", status: body.status }));
  socket.on("jobs_list", (body) => report({ event: "jobs_list", count: body.jobs.length }));
  socket.onAny((name, job) => {
    if (!name.startsWith("job_")) return;
    report({ event: name, id: job.id, status: job.status });
    if (TERMINAL.has(name)) {
      socket.disconnect();
      report({ done: true });
    }
  });
  socket.on("connect_error", (error) => fail(`connect_error: ${error.message}`));
}

/** One short session; resolves with what it received, rejects on a time-out. */
function session(timeoutMs) {
  return new Promise((resolve, reject) => {
    const socket = connect();
    const seen = { connects: 0, subscribed: 0, jobsLists: 0, acks: 0 };
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error(`session timed out after ${timeoutMs} ms: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const finishIfComplete = () => {
      // subscribe_to_jobs answers subscribed + jobs_list; request_jobs_list answers jobs_list + ack.
      if (seen.subscribed >= 1 && seen.jobsLists >= 2 && seen.acks >= 1) {
        clearTimeout(timer);
        socket.disconnect();
        resolve(seen);
      }
    };
    socket.on("connect", () => {
      seen.connects++;
      // Emitted back to back, as the OKS client does on connect then refresh, so in the default
      // mode they race the polling to WebSocket upgrade.
      socket.emit("subscribe_to_jobs");
      socket.emit("request_jobs_list", (body) => {
        if (Array.isArray(body?.jobs)) seen.acks++;
        finishIfComplete();
      });
    });
    socket.on("subscribed", () => { seen.subscribed++; finishIfComplete(); });
    socket.on("jobs_list", () => { seen.jobsLists++; finishIfComplete(); });
  });
}

async function runs(count, timeoutMs) {
  const total = { runs: 0, connects: 0, subscribed: 0, jobsLists: 0, acks: 0 };
  for (let run = 0; run < count; run++) {
    let seen;
    try {
      seen = await session(timeoutMs);
    } catch (error) {
      report({ ...total, run, error: error.message });
      process.exit(1);
    }
    total.runs++;
    for (const key of ["connects", "subscribed", "jobsLists", "acks"]) total[key] += seen[key];
  }
  // A reconnect inside a session would show as extra connects: also a loss.
  const clean = total.connects === count && total.subscribed === count && total.jobsLists === 2 * count
    && total.acks === count;
  report({ done: true, ...total });
  process.exit(clean ? 0 : 1);
}

if (command === "watch") {
  watch(Number(rest[0] ?? 30000));
} else {
  const count = Number(rest[0]);
  if (!Number.isInteger(count) || count < 1) fail(`not a run count: ${rest[0]}`);
  runs(count, Number(rest[1] ?? 10000));
}
