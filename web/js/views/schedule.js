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
    const addButton = can('library') ? h('button', { type: 'button', class: 'primary', onclick: () => edit(null) }, '+ Thêm khung giờ') : null;
    root.append(h('div', { class: 'panel' }, h('div', { class: 'row', style: 'justify-content:space-between;align-items:center' }, h('h2', { style: 'margin:0' }, 'Tuần này'), weekNav, addButton), week), editor, previewBox);

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
        const start = timeInput('start', startOf(s) === '—' ? '' : startOf(s), { required: true });
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
        let confirmed = '';
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
                const path = paths.slot(name.value.trim());
                const body = { start: readTime(start), length: `${Number(maxLen.value)}m`, days: [...days.querySelectorAll('input:checked')].map((c) => Number(c.value)),
                    from: fmt.day(readDate(firstDay)) || null, until: fmt.day(readDate(lastDay)) || null, ...programmeBody(lines) };
                if (slot?.skip) body.skip = slot.skip;
                if (slot?.outputs?.length) body.outputs = slot.outputs;
                const dry = await busy(save, api.put(path, { ...body, dry_run: true }));
                const list = dry.warnings || dry.conflicts || [];
                set(conflicts, ...list.map((c) => h('p', { class: 'conflict' }, '⚠ ', typeof c === 'string' ? c : c.message || JSON.stringify(c))));
                if (list.length && confirmed !== JSON.stringify(list)) {
                    confirmed = JSON.stringify(list);
                    conflicts.append(h('p', {}, 'Có xung đột ở trên. Nhấn “Kiểm tra và lưu” lần nữa để vẫn lưu.'));
                    return;
                }
                await busy(save, api.put(path, { ...body, dry_run: false, force: list.length > 0 }));
                toast('Đã lưu khung giờ.', 'ok');
                editor.hidden = true;
                load();
            } catch (err) {
                showError(form, err);
            }
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
        const form = h('form', { class: 'row' }, field('Ngày', date), h('button', { type: 'submit' }, 'Xem trước'));
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
                    ? list.map((s) =>
                          h('div', { class: 'pick' }, h('h3', {}, `${fmt.clock(s.start ?? s.at)} — ${s.name || s.slot || ''}`),
                              (s.picks || s.items || []).length
                                  ? h('ol', {}, (s.picks || s.items).map((p) => h('li', {}, h('strong', {}, p.title || `#${p.item_id ?? p.item}`), p.reason ? h('span', { class: 'muted' }, ` — ${p.reason}`) : '')))
                                  : h('p', { class: 'muted' }, 'Không có bài nào.'),
                              (s.skipped || []).map((p) => h('p', { class: 'conflict' }, `${p.title || ''}: ${p.reason || ''}`)),
                              s.reason ? h('p', { class: 'muted' }, s.reason) : null),
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

function startOf(s) {
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
    const line = h('div', { class: 'programme-line' }, kind, what, h('button', { type: 'button', 'aria-label': 'Xóa dòng này', onclick: () => line.remove() }, '✕'));
    return line;
}

// The programme lines as the API takes them: opening, closing, fixed items in order, pools.
function programmeBody(lines) {
    const body = { items: [], pools: [] };
    for (const line of lines.querySelectorAll('.programme-line')) {
        const l = readLine(line);
        if (l.kind === 'pool') body.pools.push({ count: l.count, topics: l.topics, forms: l.forms, tags: [] });
        else if (!l.item) continue;
        else if (l.kind === 'opening') body.opening = l.item;
        else if (l.kind === 'closing') body.closing = l.item;
        else body.items.push(l.item);
    }
    return body;
}

// The plan preview ({days:[{date, entries:[{time, slot, title, reason}], warnings}]}) as one
// group per slot occurrence.
export function groupEntries(plan) {
    const out = [];
    for (const day of plan.days || []) {
        for (const e of day.entries || []) {
            let g = out.find((x) => x.name === e.slot && x.start === e.time);
            if (!g) out.push((g = { name: e.slot || '', start: e.time, picks: [], skipped: [] }));
            g.picks.push(e);
        }
        for (const w of day.warnings || []) out.push({ name: '', start: '', picks: [], reason: w });
    }
    return out;
}

function readLine(line) {
    const v = (n) => line.querySelector(`[name=${n}]`).value;
    const kind = v('kind');
    if (kind === 'pool') return { kind, count: Number(v('count')), topics: v('topic') ? [v('topic')] : [], forms: v('form') ? [v('form')] : [] };
    return { kind, item: v('item') ? Number(v('item')) : null };
}
