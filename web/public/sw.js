// Chorus's service worker: keeps the app shell (index.html and the built /assets/ files) so the app
// opens even when the party's server is down, and then says so itself. Everything live (the API,
// the sockets, media) always goes to the network and is never stored.
//
// The built files have hashed names this file cannot know in advance: install stores index.html
// and the assets it names; later assets are stored as they are fetched. Change VERSION when this
// file's caching changes: the new worker then drops the old caches.
const VERSION = "v1";
const CACHE = `chorus-shell-${VERSION}`;
const INDEX = "/index.html";
const SHELL_FILES = ["/manifest.webmanifest", "/icons/icon.svg", "/icons/icon-192.png", "/icons/icon-512.png"];
/** A navigation waits this long for the server before the stored shell is shown. */
const NAVIGATION_TIMEOUT_MS = 4000;
/** Built files kept; older builds' files go first. */
const MAX_ASSETS = 120;
/**
 * The server answers `Vary: Origin` when a request carries an Origin (its CORS), and the page's module
 * scripts do while the worker's own fetches do not: stored files would never match. The files are the
 * same for every origin, so the cache ignores Vary.
 */
const MATCH = { ignoreVary: true };

/** Paths never answered from the cache, nor stored: the server's live routes and media. */
const NETWORK_ONLY = [
  /\/api\//, /^\/ws(\/|$)/, /^\/socket\.io(\/|$)/, /^\/rooms(\/|$)/, /^\/search(\/|$)/,
  /\/health$/, /^\/heartbeat$/, /^\/get_video_url/, /^\/openapi\.json$/, /^\/docs(\.html)?$/,
  /^\/chorus-build\.properties$/, /^\/webjars\//,
  /\.(mp3|m4a|aac|ogg|oga|opus|wav|flac|webm|mp4|m4v|mkv|mov|cdg|zip|lrc)$/i,
];

self.addEventListener("install", (event) => {
  event.waitUntil(precacheShell().finally(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith("chorus-") && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.headers.has("range") || NETWORK_ONLY.some((pattern) => pattern.test(url.pathname))) return;
  if (request.mode === "navigate") {
    event.respondWith(navigation(event));
  } else if (url.pathname.startsWith("/assets/") && !url.pathname.endsWith(".map")) {
    event.respondWith(cacheFirst(request));
  } else if (SHELL_FILES.includes(url.pathname) || url.pathname.startsWith("/icons/")) {
    event.respondWith(staleWhileRevalidate(event));
  }
});

/** index.html and what it loads, so the very first visit can already be opened offline. */
async function precacheShell() {
  try {
    const cache = await caches.open(CACHE);
    const response = await fetch(INDEX, { cache: "no-cache" });
    if (!response.ok) return;
    const html = await response.clone().text();
    await cache.put(INDEX, await plain(response));
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
    await Promise.all([...new Set([...assets, ...SHELL_FILES])].map((path) => cache.add(path).catch(() => {})));
  } catch {
    // Offline while installing: the shell is stored by the next navigation that reaches the server.
  }
}

/** Network first (a new build's index.html names new assets); the stored shell when the server is away. */
async function navigation(event) {
  const cache = await caches.open(CACHE);
  const network = fetch(event.request).then(async (response) => {
    if (response.ok && (response.headers.get("content-type") ?? "").includes("text/html")) {
      await cache.put(INDEX, await plain(response.clone()));
    }
    return response;
  });
  event.waitUntil(network.catch(() => {}));
  try {
    return await Promise.race([network, timeout(NAVIGATION_TIMEOUT_MS)]);
  } catch {
    const cached = await cache.match(INDEX, MATCH);
    if (cached) return cached;
    return network.catch(() => offlinePage());
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, MATCH);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    await trimAssets(cache);
  }
  return response;
}

async function staleWhileRevalidate(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request, MATCH);
  const network = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(event.request, response.clone());
    return response;
  });
  event.waitUntil(network.catch(() => {}));
  return cached ?? network;
}

async function trimAssets(cache) {
  const assets = (await cache.keys()).filter((request) => new URL(request.url).pathname.startsWith("/assets/"));
  // Keys come in the order they were stored: the oldest builds' files first.
  await Promise.all(assets.slice(0, Math.max(0, assets.length - MAX_ASSETS)).map((request) => cache.delete(request)));
}

/** A stored copy without the "redirected" mark, which browsers refuse as an answer to a navigation. */
async function plain(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), ms));
}

/** Only when the app was never stored on this device and the server cannot be reached. */
function offlinePage() {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chorus · server unreachable</title>
<body style="margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#14121f;color:#f4f2ff;font-family:system-ui,sans-serif;padding:1rem">
<main style="max-width:30rem"><h1>Chorus server unreachable</h1>
<p>This device cannot reach the Chorus server. Check that you are on the party's network and that the server is running, then try again.</p>
<p><button onclick="location.reload()" style="min-height:48px;padding:0.6rem 1.1rem;border-radius:12px;border:0;background:#ff5fa2;color:#1a0c14;font:inherit;font-weight:600">Try again</button></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
