// Browser tests of the operator's page: Debian's chromium (playwright-core, no browser
// download) against the real loaphuongd over real HTTP. Exit 77 = skipped (no chromium, no
// binaries), reported as SKIPPED by ctest; 0 only when every step passed.
//
//   node run.mjs --daemon build/test/daemon/loaphuongd --cli build/test/cli/loaphuong \
//                --web web --out build/test/test-output/browser

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SKIP = 77;

function args() {
    const out = {};
    const a = process.argv.slice(2);
    for (let i = 0; i < a.length; i += 2) out[a[i].replace(/^--/, '')] = a[i + 1];
    return out;
}

function skip(why) {
    console.log(`SKIPPED: ${why}`);
    process.exit(SKIP);
}

// node_modules from the committed lock file: offline from npm's cache first, then the registry.
function ensureModules() {
    if (fs.existsSync(path.join(here, 'node_modules', 'playwright-core'))) return;
    for (const extra of [['--offline'], []]) {
        const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', ...extra], { cwd: here, stdio: 'inherit' });
        if (r.status === 0) return;
    }
    skip('npm ci could not install playwright-core (no npm cache and no registry)');
}

const opt = args();
for (const k of ['daemon', 'cli', 'web', 'out']) if (!opt[k]) {
    console.error(`run.mjs: --${k} is required`);
    process.exit(2);
}
for (const k of ['daemon', 'cli']) if (!fs.existsSync(opt[k])) skip(`${opt[k]} is not built`);
if (spawnSync('ffmpeg', ['-version']).status !== 0) skip('ffmpeg is not installed (it makes the test audio)');
ensureModules();

const { chromiumPresent, CHROMIUM } = await import('./lib/browser.mjs');
if (!chromiumPresent()) skip(`${CHROMIUM} is not installed (apt-get install chromium)`);
const { runAll } = await import('./lib/flow.mjs');
const { passed, failed, skipped, missing } = await runAll(opt);
if (missing && !passed && !failed) skip(missing);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
