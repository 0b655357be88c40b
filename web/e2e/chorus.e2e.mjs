// The evening as people live it, in a real browser against a real server: a TV display and phones
// in one room, a song found and queued, played with lyrics and a live mix; an upload on the library
// page; and the server crashing and coming back while the phones keep their queue.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ChorusServer, DESKTOP, PHONE, SHARE_TOKEN, Screenshots, TV, accessibilityProblems, launchBrowser, numberAttribute, until,
} from "./harness.mjs";
import { melodyWav, sinePcm } from "./media.mjs";

const ROOM = "e2e-party";
let server;
let browser;
let display;
let controller;

/** The queue as a controller shows it: the text of each item. */
async function queueTexts(page) {
  return page.locator("[data-testid=queue-item]").allInnerTexts();
}

/** The queue items' ids, in order (the texts differ by phone: each marks its own songs). */
async function queueIds(page) {
  return page.locator("[data-testid=queue-item]").evaluateAll((items) => items.map((item) => item.dataset.entryId));
}

/** Every visible control has a name a screen reader can say, and is big enough for a finger. */
async function assertAccessible(page, where) {
  assert.deepEqual(await accessibilityProblems(page), [], `accessibility of ${where}`);
}

async function openController(context, shots, name) {
  const page = await context.newPage();
  await page.goto(`${server.url}/controller/${ROOM}`);
  await page.locator("[data-testid=connection-status][data-state=online]").waitFor({ timeout: 15_000 });
  await shots.take(page, name);
  return page;
}

async function addSong(page, query, title) {
  const search = page.locator("[data-testid=search-input]");
  await search.fill(query);
  const result = page.locator("[data-testid=search-result]", { hasText: title }).first();
  await result.waitFor({ timeout: 15_000 });
  await result.getByRole("button", { name: /^Add/ }).click();
}

