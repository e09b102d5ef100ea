// Lịch phát: a week of slots, a slot's edit form with its programme (conflicts shown from a dry
// run before saving), and a date's preview with the reason for each pick.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { dateInput, timeInput, readDate, readTime } from '../inputs.js';
import { h, field, select, showError, clearErrors, formError, busy, toast, empty, set, confirmDialog } from '../dom.js';
import { can } from '../session.js';
import { topics, forms } from '../vocab.js';
import { approvalOf } from './media.js';


export default async function schedule(root) {
    let weekStart = mondayOf(fmt.todayIso());
    let slots = [];
    let items = [];
    const weekNav = h('div', { class: 'actions' });
    const week = h('div', { class: 'week' });
    const editor = h('div', { class: 'panel', hidden: true });
    const previewBox = h('div', { class: 'panel' });
    const notes = h('div', { 'aria-live': 'polite' });

    // What a saved slot will leave out (not approved, retired, a pool that picks nothing...):
    // said once it is saved, without asking again.
    function showNotes(slotName, list) {
        set(notes, ...(list.length
            ? [h('div', { class: 'panel notes' }, h('h2', {}, `Lưu ý về khung giờ “${slotName}”`), h('ul', {}, list.map((w) => h('li', { class: 'note' }, w))))]
            : []));
    }
    const addButton = can('library') ? h('button', { type: 'button', class: 'primary', onclick: () => edit(null) }, '+ Thêm khung giờ') : null;
    root.append(h('div', { class: 'panel' }, h('div', { class: 'row', style: 'justify-content:space-between;align-items:center' }, h('h2', { style: 'margin:0' }, 'Tuần này'), weekNav, addButton), week), notes, editor, previewBox);

    async function load() {
        try {
            const data = await api.get(paths.slots);
            slots = Array.isArray(data) ? data : data.slots || [];
        } catch (err) {
            set(week, h('p', { class: 'form-error' }, err.message));
            return;
        }
        renderWeek();
    }

    function renderWeek() {
        const end = fmt.addDays(weekStart, 6);
        set(weekNav, 
            h('button', { type: 'button', onclick: () => ((weekStart = fmt.addDays(weekStart, -7)), renderWeek()), 'aria-label': 'Tuần trước' }, '‹ Tuần trước'),
            h('span', { style: 'align-self:center' }, `${fmt.day(weekStart)} – ${fmt.day(end)}`),
            h('button', { type: 'button', onclick: () => ((weekStart = fmt.addDays(weekStart, 7)), renderWeek()), 'aria-label': 'Tuần sau' }, 'Tuần sau ›'),
        );
        const today = fmt.todayIso();
        set(week, 
            ...[0, 1, 2, 3, 4, 5, 6].map((i) => {
                const d = fmt.addDays(weekStart, i);
                const wd = fmt.weekday(d);
                const daySlots = slots.filter((s) => airsOn(s, d, wd)).sort((a, b) => startOf(a).localeCompare(startOf(b)));
                return h(
                    'div',
                    { class: `day ${d === today ? 'today' : ''}` },
                    h('h3', {}, `${fmt.weekdayNames[wd]} ${fmt.day(d).slice(0, 5)}`),
                    daySlots.length
                        ? daySlots.map((s) =>
                              h('button', { type: 'button', class: 'slot-chip', onclick: () => edit(s), 'aria-label': `Khung giờ ${s.name} lúc ${startOf(s)}, ${fmt.weekdayNames[wd]}` },
                                  h('strong', {}, startOf(s)), s.name),
                          )
                        : h('p', { class: 'muted', style: 'font-size:.85rem;text-align:center' }, 'Không có'),
                    h('button', { type: 'button', class: 'link', onclick: () => preview(d) }, 'Xem trước'),
                );
            }),
        );
    }

    async function ensureItems() {
        if (items.length) return;
        try {
            const data = await api.get(paths.media);
            items = (Array.isArray(data) ? data : data.items || []).filter((it) => !it.retired && !it.retired_at);
        } catch {
            items = [];
        }
    }

    async function edit(slot) {
        await ensureItems();
        editor.hidden = false;
        const s = slot || { name: '', days: [1, 2, 3, 4, 5], start: '06:30', length_s: 1800, programme: [] };
        const readOnly = !can('library');
        const name = h('input', { name: 'name', value: s.name || '', required: true, readonly: Boolean(slot) });
        const start = timeInput('start', /^\d\d:\d\d$/.test(startOf(s)) ? startOf(s) : '', { required: true });
        const maxLen = h('input', { name: 'length', type: 'number', min: 1, max: 600, value: maxMinutes(s) });
        const days = h(
            'fieldset',
            { class: 'field', dataset: { field: 'days' } },
            h('legend', {}, 'Các ngày trong tuần'),
            h('div', { class: 'checks' }, [1, 2, 3, 4, 5, 6, 0].map((d) => h('label', {}, h('input', { type: 'checkbox', value: d, checked: (s.days || []).includes(d) }), fmt.weekdayNames[d]))),
            h('p', { class: 'field-error', role: 'alert', hidden: true }),
        );
        const firstDay = dateInput('from', s.from);
        const lastDay = dateInput('until', s.until);
        const lines = h('div', {});
        (s.programme || []).forEach((e) => lines.append(programmeLine(e, items)));
        const addLine = h('button', { type: 'button', onclick: () => lines.append(programmeLine({ kind: 'fixed' }, items)) }, '+ Thêm dòng');
        // Overlaps the operator has seen (from the 409) and chose to save anyway; any change to the
        // form asks again.
        let confirmed = [];
        const conflicts = h('div', { 'aria-live': 'polite' });
        const save = h('button', { type: 'submit', class: 'primary' }, 'Kiểm tra và lưu');
        const remove = slot ? h('button', { type: 'button', class: 'danger', onclick: () => removeSlot(slot) }, 'Xóa khung giờ') : null;
        const cancel = h('button', { type: 'button', onclick: () => (editor.hidden = true) }, 'Đóng');
        const form = h(
            'form',
            { novalidate: true },
            h('h2', {}, slot ? `Sửa khung giờ: ${slot.name}` : 'Khung giờ mới'),
            h('div', { class: 'row' }, field('Tên khung giờ', name), field('Giờ bắt đầu', start), field('Dài tối đa (phút)', maxLen)),
            days,
            h('div', { class: 'row' }, field('Áp dụng từ ngày', firstDay, 'Để trống nếu không giới hạn'), field('Đến hết ngày', lastDay)),
            h('fieldset', { class: 'field', dataset: { field: 'programme' } }, h('legend', {}, 'Chương trình phát (theo thứ tự)'), lines, addLine, h('p', { class: 'field-error', role: 'alert', hidden: true })),
            conflicts,
            formError(),
            readOnly ? h('p', { class: 'muted' }, 'Bạn chỉ có quyền xem lịch phát.') : h('div', { class: 'actions' }, save, remove, cancel),
        );
        if (readOnly) form.querySelectorAll('input,select,button:not(.link)').forEach((e) => (e.disabled = true));
        form.addEventListener('submit', async (ev) => {
            ev.preventDefault();
            clearErrors(form);
            try {
                if (!name.value.trim()) throw { field: 'name', message: 'Vui lòng đặt tên khung giờ.' };
                const slotName = name.value.trim();
                const path = paths.slot(slotName);
                const body = { start: readTime(start), length: `${Number(maxLen.value)}m`, days: [...days.querySelectorAll('input:checked')].map((c) => Number(c.value)),
                    from: fmt.day(readDate(firstDay)) || null, until: fmt.day(readDate(lastDay)) || null, ...programmeBody(lines) };
                if (slot?.skip) body.skip = slot.skip;
                if (slot?.outputs?.length) body.outputs = slot.outputs;
                let saved;
                try {
                    saved = await busy(save, api.put(path, { ...body, dry_run: false, force: confirmed.length > 0 }));
                } catch (err) {
                    if (err.status !== 409 || !err.warnings?.length) throw err;
                    confirmed = err.warnings;
                    set(conflicts, h('p', {}, h('strong', {}, err.message)), ...err.warnings.map((w) => h('p', { class: 'conflict' }, '⚠ ', w)),
                        h('p', {}, 'Nhấn “Kiểm tra và lưu” lần nữa để vẫn lưu với các chỗ trùng giờ này.'));
                    return;
                }
                showNotes(slotName, saved.warnings || []);
                toast('Đã lưu khung giờ.', 'ok');
                editor.hidden = true;
                load();
            } catch (err) {
                // the programme's parts are answered by name; their errors belong to the programme
                if (['items', 'pools', 'opening', 'closing'].includes(err.field)) err.field = 'programme';
                showError(form, err);
            }
        });
        form.addEventListener('input', () => {
            if (!confirmed.length) return;
            confirmed = [];
            set(conflicts);
        });
        set(editor, form);
        name.focus();
    }

    async function removeSlot(slot) {
        if (!(await confirmDialog('Xóa khung giờ', `Xóa khung giờ “${slot.name}”? Nhật ký cũ vẫn giữ nguyên.`, 'Xóa', true))) return;
        try {
            await api.del(paths.slot(slot.name));
            toast('Đã xóa khung giờ.', 'ok');
            editor.hidden = true;
            load();
        } catch (err) {
            toast(err.message, 'error');
        }
    }

    async function preview(d) {
        const date = dateInput('date', d);
        const out = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Đang tính…'));
        const form = h('form', { class: 'row preview-date' }, field('Ngày', date), h('button', { type: 'submit' }, 'Xem trước'));
        form.addEventListener('submit', (ev) => {
            ev.preventDefault();
            try {
                const iso = readDate(date);
                if (iso) preview(iso);
            } catch (err) {
                showError(form, err);
            }
        });
        set(previewBox, h('h2', {}, `Xem trước ngày ${fmt.day(d)}`), form, out);
        try {
            const list = groupEntries(await api.get(paths.preview, { date: fmt.day(d) }));
            set(out,
                ...(list.length
                    ? list.map((g) =>
                          h('div', { class: `pick ${g.emergency ? 'emergency' : ''}` },
                              g.name || g.start ? h('h3', {}, g.start ? `${g.start} — ${g.name}` : g.name) : null,
                              g.picks.length
                                  ? h('ol', {}, g.picks.map((p) => h('li', {}, p.cue_time ? h('span', { class: 'muted' }, `${p.cue_time} `) : '',
                                      h('strong', {}, p.title || `#${p.item}`), p.reason ? h('span', { class: 'muted' }, ` — ${p.reason}`) : '')))
                                  : g.reason ? null : h('p', { class: 'muted' }, 'Không có bài nào.'),
                              g.skipped.length ? h('ul', { class: 'skipped', 'aria-label': 'Không phát' }, g.skipped.map((p) => h('li', { class: 'conflict' }, `Không phát${p.title && !(p.reason || '').includes(p.title) ? ` “${p.title}”` : ''}: ${p.reason || ''}`))) : null,
                              g.reason ? h('p', { class: 'conflict' }, '⚠ ', g.reason) : null),
                      )
                    : [empty('Ngày này không có khung giờ nào.')]),
            );
        } catch (err) {
            set(out, h('p', { class: 'form-error' }, err.message));
        }
    }

    await load();
    preview(fmt.todayIso());
}

