// Phát khẩn cấp: one step — a recording or a typed text, the outputs, a confirmation, and it
// airs now. Also "Dừng phát" (stop now) and "Phát ngay sau bài đang phát" (next, no cut).

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import { h, field, select, showError, clearErrors, formError, busy, toast, dialog, set } from '../dom.js';
import * as fmt from '../format.js';
import { can } from '../session.js';
import { approvalOf } from './media.js';
import { livePanel } from './live.js';

export default async function emergency(root) {
    const allowed = can('emergency');
    const mayQueue = can('library');
    let items = [];
    let outputs = [];
    try {
        const [m, o] = await Promise.all([api.get(paths.media), api.get(paths.status)]);
        items = (Array.isArray(m) ? m : m.items || []).filter((it) => !it.retired && !it.retired_at);
        outputs = Array.isArray(o) ? o : o.outputs || [];
    } catch (err) {
        root.append(h('p', { class: 'form-error', role: 'alert' }, err.message));
    }

    let mode = 'text';
    const tabText = h('button', { type: 'button', role: 'tab', 'aria-selected': 'true', id: 'tab-text' }, 'Nhập văn bản');
    const tabItem = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false', id: 'tab-item' }, 'Chọn bản ghi có sẵn');
    const text = h('textarea', { name: 'text', rows: 5, placeholder: 'Ví dụ: Thông báo khẩn: do mưa lớn, đề nghị bà con…' });
    const item = select('item', [['', '— Chọn bản ghi —'], ...items.map((it) => [it.id, `#${it.id} ${it.title}${approvalOf(it) === 'approved' ? '' : ' (chưa duyệt)'}`])], '');
    const textPane = h('div', { role: 'tabpanel', 'aria-labelledby': 'tab-text' }, field('Nội dung thông báo (máy sẽ đọc thành tiếng)', text));
    const itemPane = h('div', { role: 'tabpanel', 'aria-labelledby': 'tab-item', hidden: true }, field('Bản ghi', item));
    const setMode = (m) => {
        mode = m;
        tabText.setAttribute('aria-selected', String(m === 'text'));
        tabItem.setAttribute('aria-selected', String(m === 'item'));
        textPane.hidden = m !== 'text';
        itemPane.hidden = m !== 'item';
    };
    tabText.addEventListener('click', () => setMode('text'));
    tabItem.addEventListener('click', () => setMode('item'));

    const outs = h(
        'fieldset',
        { class: 'field', dataset: { field: 'outputs' } },
        h('legend', {}, 'Phát ra'),
        h('div', { class: 'checks' }, outputs.length ? outputs.map((o) => h('label', {}, h('input', { type: 'checkbox', name: 'outputs', value: o.name, checked: true, dataset: { group: '1' } }), o.label || o.name)) : h('span', { class: 'muted' }, 'Tất cả đầu ra')),
        h('p', { class: 'field-error', role: 'alert', hidden: true }),
    );
    const go = h('button', { type: 'submit', class: 'danger emergency-go' }, 'Phát khẩn cấp ngay');
    const next = mayQueue ? h('button', { type: 'button', class: 'emergency-go' }, 'Phát ngay sau bài đang phát') : null;
    const form = h(
        'form',
        { class: 'panel emergency-panel', novalidate: true },
        h('p', {}, 'Bài khẩn cấp ', h('strong', {}, 'cắt ngang'), ' bài đang phát; chương trình tiếp tục sau đó. Mọi lệnh phát khẩn cấp được ghi lại kèm tên tài khoản.'),
        h('div', { class: 'tabs', role: 'tablist' }, tabText, tabItem),
        textPane,
        itemPane,
        outs,
        formError(),
        h('div', { class: 'actions' }, go, next),
    );

    function body() {
        const chosen = [...outs.querySelectorAll('input:checked')].map((c) => c.value);
        const b = chosen.length === outputs.length ? {} : { outputs: chosen };  // none named: all
        if (mode === 'text') b.text = text.value.trim();
        else b.item = item.value ? Number(item.value) : null;
        return b;
    }

    function localCheck() {
        if (mode === 'text' && !text.value.trim()) return { field: 'text', message: 'Vui lòng nhập nội dung thông báo.' };
        if (mode === 'item' && !item.value) return { field: 'item', message: 'Vui lòng chọn một bản ghi.' };
        if (outputs.length && !outs.querySelector('input:checked')) return { field: 'outputs', message: 'Chọn ít nhất một đầu ra.' };
        return null;
    }

    function summary() {
        return mode === 'text' ? `“${text.value.trim().slice(0, 160)}${text.value.trim().length > 160 ? '…' : ''}”` : item.selectedOptions[0]?.textContent;
    }

    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(form);
        const bad = localCheck();
        if (bad) return showError(form, bad);
        const ok = await dialog('Xác nhận phát khẩn cấp', h('div', {}, h('p', {}, 'Phát ngay, cắt ngang bài đang phát:'), h('p', {}, h('strong', {}, summary()))), [
            { label: 'Hủy', value: '' },
            { label: 'Phát ngay', value: 'ok', class: 'danger' },
        ]);
        if (ok !== 'ok') return;
        try {
            const r = await busy(go, api.post(paths.emergency, body()));
            toast(r.state === 'waiting' ? 'Đã gửi lệnh, đang chờ người duyệt đồng ý.' : 'Đang phát khẩn cấp.', 'ok');
            text.value = '';
        } catch (err) {
            showError(form, err);
        }
    });

    next?.addEventListener('click', async () => {
        clearErrors(form);
        const bad = localCheck();
        if (bad) return showError(form, bad);
        const ok = await dialog('Phát ngay sau bài đang phát', h('p', {}, 'Phát ', h('strong', {}, summary()), ' ngay khi bài đang phát kết thúc (không cắt ngang)?'), [
            { label: 'Hủy', value: '' },
            { label: 'Đồng ý', value: 'ok', class: 'primary' },
        ]);
        if (ok !== 'ok') return;
        try {
            const b = body();
            if (b.text !== undefined) {
                // play-next takes an item: the text is spoken into the library first
                const r = await busy(next, api.post(paths.say, { text: b.text, form: 'thong_bao' }));
                b.item = (r.item || r).id;
                delete b.text;
            }
            await busy(next, api.post(paths.playNext, b));
            toast('Sẽ phát ngay sau bài đang phát.', 'ok');
        } catch (err) {
            showError(form, err);
        }
    });

    const stop = h('button', { type: 'button', class: 'danger emergency-go' }, '■ Dừng phát');
    stop.addEventListener('click', async () => {
        const ok = await dialog('Dừng phát', h('p', {}, 'Dừng ngay bài đang phát? Nhật ký sẽ ghi bài này bị ngắt giữa chừng.'), [
            { label: 'Hủy', value: '' },
            { label: 'Dừng phát', value: 'ok', class: 'danger' },
        ]);
        if (ok !== 'ok') return;
        try {
            await busy(stop, api.post(paths.stop));
            toast('Đã dừng phát.', 'ok');
        } catch (err) {
            toast(err.message, 'error');
        }
    });

    if (!allowed) {
        form.querySelectorAll('input,select,textarea,button').forEach((e) => (e.disabled = true));
        root.append(h('p', { class: 'conflict' }, 'Tài khoản của bạn không có quyền phát khẩn cấp. Hãy liên hệ người vận hành hoặc quản trị.'));
    }
    root.append(form);
    root.append(await livePanel());
    // the form comes first: it is what this page is for; waiting requests follow it
    if (can('approve')) root.append(await requestsPanel());
    if (mayQueue) root.append(h('div', { class: 'panel' }, h('h2', {}, 'Dừng bài đang phát'), h('p', { class: 'muted' }, 'Dừng ngay bài đang phát trên mọi đầu ra.'), stop));
}

