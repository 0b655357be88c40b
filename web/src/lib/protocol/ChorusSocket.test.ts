// The page's connection against a real WebSocket server (Node's `ws`) that plays Chorus's part:
// handshake first, join acked by request_id, pings answered, and a server that goes away and
// comes back on the same port.
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket as NodeWebSocket, WebSocketServer, type WebSocket as ServerSocket } from "ws";
import type { AddressInfo } from "node:net";
import { ChorusSocket, CommandError, ConnectionError, type ConnectionStatus, type WebSocketFactory } from "./ChorusSocket";

type Frame = [string, Record<string, unknown>];

/** A stand-in Chorus server: records every frame, acks join_room, and can be stopped and restarted. */
class FakeChorus {
  private server: WebSocketServer | null = null;
  readonly frames: Frame[] = [];
  readonly sockets = new Set<ServerSocket>();
  port = 0;
  /** Joins after which the server answers with an error instead of an ack. */
  refuseJoin: string | null = null;
  /** Requests never answered (to test the ack timeout). */
  silent = new Set<string>();

  async start(port = 0): Promise<void> {
    this.server = new WebSocketServer({ port, host: "127.0.0.1" });
    await new Promise<void>((resolve) => this.server!.once("listening", () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("message", (data) => this.receive(socket, JSON.parse(String(data)) as Frame));
    });
  }

  private receive(socket: ServerSocket, frame: Frame): void {
    this.frames.push(frame);
    const [name, payload] = frame;
    const requestId = payload.request_id as string | undefined;
    if (!requestId || this.silent.has(name)) return;
    if (name === "join_room" && this.refuseJoin) {
      socket.send(JSON.stringify(["ack", { request_id: requestId, success: false, error: {
        error_type: "authorization_error", message: this.refuseJoin, details: null, timestamp: 0, request_id: requestId } }]));
      return;
    }
    if (name === "join_room") {
      socket.send(JSON.stringify(["client_count", 1]));
      socket.send(JSON.stringify(["queue_update", { items: [], version: 3, timestamp: 1 }]));
    }
    const result = name === "join_room" ? { room_id: payload.room_id, success: true } : null;
    socket.send(JSON.stringify(["ack", { request_id: requestId, success: true, result }]));
  }

  broadcast(frame: unknown): void {
    for (const socket of this.sockets) socket.send(JSON.stringify(frame));
  }

