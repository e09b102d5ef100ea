// Residents' interest in the browser: a resident opens an item's page from its QR link on a
// phone, plays it (a 35 s item, so that more than 30 s is fetched), rates it with a comment
// holding markup and script; the operator approves it on the "Mức độ quan tâm" page and sees the
// listen, the QR scan and the rating there, the comment shown as text.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTone } from './daemon.mjs';

const WAIT = 20000;

function check(cond, message) {
    if (!cond) throw new Error(message);
}

// The API as a script would use it (the admin's session and its CSRF token).
async function session(base, name, password) {
    const res = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }) });
    check(res.ok, `login: ${res.status}`);
    const cookie = res.headers.get('set-cookie').split(';')[0];
    const { csrf } = await res.json();
    return async (method, path, body, type = 'application/json') => {
        const r = await fetch(`${base}${path}`, { method, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': type }, body });
        const text = await r.text();
        check(r.ok, `${method} ${path}: ${r.status} ${text}`);
        return JSON.parse(text);
    };
}

async function until(what, fn, ms = WAIT) {
    const deadline = Date.now() + ms;
    for (;;) {
        const got = await fn();
        if (got) return got;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 200));
    }
}

export async function interestSteps({ step, browser, page, daemon, admin, password }) {
    const base = daemon.base;
    const pub = daemon.publicBase;
    const title = 'Hỏi đáp: đăng ký khai sinh trực tuyến';
    const comment = '<b>Rất dễ hiểu</b><script>window.hacked=1</script> cảm ơn';
    let id;

    await step('interest: an item aired is on the public page (35 s, aired at once through the API)', page, async () => {
        const api = await session(base, admin, password);
        const wav = fs.readFileSync(makeTone(daemon.dir, 'khai-sinh.wav', 880, 35));
        const added = await api('POST', `/api/media?topic=m&form=phong_van&title=${encodeURIComponent(title)}`, wav, 'audio/wav');
        id = added.item.id;
        await api('POST', `/api/media/${id}/approve`, JSON.stringify({}));
        await api('POST', '/api/emergency', JSON.stringify({ item: id }));
        await until('the item on the public page', async () => (await (await fetch(`${pub}/`)).text()).includes(`/tin/${id}`));
    });

    await step('interest: a resident opens it from its QR link on a phone, plays it and rates it', page, async () => {
        const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, userAgent: 'Mozilla/5.0 (Linux; Android 13) dien-thoai-cu-dan' });
        const rp = await ctx.newPage();
        await rp.goto(`${pub}/tin/${id}?from=qr`);
        await rp.locator('h1', { hasText: title }).waitFor();
        // muted: a page may play without a gesture; the whole 35 s are fetched as it plays
        await rp.locator('audio').evaluate((a) => {
            a.muted = true;
            a.preload = 'auto';
            return a.play();
        });
        await until('30 s of the item fetched', () =>
            rp.locator('audio').evaluate((a) => a.buffered.length > 0 && a.buffered.end(a.buffered.length - 1) >= 30), 60000);
        await rp.locator('input[name=rating][value="5"]').check();
        await rp.locator('textarea[name=comment]').fill(comment);
        await rp.locator('button[type=submit]').click();
        await rp.waitForLoadState();
        check(!(await rp.evaluate(() => window.hacked)), 'the comment ran as script');
        await ctx.close();
    });

    await step('interest: approved on the operator page, the count and the rating show, the comment as text', page, async () => {
        await page.goto(`${base}/#/quan-tam`);
        const pending = page.locator('#feedback-pending li', { hasText: 'Rất dễ hiểu' });
        await pending.waitFor({ timeout: WAIT });
        check((await pending.locator('blockquote').textContent()) === comment, 'the pending comment is not shown as typed');
        check((await pending.locator('blockquote b, blockquote script').count()) === 0, 'the pending comment became markup');
        await pending.locator('button[data-action=approve]').click();
        await page.locator('.toast', { hasText: 'Đã duyệt ý kiến' }).first().waitFor({ timeout: WAIT });
        const row = page.locator('table.interest-items tr', { hasText: title });
        await until('listen, QR scan and rating in the table', async () => {
            await page.locator('select[name=kind]').dispatchEvent('change');
            await row.waitFor({ timeout: WAIT });
            const cells = await row.locator('td').allTextContents();
            // Hạng, title, airings, minutes, peak, mean, listens, QR, feedback, rating, score
            return cells[6] === '1' && cells[7] === '1' && cells[8] === '1' && cells[9] === '5,0' ? cells : null;
        });
        const shown = page.locator('#interest-report li.comment', { hasText: 'Rất dễ hiểu' });
        await shown.waitFor({ timeout: WAIT });
        check((await shown.locator('blockquote').textContent()) === comment, 'the approved comment is not shown as typed');
        check((await page.locator('#interest-report blockquote b').count()) === 0, 'the approved comment became markup');
        check(!(await page.evaluate(() => window.hacked)), 'the comment ran as script on the operator page');
        check((await page.locator('[data-list=most] li', { hasText: title }).count()) === 1, 'the item is not among the most heard');
    });

    await step('interest: the stream listeners counted while it aired show in its journal row', page, async () => {
        // The daemon writes these from an icecast output's /admin/stats (tested with a real
        // icecast2 in tests/e2e/StreamListenersE2ETest); here they are put beside the row to
        // check what the journal page makes of them.
        const sql = `.timeout 5000\nINSERT INTO airing_listeners (journal_id, output, peak, mean, samples) ` +
            `SELECT id, 'web', 12, 7.5, 4 FROM journal WHERE media_item_id = ${id} ORDER BY id LIMIT 1;\n`;
        const r = spawnSync('sqlite3', [path.join(daemon.dir, 'lp.db')], { input: sql, encoding: 'utf8' });
        check(r.status === 0, `sqlite3: ${r.stderr}`);
        await page.goto(`${base}/#/nhat-ky`);
        const row = page.locator('tbody tr[data-id]', { hasText: title }).first();
        await row.waitFor({ timeout: WAIT });
        await until('the listener figures in the row', async () =>
            (await row.textContent()).includes('Nghe trực tuyến qua web: cao nhất 12, trung bình 7,5'));
    });
}
