// The operator's week in one browser session against the real daemon: log in, upload a
// recording (file chooser and drag-and-drop), approve it, put it in a slot, record from the
// (fake) microphone, fire an emergency from text and see its journal row arrive live on an
// open journal page, download the quarter's XLSX, and see a viewer's page without the
// controls it may not use. Then screenshots of every view at 1366×768 and 390×844.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browser.mjs';
import { Daemon, Missing, makeTone } from './daemon.mjs';
import { shootAll, shootLogin } from './screens.mjs';
import { interestSteps } from './interest.mjs';

const ADMIN = 'quantri';
const PASSWORD = 'mat-khau-thu-nghiem-1';
// How long a step waits for what it expects; --slowdown widens it for a sanitizer build.
let WAIT = 20000;

function check(cond, message) {
    if (!cond) throw new Error(message);
}

// Today in Viet Nam, and the quarter it falls in.
function vnToday() {
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date()).map((x) => [x.type, x.value]));
    return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute) };
}

async function login(page, base, name, password) {
    await page.goto(base);
    await page.locator('.login-box input[name=name]').fill(name);
    await page.locator('.login-box input[name=password]').fill(password);
    await page.locator('.login-box button[type=submit]').click();
    await page.locator('#main .view[data-ready=true]').waitFor({ timeout: WAIT });
}

async function toast(page, text) {
    await page.locator('.toast', { hasText: text }).first().waitFor({ timeout: WAIT });
}

async function card(page, title) {
    const c = page.locator('article.item', { hasText: title }).first();
    await c.waitFor({ timeout: WAIT });
    return c;
}

