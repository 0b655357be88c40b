// One WebSocket to /ws per page, kept alive: reconnection with backoff, the handshake and the
// page's session (join_room, subscriptions) again on every reconnect, requests acknowledged by
// request_id, and commands issued while offline queued and sent once the session is back.
import { backoffDelay } from "./backoff";
import type { ClientType, ErrorObject } from "./types";

export type ConnectionStatus =
  | { state: "connecting"; attempt: number }
  | { state: "online" }
  | { state: "offline"; attempt: number; retryAt: number; reason: string }
  | { state: "rejected"; reason: string };

/** A command the server refused: its ErrorObject (validation_error, authorization_error, ...). */
export class CommandError extends Error {
  constructor(readonly error: ErrorObject) {
    super(error.message);
    this.name = "CommandError";
  }
}

/** No ack in time, or the socket closed before the ack came: the outcome is unknown. */
export class ConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConnectionError";
  }
}

/** What a page's session setup may do on a fresh socket, ahead of the queued commands. */
export interface Session {
  request(name: string, payload?: Record<string, unknown>): Promise<unknown>;
  send(name: string, payload?: unknown): void;
}

interface MinimalSocket {
  readyState: number;
  binaryType: string;
  send(data: string | ArrayBufferLike | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export type WebSocketFactory = (url: string) => MinimalSocket;

export interface ChorusSocketOptions {
  /** ws:// or wss:// URL of /ws. */
  url: string;
  /** Sends `handshake` with this type first; listeners of a share need none. */
  clientType?: ClientType;
  /** Runs on every (re)connect after the handshake: join the room, subscribe, resync. */
  onSession?: (session: Session) => Promise<void> | void;
  /** Makes sockets; the browser's WebSocket by default (tests pass Node's `ws`). */
  createSocket?: WebSocketFactory;
  random?: () => number;
  /** How long a request waits for its ack once sent (the original client's 10 s). */
  ackTimeoutMs?: number;
  /** How long opening a socket may take before it is given up and retried. */
  openTimeoutMs?: number;
  /** Commands kept while offline; older ones are dropped (and their promises rejected) beyond it. */
  maxQueued?: number;
}

type Handler = (payload: unknown) => void;

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

interface Queued {
  name: string;
  payload: unknown;
  pending?: Pending & { requestId: string };
}

const OPEN = 1;

/** The page's connection to Chorus. Not thread-safe (browsers have one thread). */
export class ChorusSocket {
  private readonly options: Required<Omit<ChorusSocketOptions, "clientType" | "onSession">> &
    Pick<ChorusSocketOptions, "clientType" | "onSession">;
  private socket: MinimalSocket | null = null;
  private ready = false;
  private closed = true;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly binaryHandlers = new Set<(data: ArrayBuffer) => void>();
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private readonly inFlight = new Map<string, Pending>();
  private readonly queue: Queued[] = [];
  private currentStatus: ConnectionStatus = { state: "connecting", attempt: 0 };

  constructor(options: ChorusSocketOptions) {
    this.options = {
      createSocket: (url) => new WebSocket(url) as unknown as MinimalSocket,
      random: Math.random,
      ackTimeoutMs: 10_000,
      openTimeoutMs: 10_000,
      maxQueued: 200,
      ...options,
    };
  }

  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  /** Whether commands go out now (connected, handshaken, session set up). */
  get isReady(): boolean {
    return this.ready;
  }

  /** Commands waiting for the connection. */
  get queuedCount(): number {
    return this.queue.length;
  }

  connect(): void {
    if (!this.closed) return;
    this.closed = false;
    this.open();
  }

  /** Closes for good: no reconnect; queued and unanswered requests are rejected. */
  close(): void {
    this.closed = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000, "page closed");
    }
    this.failInFlight("the page closed its connection");
    for (const queued of this.queue.splice(0)) {
      queued.pending?.reject(new ConnectionError("the page closed its connection"));
    }
  }

  /** Skips the wait of an offline socket (a "retry now" button, the browser coming online). */
  reconnectNow(): void {
    if (this.closed || this.socket) return;
    this.clearTimers();
    this.open();
  }

  on(name: string, handler: Handler): () => void {
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  onBinary(handler: (data: ArrayBuffer) => void): () => void {
    this.binaryHandlers.add(handler);
    return () => this.binaryHandlers.delete(handler);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.currentStatus);
    return () => this.statusListeners.delete(listener);
  }

  /** Sends a command without waiting for an answer; queued while offline. */
  send(name: string, payload: unknown = {}): void {
    // A socket that is closing (its close event not yet delivered) keeps the command for the next one.
    if (!this.ready || !this.write(name, payload)) {
      this.enqueue({ name, payload });
    }
  }

