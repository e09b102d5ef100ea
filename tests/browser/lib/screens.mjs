// Screenshots of every view at the office screen's size and a phone's, for a person to look at.

import path from 'node:path';
import fs from 'node:fs';

export const sizes = [
    { name: 'desktop', width: 1366, height: 768 },
    { name: 'phone', width: 390, height: 844 },
];

export const views = ['tong-quan', 'thu-vien', 'lich-phat', 'khan-cap', 'nhat-ky', 'bao-cao', 'quan-tam', 'tai-khoan', 'cai-dat', 'huong-dan'];

// `context` is logged in already. Writes <out>/<size>-<view>.png (full page) and returns the files.
export async function shootAll(browser, baseUrl, storageState, out) {
    fs.mkdirSync(out, { recursive: true });
    const files = [];
    for (const size of sizes) {
        const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, storageState, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
        const page = await context.newPage();
        for (const view of views) {
            await page.goto(`${baseUrl}/#/${view}`);
            await page.waitForSelector('.view[data-ready=true]');
            const file = path.join(out, `${size.name}-${view}.png`);
            await page.screenshot({ path: file, fullPage: true });
            files.push(file);
        }
        await context.close();
    }
    return files;
}

export async function shootLogin(browser, baseUrl, out) {
    fs.mkdirSync(out, { recursive: true });
    const files = [];
    for (const size of sizes) {
        const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
        const page = await context.newPage();
        await page.goto(baseUrl);
        await page.waitForSelector('.login-box');
        const file = path.join(out, `${size.name}-dang-nhap.png`);
        await page.screenshot({ path: file });
        files.push(file);
        await context.close();
    }
    return files;
}
