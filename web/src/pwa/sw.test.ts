/// <reference types="node" />
// public/sw.js run in a sandbox with a fake Cache Storage and network: what it stores, what it
// answers offline, and what it never touches.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

const ORIGIN = "http://chorus.test";
const SOURCE = readFileSync(fileURLToPath(new URL("../../public/sw.js", import.meta.url)), "utf8");
const INDEX_HTML = `<!doctype html><script type="module" crossorigin src="/assets/index-abc.js"></script>
<link rel="stylesheet" crossorigin href="/assets/index-def.css">`;

interface FakeRequest { url: string; method: string; mode: string; headers: Headers }
type Network = (path: string) => Response | null;

function request(path: string, init: Partial<Omit<FakeRequest, "url">> = {}): FakeRequest {
  return { url: new URL(path, ORIGIN).href, method: "GET", mode: "cors", headers: new Headers(), ...init };
}

function html(body: string): Response {
  return new Response(body, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function worker(network: Network) {
  const listeners: Record<string, (event: unknown) => void> = {};
  const stores = new Map<string, Map<string, Response>>();
  const fetched: string[] = [];
  const key = (input: string | FakeRequest) => new URL(typeof input === "string" ? input : input.url, ORIGIN).href;
  const fetchImpl = async (input: string | FakeRequest) => {
    const url = key(input);
    fetched.push(new URL(url).pathname);
    const response = network(new URL(url).pathname);
    if (!response) throw new TypeError("Failed to fetch");
    return response;
  };
  const origins = new Map<string, string | null>();
  const originOf = (input: string | FakeRequest) => (typeof input === "string" ? null : input.headers.get("origin"));
  const cacheOf = (entries: Map<string, Response>) => ({
    // As Cache Storage does: a stored `Vary: Origin` answer matches only the same Origin, unless ignoreVary.
    match: async (input: string | FakeRequest, options: { ignoreVary?: boolean } = {}) => {
      const stored = entries.get(key(input));
      const varies = stored?.headers.get("vary")?.toLowerCase().includes("origin") && !options.ignoreVary;
      if (!stored || (varies && origins.get(key(input)) !== originOf(input))) return undefined;
      return stored.clone();
    },
    put: async (input: string | FakeRequest, response: Response) => {
      entries.set(key(input), response);
      origins.set(key(input), originOf(input));
    },
    add: async (path: string) => {
      const response = await fetchImpl(path);
      if (!response.ok) throw new TypeError("bad status");
      entries.set(key(path), response);
      origins.set(key(path), null);
    },
    keys: async () => [...entries.keys()].map((url) => ({ url })),
    delete: async (input: string | FakeRequest) => entries.delete(key(input)),
  });
  const caches = {
    open: async (name: string) => {
      if (!stores.has(name)) stores.set(name, new Map());
      return cacheOf(stores.get(name)!);
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  };
  const self = {
    location: new URL(ORIGIN),
    addEventListener: (type: string, listener: (event: unknown) => void) => { listeners[type] = listener; },
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
  };
  vm.runInContext(SOURCE, vm.createContext({ self, caches, fetch: fetchImpl, URL, Response, Headers, setTimeout, clearTimeout }));

  const lifecycle = async (type: "install" | "activate") => {
    const waits: Promise<unknown>[] = [];
    listeners[type]({ waitUntil: (promise: Promise<unknown>) => waits.push(promise) });
    await Promise.all(waits);
  };
  const fetch = async (fakeRequest: FakeRequest): Promise<Response | null> => {
    let answer: Promise<Response> | null = null;
    const waits: Promise<unknown>[] = [];
    listeners.fetch({
      request: fakeRequest,
      respondWith: (promise: Promise<Response>) => { answer = promise; },
      waitUntil: (promise: Promise<unknown>) => waits.push(promise),
    });
    const response = answer ? await answer : null;
    await Promise.all(waits);
    return response;
  };
  const stored = () => [...(stores.get("chorus-shell-v1")?.keys() ?? [])].map((url) => new URL(url).pathname).sort();
  return { lifecycle, fetch, stores, stored, fetched };
}

function server(extra: Record<string, () => Response> = {}): Network {
  return (path) => {
    if (extra[path]) return extra[path]();
    if (path.startsWith("/assets/")) return new Response(`file ${path}`, { headers: { Vary: "Origin" } });
    if (path.startsWith("/icons/") || path === "/manifest.webmanifest") return new Response(`file ${path}`);
    return html(INDEX_HTML);
  };
}

describe("sw.js install and activate", () => {
  it("stores index.html, the assets it names and the shell files", async () => {
    const sw = worker(server());
    await sw.lifecycle("install");
    expect(sw.stored()).toEqual([
      "/assets/index-abc.js", "/assets/index-def.css", "/icons/icon-192.png", "/icons/icon-512.png", "/icons/icon.svg",
      "/index.html", "/manifest.webmanifest",
    ]);
  });

  it("installs even when the server is away (the next visit stores the shell)", async () => {
    const sw = worker(() => null);
    await sw.lifecycle("install");
    expect(sw.stored()).toEqual([]);
  });

  it("drops the caches of older versions and leaves other caches alone", async () => {
    const sw = worker(server());
    sw.stores.set("chorus-shell-v0", new Map());
    sw.stores.set("someone-else", new Map());
    await sw.lifecycle("install");
    await sw.lifecycle("activate");
    expect([...sw.stores.keys()].sort()).toEqual(["chorus-shell-v1", "someone-else"]);
  });
});

describe("sw.js fetches", () => {
  it("never answers for the API, the sockets, the room routes, health checks or media", async () => {
    const sw = worker(server());
    await sw.lifecycle("install");
    for (const path of [
      "/api/songs", "/api/songs/1/download/vocals", "/api/share/123456/audio?since=-1", "/ws", "/socket.io/?EIO=4",
      "/rooms", "/rooms/abc", "/search?q=x", "/health", "/heartbeat", "/songrequests/health", "/get_video_url?id=1",
      "/media/song.mp3", "/downloads/track.webm",
    ]) {
      expect(await sw.fetch(request(path)), path).toBeNull();
      expect(await sw.fetch(request(path, { mode: "navigate" })), `navigate ${path}`).toBeNull();
    }
    expect(await sw.fetch(request("/assets/index-abc.js", { method: "POST" }))).toBeNull();
    expect(await sw.fetch({ ...request("/"), url: "https://elsewhere.test/assets/x.js" })).toBeNull();
    expect(await sw.fetch(request("/assets/index-abc.js", { headers: new Headers({ Range: "bytes=0-" }) }))).toBeNull();
  });

  it("opens pages from the network and keeps the newest index.html", async () => {
    const sw = worker(server({ "/display/abc": () => html("new build") }));
    await sw.lifecycle("install");
    const response = await sw.fetch(request("/display/abc", { mode: "navigate" }));
    expect(await response?.text()).toBe("new build");
    const cached = await sw.stores.get("chorus-shell-v1")?.get(`${ORIGIN}/index.html`)?.clone().text();
    expect(cached).toBe("new build");
  });

  it("opens the stored shell when the server cannot be reached", async () => {
    let up = true;
    const online = server();
    const sw = worker((path) => (up ? online(path) : null));
    await sw.lifecycle("install");
    up = false;
    const page = await sw.fetch(request("/share/123456", { mode: "navigate" }));
    expect(page?.status).toBe(200);
    expect(await page?.text()).toBe(INDEX_HTML);
    // A module script's request carries an Origin; the stored copy (fetched without one) still serves.
    const script = await sw.fetch(request("/assets/index-abc.js", { headers: new Headers({ Origin: ORIGIN }) }));
    expect(await script?.text()).toBe("file /assets/index-abc.js");
  });

  it("says the server is unreachable when nothing was ever stored", async () => {
    const sw = worker(() => null);
    const page = await sw.fetch(request("/", { mode: "navigate" }));
    expect(page?.status).toBe(503);
    expect(await page?.text()).toContain("Chorus server unreachable");
  });

  it("serves built assets from the cache first, and stores new ones as they are fetched", async () => {
    const sw = worker(server());
    await sw.lifecycle("install");
    sw.fetched.length = 0;
    await sw.fetch(request("/assets/index-abc.js"));
    expect(sw.fetched).toEqual([]);
    const lazy = await sw.fetch(request("/assets/LibraryPage-123.js"));
    expect(await lazy?.text()).toBe("file /assets/LibraryPage-123.js");
    expect(sw.stored()).toContain("/assets/LibraryPage-123.js");
    await sw.fetch(request("/assets/index-abc.js.map"));
    expect(sw.stored()).not.toContain("/assets/index-abc.js.map");
  });
});
