// Nhật ký: filter by date range, topic, form, status; rows with their ids; a manual entry; a
// correction of a row; new rows appear live (`journal` events).

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import * as events from '../events.js';
import * as fmt from '../format.js';
import { dateInput, timeInput, readDate, readTime } from '../inputs.js';
import { h, field, select, showError, clearErrors, formError, busy, toast, dialog, empty, set } from '../dom.js';
import { can } from '../session.js';
import { topics, forms, statuses, topicShort, topicLabel, formLabel, statusLabel } from '../vocab.js';

export default async function journal(root) {
    const from = dateInput('from', fmt.todayIso(-6));
    const to = dateInput('to', fmt.todayIso());
    const topic = select('topic', [['', 'Tất cả'], ...topics], '');
    const form = select('form', [['', 'Tất cả'], ...forms], '');
    const status = select('status', [['', 'Tất cả'], ...statuses], '');
    const filters = h('form', { class: 'panel row', role: 'search', 'aria-label': 'Lọc nhật ký', novalidate: true },
        field('Từ ngày', from), field('Đến ngày', to), field('Nội dung', topic), field('Hình thức', form), field('Trạng thái', status),
        h('button', { type: 'submit', class: 'primary' }, 'Lọc'), formError());
    const count = h('p', { class: 'muted', 'aria-live': 'polite' });
    const tbody = h('tbody', {});
    const table = h('div', { class: 'table-wrap' }, h('table', { class: 'cards' },
        h('caption', { class: 'muted', style: 'text-align:left;padding:.4rem .6rem' }, 'Mỗi lần phát là một dòng; số ở cột đầu là mã dòng dùng khi sửa.'),
        h('thead', {}, h('tr', {}, ['Mã', 'Thời gian', 'Tin, bài', 'Nội dung', 'Hình thức', 'Lượt', 'Trạng thái', 'Ghi chú', ''].map((t, i) => h('th', { scope: 'col', class: i === 5 ? 'num' : '' }, t)))),
        tbody));
    const addPanel = can('journal') ? manualEntry(() => load()) : null;
    root.append(filters, addPanel, count, table);

    let rows = [];
    let range = {};
    filters.addEventListener('submit', (ev) => {
        ev.preventDefault();
        load();
    });
    [topic, form, status].forEach((s) => s.addEventListener('change', load));

    function matches(r) {
        const day = dayOf(r);
        if (range.from && day < range.from) return false;
        if (range.to && day > range.to) return false;
        if (topic.value && !(r.topics || [r.topic]).includes(topic.value)) return false;
        if (form.value && r.form !== form.value) return false;
        if (status.value && r.status !== status.value) return false;
        return true;
    }

    async function load() {
        clearErrors(filters);
        try {
            range = { from: readDate(from), to: readDate(to) };
            const data = await api.get(paths.journal, { from: fmt.day(range.from), to: fmt.day(range.to), topic: topic.value, form: form.value, status: status.value, limit: 1000 });
            rows = Array.isArray(data) ? data : data.rows || [];
        } catch (err) {
            showError(filters, err);
            return;
        }
        render();
    }

    function render(fresh) {
        rows.sort((a, b) => Number(b.id) - Number(a.id));  // newest first
        count.textContent = `${rows.length} dòng`;
        set(tbody, ...(rows.length ? rows.map((r) => row(r, r.id === fresh)) : [h('tr', {}, h('td', { colspan: 9 }, empty('Không có dòng nào trong khoảng này.')))]));
    }

    // Stream listeners counted while it aired (an icecast output's /admin/stats).
    function listenerText(l) {
        return `Nghe trực tuyến qua ${l.output}: cao nhất ${fmt.number(l.peak)}, trung bình ${fmt.number(l.mean, 1)}`;
    }

    function row(r, fresh) {
        const cell = (label, content, cls) => h('td', { 'data-label': label, class: cls || '' }, content);
        return h('tr', { class: fresh ? 'new' : '', dataset: { id: r.id } },
            cell('Mã', String(r.id)),
            cell('Thời gian', r.date ? `${r.date} ${r.time || ''}` : `${fmt.dateTime(r.started_at || r.at)}${r.ended_at ? `–${fmt.time(r.ended_at)}` : ''}`),
            cell('Tin, bài', r.title || (r.media_item_id ? `#${r.media_item_id}` : '')),
            cell('Nội dung', h('span', { title: (r.topics || []).map(topicLabel).join('\n') }, (r.topics || (r.topic ? [r.topic] : [])).map(topicShort).join(', '))),
            cell('Hình thức', formLabel(r.form)),
            cell('Lượt', r.ordinal ?? r.airing_number ?? '', 'num'),
            cell('Trạng thái', h('span', { class: `badge ${badge(r.status)}` }, statusLabel(r.status))),
            cell('Ghi chú', [r.reason, ...(r.listeners || []).map(listenerText), r.corrects ? `Sửa cho dòng ${r.corrects}` : '', r.entered_by ? `Nhập tay: ${r.entered_by}` : '', r.ordered_by ? `Lệnh của ${r.ordered_by}` : '', r.approved_by ? `Duyệt: ${r.approved_by}` : ''].filter(Boolean).join(' · ')),
            cell('', can('journal') ? h('button', { type: 'button', class: 'link', onclick: () => correct(r, load), 'aria-label': `Sửa dòng ${r.id}` }, 'Sửa') : ''),
        );
    }

    await load();
    // A `journal` event carries the row's id ({id}); the row is fetched and shown if it matches.
    return events.on('journal', async (ev) => {
        let r = ev.row || ev;
        if (!r || r.id === undefined) return;
        if (r.status === undefined) {
            try {
                r = await api.get(paths.journalRow(r.id));
            } catch {
                return;
            }
        }
        if (!matches(r)) return;
        const i = rows.findIndex((x) => x.id === r.id);
        if (i >= 0) rows[i] = r;
        else rows.unshift(r);
        render(r.id);
    });
}

