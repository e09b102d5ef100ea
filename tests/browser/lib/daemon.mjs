// Starts the real loaphuongd on a temporary configuration (temp SQLite file, media folder, a
// `null` output and a `file` output, HTTP on a free loopback port) after creating its admin
// account with `loaphuong user add`, and waits until it answers over HTTP.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function freePort() {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.once('error', reject);
        s.listen(0, '127.0.0.1', () => {
            const { port } = s.address();
            s.close(() => resolve(port));
        });
    });
}

// The [http] table: `listen` on a loopback port, the page's files from this checkout's web/.
export function configText(dir, port, webDir, publicPort) {
    return `[daemon]
database = "${dir}/lp.db"
media_dir = "${dir}/media"
time_zone = "Asia/Ho_Chi_Minh"
log_level = "info"

[organisation]
parent_body = "UBND PHƯỜNG AN HẢI"
issuing_body = "TRUNG TÂM DỊCH VỤ SỰ NGHIỆP CÔNG"
place = "An Hải"

[[output]]
name = "loa"
kind = "null"

[[output]]
name = "ghi-am"
kind = "file"
path = "${dir}/air.wav"

[http]
listen = "127.0.0.1:${port}"
${webDir ? `assets_dir = "${webDir}"\n` : ''}
[public]
listen = "127.0.0.1:${publicPort}"
base_url = "http://127.0.0.1:${publicPort}"
`;
}

// The daemon or CLI of this build lacks a part the page needs (before the HTTP server and the
// accounts are merged): the test is skipped and says why, never passed.
export class Missing extends Error {}

export class Daemon {
    constructor({ daemon, cli, webDir, admin, password, slowdown = 1 }) {
        this.binary = daemon;
        this.slowdown = slowdown;
        this.cliBinary = cli;
        this.webDir = webDir;
        this.admin = admin;
        this.password = password;
        this.log = '';
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-browser-'));
        fs.mkdirSync(path.join(this.dir, 'media'));
    }

    cli(...args) {
        const r = spawnSync(this.cliBinary, ['--config', this.config, ...args], { encoding: 'utf8', env: process.env });
        if (r.status !== 0) throw new Error(`loaphuong ${args.join(' ')} exited ${r.status}: ${r.stdout}${r.stderr}`);
        return r.stdout;
    }

    async start() {
        this.port = await freePort();
        this.base = `http://127.0.0.1:${this.port}`;
        this.publicPort = await freePort();
        this.publicBase = `http://127.0.0.1:${this.publicPort}`;
        this.config = path.join(this.dir, 'loaphuong.toml');
        fs.writeFileSync(this.config, configText(this.dir, this.port, this.webDir, this.publicPort));
        const check = spawnSync(this.binary, ['--config', this.config, '--check-config'], { encoding: 'utf8' });
        if (check.status !== 0) {
            const why = `${check.stdout}${check.stderr}`.trim();
            if (/\bhttp\b/.test(why)) throw new Missing(`this loaphuongd has no HTTP server ([http] refused: ${why})`);
            throw new Error(`loaphuongd --check-config refused the test configuration: ${why}`);
        }
        const help = spawnSync(this.cliBinary, ['user', '--help'], { encoding: 'utf8' });
        if (help.status !== 0) throw new Missing(`this loaphuong CLI has no "user add" (${(help.stdout + help.stderr).trim().split('\n')[0]})`);
        const pwFile = path.join(this.dir, 'admin.pw');
        fs.writeFileSync(pwFile, `${this.password}\n`, { mode: 0o600 });
        this.cli('user', 'add', this.admin, '--role', 'admin', '--password-file', pwFile);
        this.child = spawn(this.binary, ['--config', this.config], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
        this.child.stdout.on('data', (d) => (this.log += d));
        this.child.stderr.on('data', (d) => (this.log += d));
        this.exited = new Promise((resolve) => this.child.on('exit', (code, sig) => resolve(code ?? sig)));
        await this.waitHttp(30000 * this.slowdown);
    }

    // Polls GET /api/me until the server answers (401 when not logged in), with a deadline.
    async waitHttp(timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        let last = '';
        while (Date.now() < deadline) {
            if (this.child.exitCode !== null) throw new Error(`loaphuongd exited (${this.child.exitCode}) before serving HTTP:\n${this.log}`);
            try {
                const r = await fetch(`${this.base}/api/me`);
                if (r.status === 401 || r.status === 200) return;
                last = `status ${r.status}`;
            } catch (e) {
                last = String(e.cause?.code || e);
            }
            await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`loaphuongd did not answer on ${this.base} within ${timeoutMs} ms (${last}):\n${this.log}`);
    }

    // Stops the daemon with SIGTERM and says how it ended: '' when it had run all along and
    // exited 0 with no sanitizer report, else why not (it died during the steps, was killed
    // after 10 s (30 s under sanitizers), exited non-zero or a sanitizer reported something, as under ASan in CI).
    async stop() {
        let problem = '';
        if (this.child) {
            if (this.child.exitCode !== null || this.child.signalCode !== null)
                problem = `loaphuongd ended during the test (${this.child.exitCode ?? this.child.signalCode})`;
            else {
                this.child.kill('SIGTERM');
                const t = setTimeout(() => this.child.kill('SIGKILL'), 10000 * this.slowdown);
                const end = await this.exited;
                clearTimeout(t);
                if (end !== 0) problem = `loaphuongd did not stop cleanly on SIGTERM (${end})`;
            }
            const report = this.log.search(/ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:/);
            if (report >= 0) problem ||= 'a sanitizer reported an error in loaphuongd';
            if (problem && report >= 0) problem += `:\n${this.log.slice(report, report + 6000)}`;
        }
        if (!process.env.LP_KEEP_TMP) fs.rmSync(this.dir, { recursive: true, force: true });
        return problem;
    }

    tail(n = 40) {
        return this.log.split('\n').slice(-n).join('\n');
    }
}

// A short WAV of a pure tone (distinct frequencies: identical audio would dedupe to one item).
export function makeTone(dir, name, frequency, seconds = 3) {
    const file = path.join(dir, name);
    const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}`, '-ar', '48000', '-ac', '1', file]);
    if (r.status !== 0) throw new Error(`ffmpeg could not make ${name}: ${r.stderr}`);
    return file;
}