function mondayOf(d) {
    const wd = fmt.weekday(d);
    return fmt.addDays(d, wd === 0 ? -6 : 1 - wd);
}

// A demo slot's start is "+60s" (that long after the daemon started).
function startOf(s) {
    const relative = /^\+(\d+)s$/.exec(s.start || '');
    if (relative) return `+${Math.round(Number(relative[1]) / 60) || 1} phút`;
    return s.start ? fmt.clock(s.start) : s.start_s !== undefined ? fmt.clock(s.start_s) : '—';
}

function maxMinutes(s) {
    if (s.max_minutes) return s.max_minutes;
    if (s.length_s) return Math.round(s.length_s / 60);
    return 30;
}

function airsOn(s, d, wd) {
    if (s.days && !s.days.includes(wd)) return false;
    if (s.from && d < fmt.iso(s.from)) return false;
    if (s.until && d > fmt.iso(s.until)) return false;
    if ((s.skip || []).map(fmt.iso).includes(d)) return false;
    return true;
}

const kinds = [
    ['fixed', 'Bài cố định'],
    ['pool', 'Chọn tự động từ kho'],
    ['opening', 'Nhạc hiệu mở đầu'],
    ['closing', 'Nhạc hiệu kết thúc'],
];

function programmeLine(e, items) {
    const kind = select('kind', kinds, e.kind || 'fixed', { 'aria-label': 'Loại dòng' });
    const itemOptions = [['', '— Chọn tin, bài —'], ...items.map((it) => [it.id, `#${it.id} ${it.title}${approvalOf(it) === 'approved' ? '' : ' (chưa duyệt)'}`])];
    const item = select('item', itemOptions, e.item ?? e.item_id ?? '', { 'aria-label': 'Tin, bài' });
    const count = h('input', { name: 'count', type: 'number', min: 1, max: 20, value: e.count || 1, 'aria-label': 'Số bài chọn', style: 'width:5rem' });
    const topic = select('topic', [['', 'Mọi nội dung'], ...topics], (e.topics || e.filter?.topics || [])[0] || '', { 'aria-label': 'Lọc theo nội dung' });
    const form = select('form', [['', 'Mọi hình thức'], ...forms], (e.forms || e.filter?.forms || [])[0] || '', { 'aria-label': 'Lọc theo hình thức' });
    const pool = h('div', { class: 'row' }, count, topic, form);
    const what = h('div', {}, item, pool);
    const sync = () => {
        item.hidden = kind.value === 'pool';
        pool.hidden = kind.value !== 'pool';
    };
    kind.addEventListener('change', sync);
    sync();
    // a pool's tags have no control here: kept as they were
    const line = h('div', { class: 'programme-line', dataset: { tags: JSON.stringify(e.tags || []) } }, kind, what, h('button', { type: 'button', 'aria-label': 'Xóa dòng này', onclick: () => line.remove() }, '✕'));
    return line;
}

