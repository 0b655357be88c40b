// Run by the Maven build before the tests: `npm ci` in this folder, unless node_modules was
// already installed from the same package-lock.json (so repeated builds need neither the
// registry nor the time).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const folder = new URL(".", import.meta.url);
const stamp = new URL("node_modules/.installed-lock-sha256", folder);
const lock = createHash("sha256").update(readFileSync(new URL("package-lock.json", folder))).digest("hex");

if (existsSync(stamp) && readFileSync(stamp, "utf8") === lock) {
  console.log("node_modules is up to date with package-lock.json");
  process.exit(0);
}
const npm = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: folder, stdio: "inherit" });
if (npm.error?.code === "ENOENT") {
  console.error("npm is not installed: the Socket.IO tests need Node.js 20+ and npm on PATH"
    + " (on Debian: apt-get install nodejs npm).");
  process.exit(1);
}
if (npm.status !== 0) {
  console.error(`npm ci failed (exit ${npm.status ?? npm.signal})`);
  process.exit(1);
}
writeFileSync(stamp, lock);
