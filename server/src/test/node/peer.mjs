// One Socket.IO client of the official socket.io-client@4, driven line by line by a Java test:
// the OKS pages' sockets (the Stage on the default transports, /controls, the jobs page).
//
//   node peer.mjs <server-url> <namespace> <websocket|default|polling>
//
// stdout, one JSON object per line:
//   {"open": true, "transport": "..."}         when the Engine.IO connection opens
//   {"connect": true, "transport": "..."}      on each namespace connect
//   {"upgrade": "websocket"}                   when the default mode has upgraded
//   {"event": name, "payload": first-arg}      for every event received
//   {"ack": id, "payload": first-arg}          when an acknowledgement arrives
//   {"disconnect": reason}
// stdin, one JSON object per line:
//   {"emit": name, "payload"?: value, "ack"?: id}   emits (with an acknowledgement callback if ack)
import { io } from "socket.io-client";
import { createInterface } from "node:readline";

const [url, namespace, mode] = process.argv.slice(2);
const TRANSPORTS = { websocket: ["websocket"], default: undefined, polling: ["polling"] };
if (!url || !namespace?.startsWith("/") || !(mode in TRANSPORTS)) {
  console.error("usage: peer.mjs <url> </namespace> <websocket|default|polling>");
  process.exit(2);
}
const report = (line) => console.log(JSON.stringify(line));

const options = { forceNew: true, reconnection: false };
if (TRANSPORTS[mode]) options.transports = TRANSPORTS[mode];
const socket = io(url + (namespace === "/" ? "" : namespace), options);
socket.io.on("open", () => report({ open: true, transport: socket.io.engine.transport.name }));
socket.on("connect", () => report({ connect: true, transport: socket.io.engine.transport.name }));
socket.io.engine.on("upgrade", (transport) => report({ upgrade: transport.name }));
socket.on("disconnect", (reason) => report({ disconnect: reason }));
socket.on("connect_error", (error) => report({ connect_error: error.message }));
socket.onAny((event, payload) => report({ event, payload: payload ?? null }));

createInterface({ input: process.stdin }).on("line", (text) => {
  if (!text.trim()) return;
  const command = JSON.parse(text);
  const args = "payload" in command ? [command.payload] : [];
  if ("ack" in command) {
    socket.emit(command.emit, ...args, (reply) => report({ ack: command.ack, payload: reply ?? null }));
  } else {
    socket.emit(command.emit, ...args);
  }
}).on("close", () => {
  socket.close();
  process.exit(0);
});
