// Live updates from the daemon: one EventSource on /api/events; views subscribe to `status`
// and `journal` events. The browser reconnects by itself; the page shows when it is offline.

import { paths } from './endpoints.js';

const handlers = new Map();
let source = null;

function dispatch(type, ev) {
    let data = null;
    try {
        data = JSON.parse(ev.data);
    } catch {
        return;
    }
    (handlers.get(type) || []).forEach((fn) => fn(data));
}

function setLive(on) {
    const badge = document.getElementById('updates');
    if (!badge) return;
    badge.dataset.on = on ? 'true' : 'false';
    // Not "Trực tiếp": that is the live-session panel's word (reading into the microphone).
    badge.textContent = on ? 'Tự cập nhật' : 'Mất kết nối, không tự cập nhật';
}

export function connect() {
    if (source) return;
    source = new EventSource(paths.events);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    for (const type of ['status', 'journal']) source.addEventListener(type, (ev) => dispatch(type, ev));
}

export function disconnect() {
    source?.close();
    source = null;
    setLive(false);
}

// Returns the function that unsubscribes.
export function on(type, fn) {
    if (!handlers.has(type)) handlers.set(type, []);
    handlers.get(type).push(fn);
    return () => handlers.set(type, handlers.get(type).filter((f) => f !== fn));
}