// The programme lines as the API takes them: opening, closing, fixed items in order, pools.
function programmeBody(lines) {
    const body = { items: [], pools: [] };
    for (const line of lines.querySelectorAll('.programme-line')) {
        const l = readLine(line);
        if (l.kind === 'pool') body.pools.push({ count: l.count, topics: l.topics, forms: l.forms, tags: JSON.parse(line.dataset.tags || '[]') });
        else if (!l.item) continue;
        else if (l.kind === 'opening') body.opening = l.item;
        else if (l.kind === 'closing') body.closing = l.item;
        else body.items.push(l.item);
    }
    return body;
}

// The plan preview ({days:[{date, entries, skipped, warnings}]}, docs/api.md) as one group per
// slot occurrence (entries of one occurrence share `time`), with what it leaves out and why;
// an emergency one-off (`slot: null`) is a group of its own; then the day's warnings.
export function groupEntries(plan) {
    const out = [];
    const groupOf = (e) => {
        const emergency = e.slot === null || e.slot === undefined;
        const name = emergency ? 'Phát khẩn cấp' : e.slot;
        let g = out.find((x) => x.name === name && x.start === e.time);
        if (!g) out.push((g = { name, start: e.time, emergency, picks: [], skipped: [] }));
        return g;
    };
    for (const day of plan.days || []) {
        for (const e of day.entries || []) groupOf(e).picks.push(e);
        for (const e of day.skipped || []) groupOf(e).skipped.push(e);
        for (const w of day.warnings || []) out.push({ name: '', start: '', picks: [], skipped: [], reason: w });
    }
    return out;
}

function readLine(line) {
    const v = (n) => line.querySelector(`[name=${n}]`).value;
    const kind = v('kind');
    if (kind === 'pool') return { kind, count: Number(v('count')), topics: v('topic') ? [v('topic')] : [], forms: v('form') ? [v('form')] : [] };
    return { kind, item: v('item') ? Number(v('item')) : null };
}