  /** Sends a command with a request_id and resolves with its ack's result; queued while offline. */
  request(name: string, payload: Record<string, unknown> = {}): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const requestId = newRequestId(this.options.random);
      const pending = { resolve, reject, timer: null, requestId };
      if (this.ready && this.socket?.readyState === OPEN) {
        this.dispatch(name, payload, pending);
      } else {
        this.enqueue({ name, payload, pending });
      }
    });
  }

  private open(): void {
    this.setStatus({ state: "connecting", attempt: this.attempt });
    let socket: MinimalSocket;
    try {
      socket = this.options.createSocket(this.options.url);
    } catch (error) {
      this.scheduleReconnect(String(error));
      return;
    }
    this.socket = socket;
    socket.binaryType = "arraybuffer";
    this.openTimer = setTimeout(() => {
      if (this.socket === socket && socket.readyState !== OPEN) this.drop(socket, "the server did not answer");
    }, this.options.openTimeoutMs);
    socket.onopen = () => void this.startSession(socket);
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => {
      /* onclose follows and decides */
    };
    socket.onclose = (event) => {
      if (this.socket === socket) {
        this.drop(socket, event.reason || `connection closed (${event.code ?? "no code"})`);
      }
    };
  }

  private async startSession(socket: MinimalSocket): Promise<void> {
    if (this.openTimer) clearTimeout(this.openTimer);
    this.openTimer = null;
    if (this.options.clientType) {
      this.write("handshake", { client_type: this.options.clientType });
    }
    const session: Session = {
      request: (name, payload = {}) =>
        new Promise((resolve, reject) => {
          if (this.socket !== socket) {
            reject(new ConnectionError("the connection was lost"));
            return;
          }
          this.dispatch(name, payload, { resolve, reject, timer: null, requestId: newRequestId(this.options.random) });
        }),
      send: (name, payload = {}) => {
        if (this.socket === socket) this.write(name, payload);
      },
    };
    try {
      await this.options.onSession?.(session);
    } catch (error) {
      if (this.socket !== socket) return;
      if (error instanceof CommandError) {
        // The server said no (a wrong password, a full room): retrying would say no again.
        this.closed = true;
        this.socket = null;
        socket.onclose = null;
        socket.close(1000, "session refused");
        this.failInFlight(error.message);
        this.setStatus({ state: "rejected", reason: error.message });
        return;
      }
      this.drop(socket, error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.socket !== socket) return;
    this.ready = true;
    this.attempt = 0;
    this.setStatus({ state: "online" });
    for (const queued of this.queue.splice(0)) {
      if (queued.pending) {
        this.dispatch(queued.name, queued.payload, queued.pending);
      } else {
        this.write(queued.name, queued.payload);
      }
    }
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") {
      const buffer = toArrayBuffer(data);
      if (buffer) for (const handler of this.binaryHandlers) handler(buffer);
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (!Array.isArray(message) || message.length !== 2 || typeof message[0] !== "string") return;
    const [name, payload] = message as [string, unknown];
    if (name === "ping") {
      // Answered at once, before join too: the server reaps sockets that stay silent.
      this.write("pong", { timestamp: Date.now() });
    } else if (name === "ack") {
      this.acknowledge(payload as { request_id?: string; success?: boolean; result?: unknown; error?: ErrorObject });
    }
    const set = this.handlers.get(name);
    if (set) for (const handler of [...set]) handler(payload);
  }

  private acknowledge(ack: { request_id?: string; success?: boolean; result?: unknown; error?: ErrorObject }): void {
    if (!ack || typeof ack.request_id !== "string") return;
    const pending = this.inFlight.get(ack.request_id);
    if (!pending) return;
    this.inFlight.delete(ack.request_id);
    if (pending.timer) clearTimeout(pending.timer);
    if (ack.success) {
      pending.resolve(ack.result ?? null);
    } else {
      pending.reject(new CommandError(ack.error ?? {
        error_type: "unknown", message: "The server refused the command", details: null, timestamp: 0, request_id: ack.request_id,
      }));
    }
  }

  private dispatch(name: string, payload: unknown, pending: Pending & { requestId: string }): void {
    this.inFlight.set(pending.requestId, pending);
    pending.timer = setTimeout(() => {
      if (this.inFlight.delete(pending.requestId)) {
        pending.reject(new ConnectionError(`No answer to ${name} within ${this.options.ackTimeoutMs / 1000} s`));
      }
    }, this.options.ackTimeoutMs);
    const body = typeof payload === "object" && payload !== null ? payload : {};
    this.write(name, { ...body, request_id: pending.requestId });
  }

  private enqueue(queued: Queued): void {
    this.queue.push(queued);
    while (this.queue.length > this.options.maxQueued) {
      this.queue.shift()?.pending?.reject(new ConnectionError("Too many commands waiting for the connection"));
    }
  }

  /** Sends a frame now; false when the socket cannot take it. */
  private write(name: string, payload: unknown): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify([name, payload]));
    return true;
  }

  private drop(socket: MinimalSocket, reason: string): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.ready = false;
    socket.onclose = null;
    socket.onmessage = null;
    try {
      socket.close();
    } catch {
      /* already closed */
    }
    this.failInFlight("the connection was lost before the server answered");
    this.scheduleReconnect(reason);
  }

  private scheduleReconnect(reason: string): void {
    if (this.closed) return;
    this.clearTimers();
    const delay = backoffDelay(this.attempt, this.options.random());
    this.attempt += 1;
    this.setStatus({ state: "offline", attempt: this.attempt, retryAt: Date.now() + delay, reason });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  private failInFlight(reason: string): void {
    for (const [id, pending] of this.inFlight) {
      if (pending.timer) clearTimeout(pending.timer);
      pending.reject(new ConnectionError(reason));
      this.inFlight.delete(id);
    }
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.openTimer) clearTimeout(this.openTimer);
    this.retryTimer = null;
    this.openTimer = null;
  }

  private setStatus(status: ConnectionStatus): void {
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

/** The original client's request id: `<ms>-<9 random characters>`. */
function newRequestId(random: () => number): string {
  return `${Date.now()}-${Math.floor(random() * 36 ** 9).toString(36).padStart(9, "0")}`;
}

function toArrayBuffer(data: unknown): ArrayBuffer | null {
  if (data instanceof ArrayBuffer) return data;
  if (ArrayBuffer.isView(data)) {
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  }
  return null;
}

/** The /ws URL of the server this page came from. */
export function socketUrl(location: { protocol: string; host: string } = window.location): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
}
