// Thư viện: search and filter, drag-and-drop upload with progress, record from the PC's
// microphone, text-to-speech, listen, edit topic/form/validity, approve/reject with a comment.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { dateInput, readDate } from '../inputs.js';
import { h, field, select, showError, clearErrors, formError, busy, toast, empty, dialog, formData, set } from '../dom.js';
import { can } from '../session.js';
import { topics, forms, approvals, topicLabel, formLabel, approvalLabel } from '../vocab.js';
import { uploadPanel } from './upload.js';
import { recorderPanel } from './recorder.js';
import { speechPanel } from './speech.js';
import { approvalOf, listenUrl } from './media.js';

export default async function library(root) {
    const list = h('div', { class: 'item-list', 'aria-live': 'polite' });
    const q = h('input', { name: 'search', type: 'search', placeholder: 'Tên tin, bài (gõ không dấu cũng được)' });
    const topic = select('topic', [['', 'Tất cả nội dung'], ...topics], '');
    const form = select('form', [['', 'Tất cả hình thức'], ...forms], '');
    const state = select('approval', [['', 'Mọi trạng thái'], ...approvals], '');
    const filters = h(
        'form',
        { class: 'panel row', role: 'search', 'aria-label': 'Tìm trong thư viện' },
        field('Tìm kiếm', q),
        field('Nội dung', topic),
        field('Hình thức', form),
        field('Trạng thái duyệt', state),
        h('button', { type: 'submit', class: 'primary' }, 'Tìm'),
    );
    filters.addEventListener('submit', (ev) => {
        ev.preventDefault();
        load();
    });
    [topic, form, state].forEach((s) => s.addEventListener('change', load));

    if (can('library')) {
        root.append(h('div', { class: 'grid tools', role: 'region', 'aria-label': 'Thêm tin, bài mới' }, uploadPanel(load), recorderPanel(load), speechPanel(load)));
    }
    root.append(filters, list);

    async function load() {
        let data;
        try {
            data = await api.get(paths.media, { search: q.value.trim(), topic: topic.value, form: form.value, approval: state.value });
        } catch (err) {
            set(list, h('p', { class: 'form-error', role: 'alert' }, err.message));
            return;
        }
        let items = Array.isArray(data) ? data : data.items || [];
        if (state.value) items = items.filter((it) => approvalOf(it) === state.value);
        items.sort((a, b) => Number(b.id) - Number(a.id));  // newest first
        set(list, ...(items.length ? items.map((it) => itemCard(it, load)) : [empty('Không có tin, bài nào khớp.')]));
    }
    await load();
}

function decisionLine(it) {
    const a = it.approval && typeof it.approval === 'object' ? it.approval : { state: approvalOf(it), by: it.approved_by, at: it.approved_at, comment: it.comment };
    if (!a.by) return null;
    const verb = { approved: 'Duyệt', rejected: 'Từ chối', revoked: 'Thu hồi duyệt' }[a.state] || 'Quyết định';
    return h('p', { class: 'item-meta' }, `${verb}: ${a.by}${a.at ? ` lúc ${fmt.dateTime(a.at)}` : ''}${a.comment ? ` — “${a.comment}”` : ''}`);
}

function itemCard(it, reload) {
    const st = approvalOf(it);
    const topicCodes = it.topics || (it.topic ? [it.topic] : []);
    const card = h(
        'article',
        { class: 'item', dataset: { id: it.id } },
        h(
            'div',
            { class: 'item-head' },
            h('span', { class: 'item-title' }, `#${it.id} ${it.title || it.original_name || ''}`),
            h('span', { class: `badge ${st === 'approved' ? 'ok' : st === 'rejected' || st === 'revoked' ? 'bad' : 'warn'}` }, approvalLabel(st)),
            it.retired || it.retired_at ? h('span', { class: 'badge' }, 'Đã ngừng dùng') : null,
        ),
        h(
            'p',
            { class: 'item-meta' },
            [
                formLabel(it.form),
                topicCodes.map((c) => topicLabel(c).split(' ')[0]).join(', ') && `Nội dung: ${topicCodes.map((c) => topicLabel(c)).join('; ')}`,
                it.duration_s || it.duration_ms ? `Thời lượng ${fmt.duration(it.duration_ms ?? it.duration_s * 1000)}` : '',
                it.valid_from || it.valid_until ? `Hiệu lực ${fmt.day(it.valid_from) || '…'} – ${fmt.day(it.valid_until) || '…'}` : '',
                it.source ? `Nguồn: ${it.source}` : '',
            ]
                .filter(Boolean)
                .join(' · '),
        ),
        decisionLine(it),
        it.why_not_airable ? h('p', { class: 'item-meta' }, `Chưa phát được: ${it.why_not_airable}`) : null,
        h('audio', { controls: true, preload: 'none', src: listenUrl(it), 'aria-label': `Nghe thử ${it.title || ''}` }),
    );
    const actions = h('div', { class: 'actions' });
    if (can('approve') && st !== 'approved')
        actions.append(h('button', { type: 'button', class: 'ok', onclick: () => decide(it, 'approve', reload) }, 'Duyệt'));
    if (can('approve') && st !== 'rejected')
        actions.append(h('button', { type: 'button', onclick: () => decide(it, st === 'approved' ? 'revoke' : 'reject', reload) }, st === 'approved' ? 'Thu hồi duyệt' : 'Từ chối'));
    if (can('library') && !it.retired && !it.retired_at)
        actions.append(
            h('button', { type: 'button', onclick: () => retire(it, reload) }, 'Ngừng dùng'),
        );
    if (actions.children.length) card.append(actions);
    if (can('library')) card.append(editDetails(it, reload));
    return card;
}