  names(): string[] {
    return this.frames.map(([name]) => name);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

const nodeSockets: WebSocketFactory = (url) => new NodeWebSocket(url) as unknown as ReturnType<WebSocketFactory>;

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let server: FakeChorus;
let client: ChorusSocket | null = null;

afterEach(async () => {
  client?.close();
  client = null;
  await server?.stop();
});

function roomClient(statuses: ConnectionStatus[] = [], options: Partial<ConstructorParameters<typeof ChorusSocket>[0]> = {}) {
  const socket = new ChorusSocket({
    url: `ws://127.0.0.1:${server.port}/ws`,
    clientType: "controller",
    createSocket: nodeSockets,
    // The smallest jitter: the first reconnect comes after the 1 s floor.
    random: () => 0,
    onSession: async (session) => {
      await session.request("join_room", { room_id: "party" });
    },
    ...options,
  });
  socket.onStatus((status) => statuses.push(status));
  return socket;
}

describe("ChorusSocket", () => {
  it("handshakes first, joins, and only then sends what the page queued while connecting", async () => {
    server = new FakeChorus();
    await server.start();
    client = roomClient();
    client.send("queue_next_song", { entry_id: "early" });
    const acked = client.request("clear_queue");
    expect(client.queuedCount).toBe(2);
    client.connect();

    await expect(acked).resolves.toBeNull();
    expect(server.names()).toEqual(["handshake", "join_room", "queue_next_song", "clear_queue"]);
    expect(server.frames[0][1]).toEqual({ client_type: "controller" });
    expect(server.frames[1][1].request_id).toMatch(/^\d+-[0-9a-z]{9}$/);
    expect(client.status).toEqual({ state: "online" });
  });

  it("answers the server's ping with a pong at once", async () => {
    server = new FakeChorus();
    await server.start();
    client = roomClient();
    client.connect();
    await waitFor(() => client!.isReady);
    server.broadcast(["ping", { timestamp: 1_700_000_000.5 }]);
    await waitFor(() => server.names().includes("pong"));
    const pong = server.frames.find(([name]) => name === "pong")!;
    expect(typeof pong[1].timestamp).toBe("number");
  });

  it("rejects a refused request with the server's error object", async () => {
    server = new FakeChorus();
    await server.start();
    client = roomClient([], { onSession: () => undefined });
    client.connect();
    await waitFor(() => client!.isReady);
    server.refuseJoin = "Password required";
    const error = await client.request("join_room", { room_id: "locked" }).catch((failure) => failure);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).error.error_type).toBe("authorization_error");
    expect((error as CommandError).message).toBe("Password required");
  });

  it("stops retrying when the server refuses the session, and says why", async () => {
    server = new FakeChorus();
    await server.start();
    server.refuseJoin = "Invalid password";
    const statuses: ConnectionStatus[] = [];
    client = roomClient(statuses);
    client.connect();
    await waitFor(() => statuses.some((status) => status.state === "rejected"));
    expect(statuses.at(-1)).toEqual({ state: "rejected", reason: "Invalid password" });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(server.names().filter((name) => name === "handshake")).toHaveLength(1);
  });

  it("fails a request that gets no ack within the time-out", async () => {
    server = new FakeChorus();
    await server.start();
    server.silent.add("play_next");
    client = roomClient([], { ackTimeoutMs: 200 });
    client.connect();
    const error = await client.request("play_next").catch((failure) => failure);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("No answer to play_next within 0.2 s");
  });

  it("reconnects after the server restarts, handshakes and rejoins, then sends the commands made offline", async () => {
    server = new FakeChorus();
    await server.start();
    const statuses: ConnectionStatus[] = [];
    client = roomClient(statuses);
    client.connect();
    await waitFor(() => client!.isReady);
    const port = server.port;
    await server.stop();
    await waitFor(() => statuses.at(-1)?.state === "offline");
    const offline = statuses.at(-1) as Extract<ConnectionStatus, { state: "offline" }>;
    expect(offline.attempt).toBe(1);
    expect(offline.retryAt - Date.now()).toBeLessThanOrEqual(1_000);

    client.send("queue_next_song", { entry_id: "made-offline" });
    const skip = client.request("play_next");
    expect(client.queuedCount).toBe(2);

    const restarted = new FakeChorus();
    await restarted.start(port);
    server = restarted;
    await expect(skip).resolves.toBeNull();
    expect(restarted.names()).toEqual(["handshake", "join_room", "queue_next_song", "play_next"]);
    expect(statuses.at(-1)).toEqual({ state: "online" });
  });

  it("backs off further on each failed attempt while the server stays down", async () => {
    server = new FakeChorus();
    await server.start();
    const port = server.port;
    await server.stop();
    const statuses: ConnectionStatus[] = [];
    client = new ChorusSocket({
      url: `ws://127.0.0.1:${port}/ws`,
      createSocket: nodeSockets,
      random: () => 0.5,
    });
    client.onStatus((status) => statuses.push(status));
    const started = Date.now();
    client.connect();
    await waitFor(() => statuses.filter((status) => status.state === "offline").length >= 2, 4_000);
    const waits = statuses
      .filter((status): status is Extract<ConnectionStatus, { state: "offline" }> => status.state === "offline")
      .map((status) => status.retryAt);
    // The second wait (2 s) starts after the first (1 s) ran out.
    expect(waits[0] - started).toBeGreaterThanOrEqual(950);
    expect(waits[0] - started).toBeLessThan(1_200);
    expect(waits[1] - waits[0]).toBeGreaterThanOrEqual(1_950);
  });

  it("rejects the requests in flight when the connection drops, since their outcome is unknown", async () => {
    server = new FakeChorus();
    await server.start();
    server.silent.add("remove_song");
    client = roomClient();
    client.connect();
    await waitFor(() => client!.isReady);
    const removal = client.request("remove_song", { entry_id: "x" });
    await waitFor(() => server.names().includes("remove_song"));
    for (const socket of server.sockets) socket.terminate();
    await expect(removal).rejects.toBeInstanceOf(ConnectionError);
  });

  it("passes binary frames to the binary handlers as ArrayBuffers", async () => {
    server = new FakeChorus();
    await server.start();
    client = roomClient();
    const received: ArrayBuffer[] = [];
    client.onBinary((data) => received.push(data));
    client.connect();
    await waitFor(() => client!.isReady);
    for (const socket of server.sockets) socket.send(new Uint8Array([0, 2, 123, 125, 9]));
    await waitFor(() => received.length === 1);
    expect([...new Uint8Array(received[0])]).toEqual([0, 2, 123, 125, 9]);
  });

  it("bounds the offline queue and fails the oldest commands beyond it", async () => {
    server = new FakeChorus();
    await server.start();
    client = roomClient([], { maxQueued: 2 });
    const first = client.request("play_next");
    client.send("queue_next_song", { entry_id: "a" });
    client.send("queue_next_song", { entry_id: "b" });
    await expect(first).rejects.toThrow("Too many commands waiting for the connection");
    expect(client.queuedCount).toBe(2);
  });
});