describe("Chorus in a browser", () => {
  before(async () => {
    server = new ChorusServer();
    await server.start();
    await server.demoSong();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("plays a song queued from a phone on the TV, with lyrics, the guide-vocal mix and pause", async () => {
    const shots = new Screenshots("display and controller");
    const home = await (await browser.newContext(PHONE)).newPage();
    await home.goto(server.url);
    await home.locator("[data-testid=create-room-name]").waitFor();
    await shots.take(home, "home");
    await assertAccessible(home, "the home page on a phone");
    await home.close();

    display = await (await browser.newContext(TV)).newPage();
    await display.goto(`${server.url}/display/${ROOM}`);
    await display.locator("[data-testid=connection-status][data-state=online]").waitFor({ timeout: 15_000 });
    const qr = display.locator("[data-testid=join-qr]");
    assert.equal(await qr.getAttribute("data-url"), `${server.url}/controller/${ROOM}`);
    await shots.take(display, "display-idle");
    await assertAccessible(display, "the idle display");

    controller = await openController(await browser.newContext(PHONE), shots, "controller-joined");
    await assertAccessible(controller, "the controller on a phone");
    await controller.locator("[data-testid=singer-name]").fill("Ann");
    await addSong(controller, "chorus demo", "Chorus Demo");
    await shots.take(controller, "controller-searched");

    const nowPlaying = display.locator("[data-testid=now-playing]");
    await display.locator("[data-testid=start-display]").click({ timeout: 2_000 }).catch(() => undefined);
    await display.locator("[data-testid=now-playing][data-play-state=playing]").waitFor({ timeout: 30_000 });
    assert.match(await nowPlaying.innerText(), /Chorus Demo/);
    const startedAt = await numberAttribute(nowPlaying, "data-audio-time");
    await until("the display's audio clock to advance", async () =>
      (await numberAttribute(nowPlaying, "data-audio-time")) > startedAt + 1.5, 10_000);
    await shots.take(display, "display-playing");

    const lyric = display.locator("[data-testid=lyrics-current]");
    await lyric.waitFor({ timeout: 20_000 });
    const firstLine = await lyric.innerText();
    await until("the current lyric line to change", async () => {
      const line = await lyric.innerText().catch(() => firstLine);
      return line !== firstLine;
    }, 20_000);
    await shots.take(display, "display-lyrics");

    await controller.locator("[data-testid=controller-now-playing]", { hasText: "Chorus Demo" }).waitFor({ timeout: 10_000 });
    await controller.locator("[data-testid=vocal-level]").fill("80");
    const mix = display.locator("[data-testid=mix]");
    await until("the guide vocal to reach 80 % in the display's mix", async () =>
      Math.abs((await numberAttribute(mix, "data-vocal-level")) - 0.8) < 0.02, 10_000);
    await shots.take(controller, "controller-vocal-80");

    // A second song, so there is a queue to compare across phones.
    await addSong(controller, "chorus demo", "Chorus Demo");
    await until("the song to be queued", async () => (await queueTexts(controller)).length === 1, 10_000);
    const second = await openController(await browser.newContext(PHONE), shots, "second-controller");
    await until("the second phone to show the same queue", async () =>
      JSON.stringify(await queueIds(second)) === JSON.stringify(await queueIds(controller)), 10_000);
    assert.match((await queueTexts(second))[0], /Chorus Demo/);
    assert.match((await queueTexts(second))[0], /Ann/);
    await second.close();

    await controller.locator("[data-testid=play-pause]").click();
    await display.locator("[data-testid=now-playing][data-play-state=paused]").waitFor({ timeout: 10_000 });
    const pausedAt = await numberAttribute(nowPlaying, "data-audio-time");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.ok(Math.abs((await numberAttribute(nowPlaying, "data-audio-time")) - pausedAt) < 0.05,
      "the audio clock stands still while paused");
    await shots.take(display, "display-paused");
    await shots.take(controller, "controller-paused");
  });

  it("uploads a file on the library page to a finished import that can be found", async () => {
    const shots = new Screenshots("library upload");
    const page = await (await browser.newContext(DESKTOP)).newPage();
    await page.goto(`${server.url}/library`);
    await page.locator("[data-testid=connection-status][data-state=online]").waitFor({ timeout: 15_000 });
    await shots.take(page, "library");
    await assertAccessible(page, "the library page");

    const file = join(server.dataDir, "Sunset Serenade.wav");
    writeFileSync(file, melodyWav(6));
    await page.locator("input[data-testid=upload-input]").setInputFiles(file);
    const upload = page.locator("[data-testid=upload-item]", { hasText: "Sunset Serenade" }).locator("[role=progressbar]");
    await until("the upload's progress bar to reach 100 %", async () =>
      (await numberAttribute(upload, "aria-valuenow")) === 100, 30_000);
    const job = page.locator("[data-testid=job-item]", { hasText: "Sunset Serenade" });
    await job.first().waitFor({ timeout: 15_000 });
    await shots.take(page, "uploading");
    await page.locator("[data-testid=job-item][data-status=completed]", { hasText: "Sunset Serenade" })
      .waitFor({ timeout: 90_000 });
    assert.equal(await numberAttribute(job.locator("[role=progressbar]").first(), "aria-valuenow"), 100);
    await shots.take(page, "imported");

    await controller.locator("[data-testid=search-input]").fill("sunset serenade");
    await controller.locator("[data-testid=search-result]", { hasText: "Sunset Serenade" }).first().waitFor({ timeout: 15_000 });
    await shots.take(controller, "found-upload");
    await page.close();
  });

  it("plays a live music share pushed to a phone, with its title, until the broadcaster stops", async () => {
    const shots = new Screenshots("share listener");
    const share = (path, body) => fetch(`${server.url}/api/share${path}`, {
      method: "POST",
      headers: { Authorization: SHARE_TOKEN, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal((await share("/start", { sessionId: "424242" })).status, 200);
    const metadata = () => share("/424242/metadata", {
      title: "Evening Broadcast", artist: "DJ Test", lyrics: null, hasSyncedLyrics: false,
      elapsedSeconds: 1, totalSeconds: 180, thumbnailData: null, timestamp: Date.now(),
    });
    await metadata();
    let sequence = 0;
    const chunk = sinePcm(0.25).toString("base64");
    const broadcaster = setInterval(() => {
      sequence += 1;
      void share("/424242/audio", {
        data: chunk, sampleRate: 44_100, channels: 2, timestamp: Date.now(), sequenceNumber: sequence, format: "pcm_f32le",
      });
      if (sequence % 4 === 0) void metadata();
    }, 250);
    try {
      const page = await (await browser.newContext(PHONE)).newPage();
      await page.goto(`${server.url}/share`);
      await page.locator("[data-testid=share-code]").fill("424242");
      await page.locator("[data-testid=share-code]").press("Enter");
      await page.locator("[data-testid=share-title]", { hasText: "Evening Broadcast" }).waitFor({ timeout: 15_000 });
      assert.equal(await page.locator("[data-testid=share-artist]").innerText(), "DJ Test");
      const audio = page.locator("[data-testid=share-audio]");
      await until("the pushed audio to play", async () => (await numberAttribute(audio, "data-chunks-played")) >= 8, 15_000);
      await shots.take(page, "share-playing");
      await assertAccessible(page, "the share listener on a phone");

      clearInterval(broadcaster);
      assert.equal((await share("/424242/stop")).status, 200);
      await page.locator("[data-testid=share-ended]").waitFor({ timeout: 10_000 });
      await shots.take(page, "share-ended");
      await page.close();
    } finally {
      clearInterval(broadcaster);
    }
  });

  it("shows the reconnect status while the server is down and the same queue once it is back", async () => {
    const shots = new Screenshots("server restart");
    await controller.locator("[data-testid=search-input]").fill("");
    const before = await queueTexts(controller);
    assert.equal(before.length, 1);

    await server.kill();
    const status = controller.locator("[data-testid=connection-status]");
    await until("the phone to show that the connection is lost", async () =>
      (await status.getAttribute("data-state")) === "offline", 15_000);
    await display.locator("[data-testid=connection-status][data-state=offline]").waitFor({ timeout: 15_000 });
    await shots.take(controller, "controller-offline");
    await shots.take(display, "display-offline");

    await server.start();
    await controller.locator("[data-testid=connection-status][data-state=online]").waitFor({ timeout: 45_000 });
    await display.locator("[data-testid=connection-status][data-state=online]").waitFor({ timeout: 45_000 });
    await until("the same queue after the restart", async () =>
      JSON.stringify(await queueTexts(controller)) === JSON.stringify(before), 10_000);
    await shots.take(controller, "controller-back");
    await shots.take(display, "display-back");
  });
});
