// What the end-to-end tests stand on: a real Chorus server (the built jar, in its own JVM, on a
// fresh data folder), Debian's chromium driven by playwright-core, and screenshots of every page
// a test visits, kept for CI as artifacts.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync, mkdtempSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through e2e/run.mjs`);
  return value;
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function until(what, check, timeoutMs, intervalMs = 100) {
  const started = Date.now();
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The broadcaster token the test server accepts for music shares. */
export const SHARE_TOKEN = "e2e-share-token";

/**
 * A Chorus server from the built jar on a data folder of its own; `kill()` is SIGKILL (a crash),
 * `start()` starts it again on the same port and folder.
 */
export class ChorusServer {
  constructor() {
    this.java = required("CHORUS_E2E_JAVA");
    this.jar = required("CHORUS_E2E_JAR");
    this.dataDir = mkdtempSync(join(tmpdir(), "chorus-e2e-"));
    this.process = null;
    this.starts = 0;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    this.port ??= await freePort();
    this.starts += 1;
    const log = openSync(join(this.dataDir, `server-${this.starts}.log`), "w");
    this.process = spawn(this.java, [
      "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-jar", this.jar, "serve",
      "--port", String(this.port), "--data-dir", this.dataDir, "--host", "127.0.0.1",
      // The demo song is what the tests search for; no metadata services (no internet in CI).
      "--demo-song", "always", "--enrichment", "false",
      "--share-tokens", SHARE_TOKEN,
    ], { stdio: ["ignore", log, log], env: withoutChorusSettings(process.env) });
    const started = this.process;
    await until("the server to answer /heartbeat", async () => {
      if (started.exitCode !== null) throw new Error(`the server exited (${started.exitCode}); see ${this.dataDir}`);
      return (await fetch(`${this.url}/heartbeat`)).ok;
    }, 60_000);
  }

  /** Waits until the demo song is imported (it is, from the first start on). */
  async demoSong() {
    return until("the demo song to be imported", async () => {
      const songs = await (await fetch(`${this.url}/api/songs?q=chorus%20demo`)).json();
      return songs.find((song) => song.status === "processed");
    }, 120_000, 250);
  }

  kill() {
    const process = this.process;
    this.process = null;
    if (!process || process.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      process.once("exit", () => resolve());
      process.kill("SIGKILL");
    });
  }

  async stop() {
    const process = this.process;
    this.process = null;
    if (!process || process.exitCode !== null) return;
    await new Promise((resolve) => {
      const timer = setTimeout(() => process.kill("SIGKILL"), 15_000);
      process.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      process.kill("SIGTERM");
    });
  }
}

function withoutChorusSettings(environment) {
  return Object.fromEntries(Object.entries(environment).filter(([name]) => !name.startsWith("CHORUS_")));
}

/** Debian's chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHORUS_E2E_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-quic", "--no-first-run", "--disable-sync",
      // A TV browser in kiosk mode plays without a click; the display's start button covers the rest.
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}

export const TV = { viewport: { width: 1920, height: 1080 } };
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** Saves numbered screenshots of a test's pages under the artifacts folder. */
export class Screenshots {
  constructor(testName) {
    const root = process.env.CHORUS_E2E_ARTIFACTS ?? join(process.cwd(), "..", "artifacts", "e2e");
    this.folder = join(root, testName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""));
    mkdirSync(this.folder, { recursive: true });
    this.count = 0;
  }

  async take(page, name) {
    this.count += 1;
    const file = join(this.folder, `${String(this.count).padStart(2, "0")}-${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    return file;
  }
}

/** Reads a number from an element's attribute. */
export async function numberAttribute(locator, name) {
  return Number(await locator.getAttribute(name));
}

export { until };

/**
 * The page's visible controls that a screen reader could not name, or that are smaller than a
 * finger (`minTarget` CSS pixels each way; WCAG 2.5.5 asks 44): each as a short description.
 */
export async function accessibilityProblems(page, { minTarget = 44 } = {}) {
  return page.evaluate((minimum) => {
    const problems = [];
    const controls = document.querySelectorAll("button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=slider], [tabindex]:not([tabindex='-1'])");
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      const style = getComputedStyle(control);
      if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
      const labelledBy = (control.getAttribute("aria-labelledby") ?? "").split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
      const labels = control.labels ? [...control.labels].map((label) => label.textContent ?? "").join(" ") : "";
      const name = [control.getAttribute("aria-label"), labelledBy, labels, control.getAttribute("title"),
        control.tagName === "INPUT" || control.tagName === "TEXTAREA" || control.tagName === "SELECT" ? "" : control.textContent,
        control.querySelector("img[alt]")?.getAttribute("alt")].filter(Boolean).join(" ").trim();
      const what = `${control.tagName.toLowerCase()}${control.id ? `#${control.id}` : ""}${control.dataset.testid ? `[data-testid=${control.dataset.testid}]` : ""} "${(control.textContent ?? "").trim().slice(0, 30)}"`;
      if (!name) problems.push(`no accessible name: ${what}`);
      // Links inside running text are exempt from the target size (WCAG 2.5.5 "inline").
      const inline = control.tagName === "A" && style.display === "inline";
      const checkable = control.type === "checkbox" || control.type === "radio";
      // A visually hidden control (a file input under its styled label) is aimed at through its label.
      const hidden = style.clip === "rect(0px, 0px, 0px, 0px)";
      if (!inline && !checkable && !hidden && (box.width < minimum - 0.5 || box.height < minimum - 0.5)) {
        problems.push(`target ${Math.round(box.width)}×${Math.round(box.height)} px: ${what}`);
      }
    }
    return problems;
  }, minTarget);
}