export async function runAll(opt) {
    const slowdown = Number(opt.slowdown || 1);
    WAIT = 20000 * slowdown;
    const out = path.resolve(opt.out);
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const daemon = new Daemon({ daemon: opt.daemon, cli: opt.cli, webDir: path.resolve(opt.web), admin: ADMIN, password: PASSWORD, slowdown });
    const results = { passed: 0, failed: 0, skipped: 0 };
    let browser;
    let micBrowser;
    const pageErrors = [];

    const step = async (name, page, fn) => {
        const t0 = Date.now();
        try {
            await fn();
            results.passed += 1;
            console.log(`ok   ${name} (${Date.now() - t0} ms)`);
        } catch (err) {
            results.failed += 1;
            console.log(`FAIL ${name}: ${err.message}`);
            if (page) await page.screenshot({ path: path.join(out, `failed-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
            console.log(`--- daemon log (tail) ---\n${daemon.tail()}\n---`);
        }
    };

    try {
        await daemon.start();
        console.log(`daemon on ${daemon.base}, temp ${daemon.dir}`);
        browser = await launch();
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
        context.setDefaultTimeout(30000 * slowdown);
        const page = await context.newPage();
        page.on('pageerror', (e) => pageErrors.push(String(e)));
        const base = daemon.base;
        const titleA = 'Thử nghiệm: hướng dẫn dịch vụ công trực tuyến';
        const toneA = makeTone(daemon.dir, 'huong-dan-dvc.wav', 523);
        const toneB = makeTone(daemon.dir, 'keo-tha.wav', 659);
        const emergencyText = 'Thông báo khẩn thử nghiệm: đề nghị bà con chú ý';

        await step('login screen refuses a wrong password with a message on the page', page, async () => {
            await page.goto(base);
            await page.locator('.login-box input[name=name]').fill(ADMIN);
            await page.locator('.login-box input[name=password]').fill('sai-mat-khau');
            await page.locator('.login-box button[type=submit]').click();
            const err = page.locator('.login-box .field-error:not([hidden]), .login-box .form-error:not([hidden])').first();
            await err.waitFor({ timeout: WAIT });
            const text = await err.textContent();
            check(/[à-ỹ]/i.test(text), `the refusal is not in Vietnamese: "${text}"`);
            check(await page.locator('#app').isHidden(), 'the app opened after a wrong password');
        });

        await step('log in as admin', page, async () => {
            await login(page, base, ADMIN, PASSWORD);
            check(await page.locator('#nav a[data-path=tai-khoan]').isVisible(), 'admin does not see Tài khoản');
            check((await page.locator('#who').textContent()).includes(ADMIN), 'the account name is not shown');
        });

        await step('upload a recording with the file chooser, with progress', page, async () => {
            await page.goto(`${base}/#/thu-vien`);
            await page.locator('.dropzone').waitFor();
            await page.locator('input[type=file]').setInputFiles(toneA);
            const row = page.locator('.upload-row', { hasText: 'huong-dan-dvc.wav' });
            await row.locator('span', { hasText: 'Xong' }).waitFor({ timeout: WAIT });
            check(Number(await row.locator('progress').evaluate((p) => p.value)) === 1, 'the progress bar did not reach the end');
            const c = await card(page, 'huong-dan-dvc');
            // name it as the operator would
            await c.locator('summary', { hasText: 'Sửa thông tin' }).click();
            await c.locator('input[name=title]').fill(titleA);
            for (const box of await c.locator('input[name=topics]').all()) await box.setChecked((await box.getAttribute('value')) === 'm');
            await c.locator('select[name=form]').selectOption('tin');
            await c.locator('button[type=submit]').click();
            await toast(page, 'Đã lưu.');
            await card(page, titleA);
        });

        await step('upload by drag and drop', page, async () => {
            const b64 = fs.readFileSync(toneB).toString('base64');
            const dt = await page.evaluateHandle((data) => {
                const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
                const t = new DataTransfer();
                t.items.add(new File([bytes], 'keo-tha.wav', { type: 'audio/wav' }));
                return t;
            }, b64);
            await page.locator('.dropzone').dispatchEvent('dragover', { dataTransfer: dt });
            await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: dt });
            await page.locator('.upload-row', { hasText: 'keo-tha.wav' }).locator('span', { hasText: 'Xong' }).waitFor({ timeout: WAIT });
            await card(page, 'keo-tha');
        });

        await step('listen in the browser', page, async () => {
            const c = await card(page, titleA);
            const audio = c.locator('audio');
            const duration = await audio.evaluate(async (a) => {
                a.preload = 'auto';
                a.load();
                await new Promise((resolve, reject) => {
                    a.onloadedmetadata = resolve;
                    a.onerror = () => reject(new Error(`audio error ${a.error?.code}`));
                });
                return a.duration;
            });
            check(duration > 2.5 && duration < 3.5, `the listen URL plays ${duration} s, expected 3 s`);
        });

        await step('approve it', page, async () => {
            const c = await card(page, titleA);
            await c.locator('button', { hasText: 'Duyệt' }).click();
            await page.locator('dialog textarea[name=comment]').fill('Nội dung đúng, cho phát.');
            await page.locator('dialog button', { hasText: 'Duyệt' }).click();
            await toast(page, 'Đã duyệt.');
            await (await card(page, titleA)).locator('.badge', { hasText: 'Đã duyệt' }).waitFor({ timeout: WAIT });
        });

        await step('put it in a slot (overlaps confirmed) and see it in the preview', page, async () => {
            await page.goto(`${base}/#/lich-phat`);
            await page.locator('button', { hasText: 'Thêm khung giờ' }).click();
            const now = vnToday();
            const later = Math.min(23 * 60 + 58, now.hour * 60 + now.minute + 90);
            const hhmm = `${String(Math.floor(later / 60)).padStart(2, '0')}:${String(later % 60).padStart(2, '0')}`;
            const form = page.locator('form', { hasText: 'Khung giờ mới' });
            await form.locator('input[name=name]').fill('Bản tin thử nghiệm');
            await form.locator('input[name=start]').fill(hhmm);
            await form.locator('input[name=length]').fill('10');
            for (const box of await form.locator('fieldset[data-field=days] input[type=checkbox]').all()) await box.check();
            await form.locator('button', { hasText: 'Thêm dòng' }).click();
            const line = form.locator('.programme-line').last();
            await line.locator('select[name=kind]').selectOption('fixed');
            const option = await line.locator('select[name=item] option', { hasText: titleA }).getAttribute('value');
            await line.locator('select[name=item]').selectOption(option);
            await form.locator('button', { hasText: 'Kiểm tra và lưu' }).click();
            // a conflict list asks for a second press; none means it is saved
            const saved = page.locator('.toast', { hasText: 'Đã lưu khung giờ.' });
            await Promise.race([saved.waitFor({ timeout: WAIT }), form.locator('.conflict').first().waitFor({ timeout: WAIT })]);
            if (!(await saved.count())) await form.locator('button', { hasText: 'Kiểm tra và lưu' }).click();
            await saved.first().waitFor({ timeout: WAIT });
            await page.locator('.slot-chip', { hasText: 'Bản tin thử nghiệm' }).first().waitFor({ timeout: WAIT });
            // a second slot at the same time overlaps: refused (409) with the overlap listed, then
            // saved by a second press; its item not approved is a note shown after saving
            await page.locator('button', { hasText: 'Thêm khung giờ' }).click();
            await form.locator('input[name=name]').fill('Khung giờ trùng');
            await form.locator('input[name=start]').fill(hhmm);
            await form.locator('input[name=length]').fill('10');
            await form.locator('button', { hasText: 'Thêm dòng' }).click();
            const other = await form.locator('.programme-line').last().locator('select[name=item] option', { hasText: 'keo-tha' }).getAttribute('value');
            await form.locator('.programme-line').last().locator('select[name=item]').selectOption(other);
            await form.locator('button', { hasText: 'Kiểm tra và lưu' }).click();
            await form.locator('.conflict', { hasText: 'Bản tin thử nghiệm' }).first().waitFor({ timeout: WAIT });
            check((await page.locator('.slot-chip', { hasText: 'Khung giờ trùng' }).count()) === 0, 'an overlapping slot was saved without confirmation');
            await form.locator('button', { hasText: 'Kiểm tra và lưu' }).click();
            await page.locator('.notes .note', { hasText: 'keo-tha' }).first().waitFor({ timeout: WAIT });
            await page.locator('.slot-chip', { hasText: 'Khung giờ trùng' }).first().waitFor({ timeout: WAIT });
            if (later > now.hour * 60 + now.minute) {
                const today = page.locator('.day.today button', { hasText: 'Xem trước' });
                await today.click();
                await page.locator('.pick', { hasText: 'Bản tin thử nghiệm' }).locator('li', { hasText: titleA }).waitFor({ timeout: WAIT });
                await page.locator('.pick', { hasText: 'Khung giờ trùng' }).locator('.skipped li', { hasText: 'keo-tha' }).waitFor({ timeout: WAIT });
            }
        });

        if (process.env.LP_NO_MIC) results.skipped += 1;
        else
            await step('record an announcement with the (fake) microphone', null, async () => {
                micBrowser = await launch({ microphone: true });
                const mc = await micBrowser.newContext({ viewport: { width: 1366, height: 768 }, permissions: ['microphone'] });
                const mp = await mc.newPage();
                await login(mp, base, ADMIN, PASSWORD);
                await mp.goto(`${base}/#/thu-vien`);
                await mp.locator('button', { hasText: 'Bắt đầu ghi âm' }).click();
                // the recording's own clock, not a sleep: two seconds of sound
                await mp.waitForFunction(() => /^0:0[2-9]$/.test(document.querySelector('.rec-indicator')?.textContent || ''), null, { timeout: WAIT });
                await mp.locator('button', { hasText: 'Dừng' }).click();
                await mp.locator('audio[aria-label="Nghe lại bản ghi âm"]:not([hidden])').waitFor({ timeout: WAIT });
                await mp.locator('input[name=title]').first().fill('Thông báo ghi âm thử nghiệm');
                await mp.locator('button', { hasText: 'Lưu vào thư viện' }).click();
                await toast(mp, 'Đã lưu bản ghi âm vào thư viện.');
                await card(mp, 'Thông báo ghi âm thử nghiệm');
                await mc.close();
            });

        const journalPage = await context.newPage();
        await step('open the journal and keep it open', journalPage, async () => {
            await journalPage.goto(`${base}/#/nhat-ky`);
            await journalPage.locator('table tbody').waitFor();
            await journalPage.waitForFunction(() => document.getElementById('updates')?.dataset.on === 'true', null, { timeout: WAIT });
            // The connection badge says what it is, not "Trực tiếp" (the live session's word).
            const badge = (await journalPage.locator('#updates').textContent()).trim();
            check(badge === 'Tự cập nhật', `the updates badge reads '${badge}'`);
        });
        const rowsBefore = await journalPage.locator('tbody tr[data-id]').count();

        await step('fire an emergency from text (one step with a confirmation)', page, async () => {
            await page.goto(`${base}/#/khan-cap`);
            await page.locator('textarea[name=text]').fill(emergencyText);
            await page.locator('button', { hasText: 'Phát khẩn cấp ngay' }).click();
            await page.locator('dialog', { hasText: emergencyText.slice(0, 30) }).waitFor();
            await page.locator('dialog button', { hasText: 'Phát ngay' }).click();
            await toast(page, 'khẩn cấp');
        });

        await step('the emergency journal row appears live on the open journal page', journalPage, async () => {
            await journalPage.waitForFunction((n) => document.querySelectorAll('tbody tr[data-id]').length > n, rowsBefore, { timeout: 60000 * slowdown });
            const row = journalPage.locator('tbody tr[data-id]').first();
            const id = await row.getAttribute('data-id');
            check(/^\d+$/.test(id), `the new row has no id (${id})`);
            check((await row.locator('td').first().textContent()).trim() === id, 'the row id is not shown in the first column');
        });

        await step('live: the microphone refused at its field with the reason, a relay started, shown on, then stopped', page, async () => {
            await page.goto(`${base}/#/khan-cap`);
            const panel = page.locator('.live-panel');
            await panel.locator('input[name=by]').fill('Nguyễn Văn An');
            await panel.locator('button', { hasText: 'Bắt đầu trực tiếp' }).click();
            // no sound card here: ALSA's "default" capture does not open
            const err = panel.locator('.field[data-field=source] .field-error:not([hidden])');
            await err.waitFor({ timeout: WAIT });
            check(/Thiết bị thu âm/.test(await err.textContent()), `the refusal does not name the capture device: ${await err.textContent()}`);
            await panel.locator('select[name=source]').selectOption('url');
            await panel.locator('input[name=url]').fill('http://127.0.0.1:9/vov1');
            await panel.locator('input[name=title]').fill('Tiếp sóng thử nghiệm');
            await panel.locator('button', { hasText: 'Bắt đầu trực tiếp' }).click();
            await panel.locator('.live-on', { hasText: 'Tiếp sóng thử nghiệm' }).waitFor({ timeout: WAIT });
            await page.screenshot({ path: path.join(out, 'desktop-truc-tiep.png'), fullPage: true });
            await panel.locator('button', { hasText: 'Dừng trực tiếp' }).click();
            await page.locator('dialog button', { hasText: 'Dừng trực tiếp' }).click();
            await panel.locator('p', { hasText: 'Không có buổi trực tiếp nào đang phát.' }).waitFor({ timeout: WAIT });
        });

        await step('journal: a manual entry (the refusal shown at its field), then a correction of its title only', journalPage, async () => {
            const dmy = (d) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
            const f = journalPage.locator('details', { hasText: 'Thêm dòng nhật ký thủ công' });
            await f.locator('summary').click();
            await f.locator('input[name=date]').fill(dmy(new Date(Date.now() + 2 * 86400e3)));
            await f.locator('input[name=start]').fill('07:00');
            await f.locator('input[name=title]').fill('Đọc trực tiếp thông báo thử nghiệm');
            await f.locator('select[name=topic]').selectOption('e');
            await f.locator('button[type=submit]').click();
            const err = f.locator('.field:is([data-field=start],[data-field=date]) .field-error:not([hidden])');
            await err.waitFor({ timeout: WAIT });
            check(/[à-ỹ]/i.test(await err.textContent()), 'the refusal is not in Vietnamese');
            await f.locator('input[name=date]').fill(dmy(new Date(Date.now() - 86400e3)));
            await f.locator('button[type=submit]').click();
            await toast(journalPage, 'Đã thêm dòng nhật ký.');
            // the filter shows the last seven days: yesterday's row is listed
            const row = journalPage.locator('tbody tr[data-id]', { hasText: 'Đọc trực tiếp thông báo thử nghiệm' }).first();
            await row.waitFor({ timeout: WAIT });
            const id = await row.getAttribute('data-id');
            await row.locator('button', { hasText: 'Sửa' }).click();
            const d = journalPage.locator('dialog', { hasText: `Sửa dòng nhật ký ${id}` });
            await d.locator('input[name=title]').fill('Đọc trực tiếp thông báo tiêm chủng');
            await d.locator('textarea[name=reason]').fill('Ghi nhầm tên');
            await d.locator('button', { hasText: 'Lưu bản sửa' }).click();
            await toast(journalPage, 'Đã lưu bản sửa.');
            const fixed = journalPage.locator('tbody tr[data-id]', { hasText: `Sửa cho dòng ${id}` }).first();
            await fixed.waitFor({ timeout: WAIT });
            check((await fixed.textContent()).includes('Đọc trực tiếp thông báo tiêm chủng'), 'the correction does not carry the new title');
        });

        await step('the dashboard shows what is playing or just played, and the outputs', page, async () => {
            await page.goto(`${base}/#/tong-quan`);
            await page.locator('.health').first().waitFor({ timeout: WAIT });
            const names = await page.locator('.health strong').allTextContents();
            check(names.includes('loa') && names.includes('ghi-am'), `outputs shown: ${names.join(', ')}`);
        });

        await step("download the quarter's XLSX", page, async () => {
            const now = vnToday();
            await page.goto(`${base}/#/bao-cao`);
            await page.locator('select[name=kind]').selectOption('quarter');
            await page.locator('input[name=year]').fill(String(now.year));
            await page.locator('select[name=quarter]').selectOption(String(Math.ceil(now.month / 3)));
            const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 * slowdown }), page.locator('a[data-format=xlsx]').click()]);
            const file = path.join(out, `bao-cao-quy.xlsx`);
            await download.saveAs(file);
            const bytes = fs.readFileSync(file);
            check(bytes.length > 1000 && bytes.subarray(0, 2).toString() === 'PK', `not an XLSX (${bytes.length} bytes)`);
            const strings = spawnSync('unzip', ['-p', file, 'xl/sharedStrings.xml'], { encoding: 'utf8' }).stdout || '';
            check(strings.includes(`Quý ${['I', 'II', 'III', 'IV'][Math.ceil(now.month / 3) - 1]}`), 'the XLSX does not name the quarter');
            check(strings.includes('Thông báo khẩn') || strings.includes(titleA), 'the XLSX does not list the emergency or the recording');
        });

        await step("reports: the quarter's number and narrative written, saved and shown again", page, async () => {
            const now = vnToday();
            const q = ['I', 'II', 'III', 'IV'][Math.ceil(now.month / 3) - 1];
            const form = page.locator('#filing form');
            await page.locator('#filing h2', { hasText: `Quý ${q} năm ${now.year}` }).waitFor({ timeout: WAIT });
            await form.locator('input[name=number]').fill('12');
            await form.locator('textarea[name=achieved]').fill('Phát đủ các tin, bài cải cách hành chính theo kế hoạch.');
            await form.locator('textarea[name=shortcomings]').fill('Loa cụm 3 hỏng hai ngày.');
            await form.locator('button', { hasText: 'Lưu phần đánh giá' }).click();
            await toast(page, 'Đã lưu phần đánh giá.');
            // another period shows its own (empty) narrative, the quarter's comes back
            await page.locator('select[name=kind]').selectOption('year');
            await page.locator('#filing h2', { hasText: `Năm ${now.year}` }).waitFor({ timeout: WAIT });
            await page.waitForFunction(() => document.querySelector('#filing textarea[name=achieved]').value === '', null, { timeout: WAIT });
            await page.reload();
            await page.locator('select[name=kind]').selectOption('quarter');
            await page.locator('select[name=quarter]').selectOption(String(Math.ceil(now.month / 3)));
            await page.waitForFunction(() => document.querySelector('#filing textarea[name=shortcomings]').value === 'Loa cụm 3 hỏng hai ngày.', null, { timeout: WAIT });
            check((await form.locator('input[name=number]').inputValue()) === '12', 'the saved number is not shown again');
        });

        await step('reports: a period made now, its next due in words, a refused download shows why', page, async () => {
            const now = vnToday();
            const q = ['I', 'II', 'III', 'IV'][Math.ceil(now.month / 3) - 1];
            await page.locator('button', { hasText: 'Lập báo cáo ngay' }).click();
            await toast(page, `Đã lập báo cáo Quý ${q} năm ${now.year}`);
            // made within its period: named with the day its figures go up to
            const made = `nhat-ky-${now.year}Q${Math.ceil(now.month / 3)}-den-${now.year}-${String(now.month).padStart(2, '0')}-${String(now.day).padStart(2, '0')}`;
            await page.locator(`td a[data-name="${made}.xlsx"]`).first().waitFor({ timeout: WAIT });
            await page.locator(`td a[data-name="${made}.zip"]`).first().waitFor({ timeout: WAIT });
            const row = await page.locator('tr', { has: page.locator(`td a[data-name="${made}.xlsx"]`) }).first().textContent();
            check(row.includes(`(số liệu đến ${String(now.day).padStart(2, '0')}/${String(now.month).padStart(2, '0')}/${now.year})`), `the version made within the period does not say how far its figures go: "${row}"`);
            // the interest section's CSV sits in the same row, not as a period of its own
            const interestRow = await page.locator('tr', { has: page.locator(`td a[data-name="${made}-quan-tam.csv"]`) }).first().textContent();
            check(interestRow === row, `the interest CSV is not with its report: "${interestRow}"`);
            check(row.includes('CSV quan tâm'), `the interest CSV is not told apart: "${row}"`);
            const due = await page.locator('p', { hasText: 'Kỳ tiếp theo' }).textContent();
            check(/Quý [IV]+ năm \d{4}/.test(due), `the next report is not named in words: "${due}"`);
            await page.locator('select[name=kind]').selectOption('range');
            await page.locator('input[name=from]').fill(`31/12/${now.year}`);
            await page.locator('input[name=to]').fill(`01/01/${now.year}`);
            await page.locator('input[name=to]').dispatchEvent('input');
            await page.locator('a[data-format=csv]').click();
            const err = page.locator('.panel .form-error:not([hidden])').first();
            await err.waitFor({ timeout: WAIT });
            check(/[à-ỹ]/i.test(await err.textContent()), `the refusal is not in Vietnamese: "${await err.textContent()}"`);
        });

        await interestSteps({ step, browser, page, daemon, admin: ADMIN, password: PASSWORD });

        await step('admin adds a viewer account; the viewer sees no controls it may not use', page, async () => {
            await page.goto(`${base}/#/tai-khoan`);
            const f = page.locator('form', { hasText: 'Thêm tài khoản' });
            await f.locator('input[name=name]').fill('nguoixem');
            await f.locator('input[name=password]').fill('mat-khau-nguoi-xem');
            await f.locator('select[name=role]').selectOption('viewer');
            await f.locator('button[type=submit]').click();
            await toast(page, 'Đã thêm tài khoản.');
            const vc = await browser.newContext({ viewport: { width: 390, height: 844 } });
            const vp = await vc.newPage();
            await login(vp, base, 'nguoixem', 'mat-khau-nguoi-xem');
            check((await vp.locator('#nav a[data-path=tai-khoan]').count()) === 0, 'a viewer sees Tài khoản');
            await vp.goto(`${base}/#/thu-vien`);
            await card(vp, titleA);
            check((await vp.locator('.dropzone').count()) === 0, 'a viewer sees the upload');
            check((await vp.locator('article.item button', { hasText: 'Duyệt' }).count()) === 0, 'a viewer sees Duyệt');
            await vp.goto(`${base}/#/khan-cap`);
            await vp.locator('button', { hasText: 'Phát khẩn cấp ngay' }).waitFor();
            check(await vp.locator('button', { hasText: 'Phát khẩn cấp ngay' }).isDisabled(), 'a viewer may press the emergency button');
            // the server refuses what the page would not offer, and the page says so
            const status = await vp.evaluate(async () => (await fetch('/api/accounts')).status);
            check(status === 403, `GET /api/accounts as viewer answered ${status}`);
            await vp.goto(`${base}/#/tai-khoan`);
            await vp.locator('#view-title', { hasText: 'Tổng quan' }).waitFor({ timeout: WAIT });
            await vc.close();
        });

        await step('screenshots of every view at 1366×768 and 390×844', page, async () => {
            const files = [...(await shootLogin(browser, base, out)), ...(await shootAll(browser, base, await context.storageState(), out))];
            check(files.length === 22, `${files.length} screenshots`);
            console.log(`     screenshots in ${out}`);
        });

        await step('no script errors on the page', null, async () => {
            check(pageErrors.length === 0, pageErrors.join('\n'));
        });
    } catch (err) {
        if (err instanceof Missing) results.missing = err.message;
        else {
            results.failed += 1;
            console.log(`FAIL setup: ${err.message}`);
        }
    } finally {
        await micBrowser?.close().catch(() => {});
        await browser?.close().catch(() => {});
        const ended = await daemon.stop();
        if (ended) {
            results.failed += 1;
            console.log(`FAIL the daemon: ${ended}\n--- daemon log (tail) ---\n${daemon.tail()}\n---`);
        } else console.log('ok   the daemon ran through the steps and stopped cleanly on SIGTERM');
    }
    return results;
}
