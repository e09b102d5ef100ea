// Drag-and-drop (or choose) audio files; each goes up with its own progress bar through the
// library's import, then the list reloads.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import { h, toast } from '../dom.js';

export function uploadPanel(onDone) {
    const input = h('input', { type: 'file', accept: 'audio/*,.mp3,.wav,.ogg,.m4a,.flac,.opus,.webm', multiple: true, hidden: true, 'aria-label': 'Chọn tệp âm thanh' });
    const rows = h('div', { 'aria-live': 'polite' });
    const zone = h(
        'div',
        { class: 'dropzone', tabindex: '0', role: 'button', 'aria-label': 'Tải tệp âm thanh lên: kéo thả vào đây hoặc nhấn để chọn tệp' },
        h('p', {}, h('strong', {}, 'Kéo thả tệp âm thanh vào đây')),
        h('p', { class: 'muted' }, 'hoặc nhấn để chọn tệp (MP3, WAV, OGG, M4A…)'),
    );
    zone.addEventListener('click', () => input.click());
    zone.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
            ev.preventDefault();
            input.click();
        }
    });
    zone.addEventListener('dragover', (ev) => {
        ev.preventDefault();
        zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (ev) => {
        ev.preventDefault();
        zone.classList.remove('over');
        send([...ev.dataTransfer.files]);
    });
    input.addEventListener('change', () => {
        send([...input.files]);
        input.value = '';
    });

    async function send(files) {
        for (const file of files) {
            const bar = h('progress', { max: 1, value: 0, 'aria-label': `Tiến độ tải ${file.name}` });
            const state = h('span', {}, 'Đang tải…');
            rows.append(h('div', { class: 'upload-row' }, h('span', {}, file.name), bar, state));
            try {
                const r = await api.upload(paths.media, file, file.name, { onProgress: (p) => (bar.value = p) });
                const item = r.item || r;
                bar.value = 1;
                state.textContent = r.duplicate ? 'Xong (đã có trong thư viện)' : 'Xong';
                toast(`Đã tải lên “${item.title || file.name}”.`, 'ok');
                onDone();
            } catch (err) {
                state.textContent = err.message;
                state.className = 'field-error';
            }
        }
    }

    return h('div', { class: 'panel' }, h('h2', {}, 'Tải tệp lên'), zone, input, rows);
}