const decisions = {
    approve: { title: 'Duyệt tin, bài', label: 'Duyệt', comment: 'Ý kiến (không bắt buộc)', done: 'Đã duyệt.', class: 'ok' },
    reject: { title: 'Từ chối tin, bài', label: 'Từ chối', comment: 'Lý do (bắt buộc)', done: 'Đã từ chối.', class: 'danger' },
    revoke: { title: 'Thu hồi duyệt', label: 'Thu hồi duyệt', comment: 'Lý do (bắt buộc)', done: 'Đã thu hồi duyệt; bài sẽ không được phát.', class: 'danger' },
};

// approve | reject | revoke, with a comment; recorded in the approver's name by the server.
async function decide(it, action, reload) {
    const d = decisions[action];
    const comment = h('textarea', { name: 'comment', rows: 3 });
    const f = h('form', {}, h('p', {}, 'Tin, bài: ', h('strong', {}, it.title || `#${it.id}`)), field(d.comment, comment), formError());
    for (;;) {
        const v = await dialog(d.title, f, [
            { label: 'Hủy', value: '' },
            { label: d.label, value: 'ok', class: d.class },
        ]);
        if (v !== 'ok') return;
        try {
            await api.post(paths.mediaAction(it.id, action), { comment: comment.value.trim() });
            toast(d.done, 'ok');
            reload();
            return;
        } catch (err) {
            showError(f, err);
        }
    }
}

async function retire(it, reload) {
    const ok = await dialog('Ngừng dùng tin, bài', h('p', {}, `“${it.title}” sẽ không được xếp lịch phát nữa. Nhật ký cũ vẫn giữ nguyên.`), [
        { label: 'Hủy', value: '' },
        { label: 'Ngừng dùng', value: 'ok', class: 'danger' },
    ]);
    if (ok !== 'ok') return;
    try {
        await api.post(paths.mediaAction(it.id, 'retire'));
        toast('Đã ngừng dùng.', 'ok');
        reload();
    } catch (err) {
        toast(err.message, 'error');
    }
}

export function metadataFields(it = {}) {
    const topicCodes = it.topics || (it.topic ? [it.topic] : ['other']);
    return [
        field('Tên tin, bài', h('input', { name: 'title', value: it.title || '', required: true })),
        h(
            'fieldset',
            { class: 'field', dataset: { field: 'topics' } },
            h('legend', {}, 'Nội dung (mục II.1 của kế hoạch; chọn một hoặc nhiều)'),
            h('div', { class: 'checks column scroll' }, topics.map(([code, label]) => h('label', {}, h('input', { type: 'checkbox', name: 'topics', value: code, checked: topicCodes.includes(code), dataset: { group: '1' } }), label))),
            h('p', { class: 'field-error', role: 'alert', hidden: true }),
        ),
        field('Hình thức', select('form', forms, it.form || 'other')),
        h(
            'div',
            { class: 'row' },
            field('Phát từ ngày', dateInput('valid_from', it.valid_from)),
            field('Đến hết ngày', dateInput('valid_until', it.valid_until)),
        ),
        field('Nguồn tin', h('input', { name: 'source', value: it.source || '' })),
    ];
}

export function metadataBody(form) {
    const d = formData(form);
    const body = { title: d.title?.trim(), topics: d.topics?.length ? d.topics : ['other'], form: d.form, source: d.source?.trim() || null };
    body.valid_from = fmt.day(readDate(form.elements.valid_from)) || null;
    body.valid_until = fmt.day(readDate(form.elements.valid_until)) || null;
    return body;
}

function editDetails(it, reload) {
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Lưu thay đổi');
    const form = h('form', { class: 'stack', novalidate: true }, metadataFields(it), formError(), submit);
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(form);
        try {
            const body = metadataBody(form);
            await busy(submit, api.patch(paths.mediaItem(it.id), body));
            toast('Đã lưu.', 'ok');
            reload();
        } catch (err) {
            showError(form, err);
        }
    });
    return h('details', {}, h('summary', {}, 'Sửa thông tin'), form);
}
