// Run by the Maven build (server/pom.xml): installs the web app's packages with `npm ci` and builds
// it into web/dist, which Maven puts into the server jar as /web. Each step is skipped while its
// inputs are unchanged (the lock file; the sources and configuration), so rebuilding the server
// needs neither the registry nor the time. Needs the system node and npm.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL(".", import.meta.url));

function run(args) {
  const result = spawnSync("npm", args, { cwd: web, stdio: "inherit" });
  if (result.error?.code === "ENOENT") {
    console.error("npm is not installed: building the web app needs Node.js 20.19+ and npm on PATH"
      + " (on Debian: apt-get install nodejs npm).");
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`npm ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function hashFiles(paths) {
  const hash = createHash("sha256");
  const visit = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else {
      hash.update(path.slice(web.length)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  paths.forEach((path) => visit(join(web, path)));
  return hash.digest("hex");
}

const installStamp = join(web, "node_modules", ".installed-lock-sha256");
const lock = hashFiles(["package-lock.json"]);
if (existsSync(installStamp) && readFileSync(installStamp, "utf8") === lock) {
  console.log("web: node_modules is up to date with package-lock.json");
} else {
  run(["ci", "--no-audit", "--no-fund"]);
  writeFileSync(installStamp, lock);
}

const buildStamp = join(web, "dist", ".build-stamp");
const sources = hashFiles(["src", "public", "index.html", "vite.config.ts", "tsconfig.json", "package-lock.json"]);
if (existsSync(buildStamp) && readFileSync(buildStamp, "utf8") === sources) {
  console.log("web: dist is up to date with the sources");
} else {
  run(["run", "build"]);
  writeFileSync(buildStamp, sources);
}
