// The end-to-end tests, run by the Maven build after the server jar is packaged (server/pom.xml):
//   node e2e/run.mjs --java <java binary> --jar <chorus.jar>
// They need Debian's chromium (/usr/bin/chromium, or CHORUS_E2E_CHROMIUM). Screenshots go to
// artifacts/e2e/ at the top of the repository (CHORUS_E2E_ARTIFACTS to change it).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const options = {};
for (let index = 2; index < process.argv.length; index += 2) {
  options[process.argv[index].replace(/^--/, "")] = process.argv[index + 1];
}
const java = options.java ?? process.env.CHORUS_E2E_JAVA;
const jar = options.jar ?? process.env.CHORUS_E2E_JAR;
if (!java || !jar || !existsSync(jar)) {
  console.error("usage: node e2e/run.mjs --java <java binary> --jar <built chorus.jar>");
  process.exit(2);
}
const chromium = process.env.CHORUS_E2E_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`chromium is not installed at ${chromium}: the end-to-end tests need Debian's chromium`
    + " (apt-get install chromium), or CHORUS_E2E_CHROMIUM naming another Chromium.");
  process.exit(1);
}
const artifacts = process.env.CHORUS_E2E_ARTIFACTS ?? resolve(here, "..", "..", "artifacts", "e2e");
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=spec", join(here, "chorus.e2e.mjs")], {
  cwd: resolve(here, ".."),
  stdio: "inherit",
  env: { ...process.env, CHORUS_E2E_JAVA: java, CHORUS_E2E_JAR: resolve(jar), CHORUS_E2E_CHROMIUM: chromium, CHORUS_E2E_ARTIFACTS: artifacts },
});
console.log(`end-to-end screenshots: ${artifacts}`);
process.exit(result.status ?? 1);