// Emergency orders waiting for an approver (when the ward requires one): confirm or refuse.
async function requestsPanel() {
    const box = h('div', { class: 'panel' }, h('h2', {}, 'Lệnh khẩn cấp chờ duyệt'));
    const list = h('div', {});
    box.append(list);
    async function load() {
        let reqs = [];
        try {
            const data = await api.get(paths.emergencyRequests);
            reqs = (data.requests || []).filter((r) => r.state === 'waiting');
        } catch (err) {
            return set(list, h('p', { class: 'form-error' }, err.message));
        }
        set(list, reqs.length ? reqs.map((r) => h('div', { class: 'pick' },
            h('p', {}, h('strong', {}, r.title || `#${r.item}`), ` — ${r.by || ''}${r.at ? `, ${r.at.date ? `${r.at.date} ${r.at.time}` : fmt.dateTime(r.at)}` : ''}`),
            h('div', { class: 'actions' },
                h('button', { type: 'button', class: 'danger', onclick: (ev) => decide(ev.target, r, 'confirm') }, 'Đồng ý phát ngay'),
                h('button', { type: 'button', onclick: (ev) => decide(ev.target, r, 'refuse') }, 'Không đồng ý')))) : h('p', { class: 'empty' }, 'Không có lệnh nào đang chờ.'));
    }
    async function decide(button, r, action) {
        let body = {};
        if (action === 'refuse') {
            // the refusal's reason is recorded with the approver's name: ask for it
            const comment = h('textarea', { name: 'comment', rows: 2, required: true });
            const v = await dialog(`Không đồng ý lệnh khẩn cấp “${r.title || `#${r.item}`}”`, field('Lý do (bắt buộc)', comment), [
                { label: 'Hủy', value: '' },
                { label: 'Không đồng ý', value: 'ok', class: 'danger' },
            ]);
            if (v !== 'ok') return;
            body = { comment: comment.value.trim() || 'Không đồng ý' };
        }
        try {
            await busy(button, api.post(paths.emergencyDecision(r.id, action), body));
            toast(action === 'confirm' ? 'Đang phát khẩn cấp.' : 'Đã từ chối lệnh.', 'ok');
        } catch (err) {
            toast(err.message, 'error');
        }
        load();
    }
    await load();
    return box;
}
