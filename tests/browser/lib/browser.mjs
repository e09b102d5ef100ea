// Launches Debian's chromium through playwright-core (no browser download).

import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.LP_CHROMIUM || '/usr/bin/chromium';

export function chromiumPresent() {
    return fs.existsSync(CHROMIUM);
}

export function launch({ microphone = false } = {}) {
    const args = [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
    ];
    if (microphone) args.push('--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream');
    return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}
