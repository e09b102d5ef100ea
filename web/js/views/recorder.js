// Record an announcement with the PC's microphone (MediaRecorder), listen to it, then send it
// through the same upload as a file.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { h, field, toast, showError, clearErrors, formError } from '../dom.js';

function pickType() {
    for (const t of ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/mp4'])
        if (window.MediaRecorder && MediaRecorder.isTypeSupported(t)) return t;
    return '';
}

export function recorderPanel(onDone) {
    const start = h('button', { type: 'button', class: 'danger' }, '● Bắt đầu ghi âm');
    const stop = h('button', { type: 'button', disabled: true }, '■ Dừng');
    const clock = h('span', { class: 'rec-indicator', hidden: true, role: 'timer' }, '0:00');
    const preview = h('audio', { controls: true, hidden: true, 'aria-label': 'Nghe lại bản ghi âm' });
    const title = h('input', { name: 'title', value: '' });
    const save = h('button', { type: 'submit', class: 'primary', disabled: true }, 'Lưu vào thư viện');
    const bar = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Tiến độ tải bản ghi âm' });
    const form = h('form', { novalidate: true }, field('Tên bản ghi', title), formError(), h('div', { class: 'actions' }, save), bar);
    let recorder = null;
    let blob = null;
    let startedAt = 0;
    let timer = null;

    start.addEventListener('click', async () => {
        clearErrors(form);
        if (!navigator.mediaDevices?.getUserMedia || !window.MediaRecorder) {
            showError(form, { message: 'Trình duyệt này không ghi âm được. Hãy dùng Chrome, Edge hoặc Firefox bản mới.' });
            return;
        }
        let stream;
        try {
            stream = await navigator.mediaDevices.getUserMedia({ audio: true });
        } catch {
            showError(form, { message: 'Không dùng được micrô. Hãy cho phép trang này dùng micrô rồi thử lại.' });
            return;
        }
        const type = pickType();
        recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
        const chunks = [];
        recorder.ondataavailable = (ev) => ev.data.size && chunks.push(ev.data);
        recorder.onstop = () => {
            stream.getTracks().forEach((t) => t.stop());
            blob = new Blob(chunks, { type: recorder.mimeType || type || 'audio/webm' });
            preview.src = URL.createObjectURL(blob);
            preview.hidden = false;
            save.disabled = false;
            clearInterval(timer);
            clock.hidden = true;
        };
        recorder.start(250);
        startedAt = Date.now();
        clock.hidden = false;
        clock.textContent = '0:00';
        timer = setInterval(() => (clock.textContent = fmt.duration(Date.now() - startedAt)), 500);
        start.disabled = true;
        stop.disabled = false;
        save.disabled = true;
        if (!title.value) title.value = `Thông báo ghi âm ${fmt.dateTime(new Date())}`;
    });

    stop.addEventListener('click', () => {
        recorder?.stop();
        stop.disabled = true;
        start.disabled = false;
    });

    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        if (!blob) return;
        clearErrors(form);
        const ext = blob.type.includes('ogg') ? 'ogg' : blob.type.includes('mp4') ? 'm4a' : 'webm';
        const name = `${(title.value.trim() || 'ghi-am').replace(/[\\/:*?"<>|]/g, '-')}.${ext}`;
        bar.hidden = false;
        save.disabled = true;
        try {
            await api.upload(paths.media, blob, name, { query: { title: title.value.trim(), form: 'thong_bao' }, onProgress: (p) => (bar.value = p) });
            toast('Đã lưu bản ghi âm vào thư viện.', 'ok');
            blob = null;
            preview.hidden = true;
            title.value = '';
            onDone();
        } catch (err) {
            save.disabled = false;
            showError(form, err);
        } finally {
            bar.hidden = true;
        }
    });

    return h(
        'div',
        { class: 'panel' },
        h('h2', {}, 'Ghi âm bằng micrô'),
        h('p', { class: 'muted' }, 'Đọc thông báo vào micrô của máy tính, nghe lại, rồi lưu.'),
        h('div', { class: 'actions' }, start, stop, clock),
        preview,
        form,
    );
}
