// Trực tiếp, tiếp sóng: read live into the box's microphone or relay a station's stream now.
// It cuts in like an emergency and the programme resumes after "Dừng"; the journal records it
// by itself with the name given here and the seconds aired.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import { h, field, select, showError, clearErrors, formError, busy, toast, dialog, set } from '../dom.js';
import { can } from '../session.js';

const kindLabel = (k) => (k === 'truc_tiep' ? 'Trực tiếp' : 'Tiếp sóng');

export async function livePanel() {
    const allowed = can('emergency');
    const box = h('div', { class: 'panel live-panel' }, h('h2', {}, 'Trực tiếp, tiếp sóng'));
    const state = h('div', { class: 'live-state', 'aria-live': 'polite' });
    const source = select('source', [['mic', 'Micrô của máy (đọc trực tiếp)'], ['url', 'Tiếp sóng một đài (địa chỉ luồng)']], 'mic');
    const url = h('input', { name: 'url', type: 'url', placeholder: 'http://radio.example.vn/vov1.mp3' });
    const urlField = field('Địa chỉ luồng', url);
    urlField.hidden = true;
    const by = h('input', { name: 'by', autocomplete: 'name', placeholder: 'Ví dụ: Nguyễn Văn An' });
    const title = h('input', { name: 'title', placeholder: 'Để trống: “Trực tiếp: tên người đọc”' });
    const start = h('button', { type: 'submit', class: 'danger emergency-go' }, '● Bắt đầu trực tiếp');
    const stop = h('button', { type: 'button', class: 'danger emergency-go' }, '■ Dừng trực tiếp');
    const form = h('form', { class: 'live-form', novalidate: true },
        h('p', {}, 'Buổi trực tiếp ', h('strong', {}, 'cắt ngang'), ' bài đang phát; chương trình tiếp tục sau khi bấm Dừng. Nhật ký ghi riêng buổi này, tên người đọc và số giây đã phát.'),
        field('Nguồn', source), urlField, field('Người đọc / người bật tiếp sóng', by), field('Tên ghi trong nhật ký', title),
        formError(), h('div', { class: 'actions' }, start));
    source.addEventListener('change', () => {
        urlField.hidden = source.value !== 'url';
        title.placeholder = source.value === 'url' ? 'Để trống: “Tiếp sóng: địa chỉ luồng”' : 'Để trống: “Trực tiếp: tên người đọc”';
    });

    async function load() {
        let on = null;
        try {
            on = (await api.get(paths.live)).live;
        } catch (err) {
            return set(state, h('p', { class: 'form-error' }, err.message));
        }
        form.hidden = !!on;
        set(state, on
            ? [h('p', { class: 'live-on' }, h('strong', {}, `${kindLabel(on.kind)}: “${on.title}”`), ` — ${on.by}, từ ${on.since.time} ${on.since.date}`), h('div', { class: 'actions' }, stop)]
            : h('p', { class: 'muted' }, 'Không có buổi trực tiếp nào đang phát.'));
    }

    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(form);
        if (source.value === 'url' && !url.value.trim()) return showError(form, { field: 'url', message: 'Vui lòng nhập địa chỉ luồng.' });
        if (!by.value.trim()) return showError(form, { field: 'by', message: 'Vui lòng ghi tên người đọc hoặc người bật tiếp sóng.' });
        const body = { source: source.value === 'url' ? url.value.trim() : 'mic', by: by.value.trim() };
        if (title.value.trim()) body.title = title.value.trim();
        try {
            await busy(start, api.post(paths.live, body));
            toast(source.value === 'url' ? 'Đang tiếp sóng.' : 'Đang phát trực tiếp.', 'ok');
        } catch (err) {
            // the API names "source" for the stream's address
            showError(form, err.field === 'source' && source.value === 'url' ? { field: 'url', message: err.message } : err);
        }
        load();
    });

    stop.addEventListener('click', async () => {
        const ok = await dialog('Dừng trực tiếp', h('p', {}, 'Dừng buổi trực tiếp, tiếp sóng? Chương trình bị cắt sẽ phát tiếp.'), [
            { label: 'Hủy', value: '' },
            { label: 'Dừng trực tiếp', value: 'ok', class: 'danger' },
        ]);
        if (ok !== 'ok') return;
        try {
            await busy(stop, api.del(paths.live));
            toast('Đã dừng trực tiếp.', 'ok');
        } catch (err) {
            toast(err.message, 'error');
        }
        load();
    });

    if (!allowed) form.querySelectorAll('input,select,button').forEach((e) => (e.disabled = true));
    box.append(state, form);
    await load();
    return box;
}