function dayOf(r) {
    if (r.date) return fmt.iso(r.date);
    const t = r.started_at || r.at;
    if (!t) return '';
    const [d, m, y] = fmt.date(t).split('/');
    return `${y}-${m}-${d}`;
}

function badge(s) {
    return s === 'completed' || s === 'playing' ? 'ok' : s === 'failed' || s === 'missed' ? 'bad' : 'warn';
}

function manualEntry(reload) {
    const atDay = dateInput('date', fmt.todayIso());
    const atTime = timeInput('start', '');
    const title = h('input', { name: 'title' });
    const topic = select('topic', topics, 'other');
    const form = select('form', forms, 'tin');
    const minutes = h('input', { name: 'duration', type: 'number', min: 1, max: 600, value: 15 });
    const kind = select('kind', [['truc_tiep', 'Phát trực tiếp'], ['tiep_song', 'Tiếp sóng']], 'truc_tiep');
    const note = h('input', { name: 'note', placeholder: 'Ví dụ: phát trực tiếp, máy chủ hỏng' });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Thêm dòng nhật ký');
    const f = h('form', { novalidate: true },
        h('p', { class: 'muted' }, 'Dùng khi có buổi phát không qua hệ thống (ví dụ đọc trực tiếp qua micrô).'),
        h('div', { class: 'row' }, field('Ngày phát', atDay), field('Giờ bắt đầu', atTime), field('Thời lượng (phút)', minutes), field('Cách phát', kind)),
        field('Tên tin, bài', title),
        h('div', { class: 'row' }, field('Nội dung', topic), field('Hình thức', form), field('Ghi chú', note)),
        formError(), submit);
    f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(f);
        try {
            const day = readDate(atDay);
            const time = readTime(atTime);
            await busy(submit, api.post(paths.journalManual, {
                date: fmt.day(day), start: time, duration: `${Number(minutes.value)}m`, title: title.value.trim(), topic: topic.value, form: form.value, kind: kind.value, note: note.value.trim() || undefined,
            }));
            toast('Đã thêm dòng nhật ký.', 'ok');
            f.reset();
            reload();
        } catch (err) {
            showError(f, err);
        }
    });
    return h('details', { class: 'panel' }, h('summary', {}, h('strong', {}, 'Thêm dòng nhật ký thủ công')), f);
}

// Sends only what the operator changed: a row with several topics keeps them all when only the
// title is corrected.
async function correct(r, reload) {
    const before = { title: r.title || '', topics: r.topics || (r.topic ? [r.topic] : []), form: r.form || 'other' };
    const title = h('input', { name: 'title', value: before.title });
    const topicBoxes = h('fieldset', { class: 'field', dataset: { field: 'topics' } },
        h('legend', {}, 'Nội dung (chọn một hoặc nhiều)'),
        h('div', { class: 'checks column scroll' }, topics.map(([code, label]) =>
            h('label', {}, h('input', { type: 'checkbox', name: 'topics', value: code, checked: before.topics.includes(code) }), label))),
        h('p', { class: 'field-error', role: 'alert', hidden: true }));
    const form = select('form', forms, before.form);
    const reason = h('textarea', { name: 'reason', rows: 2, required: true });
    const f = h('form', { novalidate: true },
        h('p', {}, `Dòng số ${r.id}, ${r.date ? `${r.date} ${r.time || ''}` : fmt.dateTime(r.started_at || r.at)}. Dòng gốc được giữ lại; bản sửa ghi kèm tên bạn.`),
        field('Tên tin, bài', title), topicBoxes, field('Hình thức', form),
        field('Lý do sửa (bắt buộc)', reason), formError());
    for (;;) {
        const v = await dialog(`Sửa dòng nhật ký ${r.id}`, f, [{ label: 'Hủy', value: '' }, { label: 'Lưu bản sửa', value: 'ok', class: 'primary' }]);
        if (v !== 'ok') return;
        const body = { reason: reason.value.trim() };
        if (title.value.trim() !== before.title) body.title = title.value.trim();
        const chosen = [...topicBoxes.querySelectorAll('input:checked')].map((b) => b.value);
        if (chosen.join(',') !== topics.map(([c]) => c).filter((c) => before.topics.includes(c)).join(',')) body.topics = chosen;
        if (form.value !== before.form) body.form = form.value;
        try {
            await api.post(paths.journalCorrect(r.id), body);
            toast('Đã lưu bản sửa.', 'ok');
            reload();
            return;
        } catch (err) {
            showError(f, err);
        }
    }
}
