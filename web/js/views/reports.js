// Báo cáo: choose a period (quarter, half year, year, month or a range of days), download it as
// XLSX, PDF, CSV or JSON; write the report's number and narrative for that period; the
// scheduled report files with their download links.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { dateInput, readDate } from '../inputs.js';
import { h, field, select, empty, set, busy, toast, clearErrors, showError } from '../dom.js';
import { can } from '../session.js';

const romans = ['I', 'II', 'III', 'IV'];

// "2026Q4" → "Quý IV năm 2026"; the other period codes GET /api/journal takes, in words.
export function periodWords(code) {
    let m;
    if ((m = /^(\d{4})Q([1-4])$/.exec(code))) return `Quý ${romans[m[2] - 1]} năm ${m[1]}`;
    if ((m = /^(\d{4})H([12])$/.exec(code))) return `${m[2] === '1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${m[1]}`;
    if ((m = /^(\d{4})-(\d{2})$/.exec(code))) return `Tháng ${Number(m[2])} năm ${m[1]}`;
    if ((m = /^(\d{4})$/.exec(code))) return `Năm ${m[1]}`;
    if ((m = /^(\S+)-(\S+)$/.exec(code))) return `Từ ngày ${m[1]} đến ngày ${m[2]}`;
    return code;
}

// A download through fetch, so that a refusal (4xx with its Vietnamese message) is shown
// instead of being saved as a file.
async function download(href, fallbackName, errorBox) {
    errorBox.hidden = true;
    let res;
    try {
        res = await fetch(href, { credentials: 'same-origin' });
    } catch {
        throw new api.ApiError(0, '', 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.');
    }
    if (!res.ok) {
        let message = `Không tải được tệp (lỗi ${res.status}).`;
        try {
            message = (await res.json()).error.message || message;
        } catch {
            // not JSON: keep the generic message
        }
        throw new api.ApiError(res.status, '', message);
    }
    const disposition = res.headers.get('Content-Disposition') || '';
    const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
    const name = m ? decodeURIComponent(m[1] || m[2]) : fallbackName;
    const blobUrl = URL.createObjectURL(await res.blob());
    const a = h('a', { href: blobUrl, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(blobUrl), 60000);
}

function downloadLink(href, fallbackName, label, errorBox, attrs = {}) {
    const a = h('a', { href, download: fallbackName, ...attrs }, label);
    a.addEventListener('click', async (ev) => {
        ev.preventDefault();
        a.setAttribute('aria-busy', 'true');
        try {
            await download(href, fallbackName, errorBox);
        } catch (err) {
            errorBox.textContent = err.message;
            errorBox.hidden = false;
            toast(err.message, 'error');
        } finally {
            a.removeAttribute('aria-busy');
        }
    });
    return a;
}

function safeDate(input) {
    try {
        return readDate(input);
    } catch {
        return '';
    }
}

export default async function reports(root) {
    const thisYear = Number(fmt.todayIso().slice(0, 4));
    const thisMonth = Number(fmt.todayIso().slice(5, 7));
    const kind = select('kind', [['quarter', 'Quý'], ['half', '6 tháng'], ['year', 'Năm'], ['month', 'Tháng'], ['range', 'Khoảng ngày tự chọn']], 'quarter');
    const year = h('input', { name: 'year', type: 'number', min: 2020, max: 2100, value: thisYear });
    const quarter = select('quarter', romans.map((r, i) => [i + 1, `Quý ${r}`]), Math.ceil(thisMonth / 3));
    const half = select('half', [[1, '6 tháng đầu năm'], [2, '6 tháng cuối năm']], thisMonth <= 6 ? 1 : 2);
    const month = select('month', Array.from({ length: 12 }, (_, i) => [i + 1, `Tháng ${i + 1}`]), thisMonth);
    const from = dateInput('from', fmt.todayIso(-30));
    const to = dateInput('to', fmt.todayIso());
    const parts = {
        year: field('Năm', year),
        quarter: field('Quý', quarter),
        half: field('Nửa năm', half),
        month: field('Tháng', month),
        from: field('Từ ngày', from),
        to: field('Đến ngày', to),
    };
    const summary = h('p', { class: 'muted', 'aria-live': 'polite' });
    const links = h('div', { class: 'actions' });
    const exportError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const formats = [['xlsx', 'Tải Excel (XLSX)'], ['pdf', 'Tải PDF'], ['csv', 'Tải CSV'], ['json', 'Tải JSON']];

    function period() {
        const y = year.value;
        switch (kind.value) {
            case 'quarter': return { code: `${y}Q${quarter.value}`, words: `Quý ${romans[quarter.value - 1]} năm ${y}` };
            case 'half': return { code: `${y}H${half.value}`, words: `${half.value === '1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${y}` };
            case 'year': return { code: `${y}`, words: `Năm ${y}` };
            case 'month': return { code: `${y}-${String(month.value).padStart(2, '0')}`, words: `Tháng ${month.value} năm ${y}` };
            default: {
                const a = safeDate(from);
                const b = safeDate(to);
                return { code: a && b ? `${fmt.day(a)}-${fmt.day(b)}` : '', words: a && b ? `Từ ngày ${fmt.day(a)} đến ngày ${fmt.day(b)}` : 'Nhập ngày theo dạng ngày/tháng/năm' };
            }
        }
    }

    function sync() {
        const k = kind.value;
        parts.year.hidden = k === 'range';
        parts.quarter.hidden = k !== 'quarter';
        parts.half.hidden = k !== 'half';
        parts.month.hidden = k !== 'month';
        parts.from.hidden = k !== 'range';
        parts.to.hidden = k !== 'range';
        const p = period();
        summary.textContent = `Kỳ báo cáo: ${p.words}`;
        if (!p.code) return set(links, h('p', { class: 'field-error' }, 'Ngày chưa hợp lệ.'));
        exportError.hidden = true;
        set(links, ...formats.map(([f, label]) =>
            downloadLink(api.url(paths.reportExport, { period: p.code, format: f }), `nhat-ky-${p.code}.${f}`, label, exportError,
                { class: `button ${f === 'xlsx' ? 'primary' : ''}`, dataset: { format: f } })));
    }
    const filing = filingForm(period);
    [kind, year, quarter, half, month, from, to].forEach((e) => e.addEventListener('input', () => {
        sync();
        filing.load();
    }));
    sync();

    root.append(
        h('div', { class: 'panel' }, h('h2', {}, 'Xuất nhật ký theo kỳ'), h('div', { class: 'row' }, field('Loại kỳ', kind), ...Object.values(parts)), summary, links, exportError,
            h('p', { class: 'hint' }, 'Tệp Excel và PDF theo thể thức văn bản hành chính, có phần tổng hợp theo nội dung và hình thức.')),
        filing.panel,
    );
    await filing.load();

    const filesBox = h('div', { class: 'panel' });
    root.append(filesBox);
    await showFiles(filesBox, period, filing);
}

// The report's number and section V (kết quả đạt được, tồn tại và hạn chế, đề xuất) as the ward
// files it (Nghị định 30/2020), saved for the period chosen above before its report is made
// (GET/PUT /api/report-filing); "Lập báo cáo ngay" sends what is written here too.
function filingForm(period) {
    const editable = can('library');
    const number = h('input', { name: 'number', maxlength: 20, placeholder: 'Để trống: viết tay', style: 'max-width: 14rem', disabled: !editable });
    const areas = {
        achieved: h('textarea', { name: 'achieved', rows: 5, maxlength: 20000, disabled: !editable }),
        shortcomings: h('textarea', { name: 'shortcomings', rows: 4, maxlength: 20000, disabled: !editable }),
        proposals: h('textarea', { name: 'proposals', rows: 3, maxlength: 20000, disabled: !editable }),
    };
    const heading = h('h2', {});
    const state = h('p', { class: 'muted', 'aria-live': 'polite' });
    const save = editable ? h('button', { type: 'submit', class: 'primary' }, 'Lưu phần đánh giá') : null;
    const form = h('form', { class: 'filing', novalidate: true },
        field('Số văn bản', number, 'Dòng "Số: …/BC-…" ở đầu báo cáo.'),
        field('1. Kết quả đạt được', areas.achieved),
        field('2. Tồn tại và hạn chế', areas.shortcomings),
        field('3. Đề xuất', areas.proposals, 'Phần trống được in thành dòng chấm để viết tay.'),
        h('p', { class: 'form-error', role: 'alert', hidden: true }),
        save ? h('div', { class: 'actions' }, save) : null);
    const panel = h('div', { class: 'panel', id: 'filing' }, heading,
        h('p', { class: 'hint' }, 'Mục V. Đánh giá chung của báo cáo theo Nghị định 30/2020, lưu riêng cho từng kỳ. Báo cáo lập sau đó (nút "Lập báo cáo ngay" và báo cáo định kỳ) in phần này vào tệp PDF và Excel.'),
        form, state);
    let loaded = '';
    let asked = 0;

    function values() {
        return { number: number.value.trim(), ...Object.fromEntries(Object.entries(areas).map(([k, a]) => [k, a.value])) };
    }
    function fill(data) {
        number.value = data.number || '';
        for (const [k, a] of Object.entries(areas)) a.value = data[k] || '';
    }
    async function load() {
        const p = period();
        heading.textContent = `Số văn bản và phần đánh giá — ${p.words}`;
        if (!p.code || p.code === loaded) return;
        const mine = ++asked;
        clearErrors(form);
        state.textContent = 'Đang tải…';
        try {
            const data = await api.get(paths.reportFiling, { period: p.code });
            if (mine !== asked) return; // another period was chosen meanwhile
            fill(data);
            loaded = p.code;
            state.textContent = data.achieved || data.shortcomings || data.proposals || data.number
                ? 'Đã có phần đánh giá lưu cho kỳ này.'
                : 'Kỳ này chưa có phần đánh giá.';
        } catch (err) {
            if (mine === asked) state.textContent = err.message;
        }
    }
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const p = period();
        if (!p.code || !save) return;
        clearErrors(form);
        try {
            fill(await busy(save, api.put(paths.reportFiling, { period: p.code, ...values() })));
            loaded = p.code;
            state.textContent = `Đã lưu phần đánh giá của ${p.words.toLowerCase()}.`;
            toast('Đã lưu phần đánh giá.', 'ok');
        } catch (err) {
            showError(form, err);
        }
    });
    return { panel, load, values: () => (editable && loaded === period().code ? values() : {}) };
}

// The scheduled report files, when the next ones fall due, and "Lập báo cáo ngay" for the
// period chosen above (POST /api/reports writes it into the reports folder now).
async function showFiles(box, period, filing) {
    const fileError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const makeNow = can('library') ? h('button', { type: 'button' }, 'Lập báo cáo ngay') : null;
    const heading = h('div', { class: 'row' }, h('h2', {}, 'Báo cáo định kỳ đã lập'), makeNow);
    let data;
    try {
        data = await api.get(paths.reportFiles);
    } catch (err) {
        set(box, heading, h('p', { class: 'form-error' }, err.message));
        return;
    }
    makeNow?.addEventListener('click', async () => {
        const p = period();
        fileError.hidden = true;
        if (!p.code) return;
        try {
            const made = await busy(makeNow, api.post(paths.reportFiles, { period: p.code, ...filing.values() }));
            toast(`Đã lập báo cáo ${p.words} (${made.rows} dòng).`, 'ok');
            await showFiles(box, period, filing);
        } catch (err) {
            fileError.textContent = err.message;
            fileError.hidden = false;
        }
    });
    const files = Array.isArray(data) ? data : data.files || [];
    const due = data.next_due
        ? h('p', {}, `Kỳ tiếp theo: ${periodWords(data.next_due.period)} — máy tự lập ngày ${data.next_due.due}` +
            `${(data.next_due.periods || []).length > 1 ? ` (cùng với ${data.next_due.periods.slice(1).map((c) => periodWords(c).toLowerCase()).join(', ')})` : ''}.`)
        : null;
    // one row per version of a period, its formats side by side, newest first: the version made
    // within the period (nhat-ky-<code>-den-<yyyy-mm-dd>.<ext>, figures up to that day) and the
    // final one written after it (nhat-ky-<code>.<ext>); the interest CSV (…-quan-tam.csv) goes
    // with its version
    const byPeriod = new Map();
    for (const f of files) {
        const m = /^nhat-ky-(.+?)(?:-den-(\d{4})-(\d{2})-(\d{2}))?(-quan-tam)?\.([a-z]+)$/.exec(f.name);
        const key = m ? f.name.slice(0, f.name.length - (m[5] || '').length - m[6].length - 1) : f.name;
        if (!byPeriod.has(key)) byPeriod.set(key, { label: m ? versionWords(m) : f.name, list: [] });
        byPeriod.get(key).list.push(f);
    }
    const groups = [...byPeriod.entries()].sort((a, b) => String(maxOf(b[1].list)).localeCompare(String(maxOf(a[1].list))) || a[0].localeCompare(b[0]));
    set(box, heading, due, fileError, files.length
        ? h('div', { class: 'table-wrap' }, h('table', { class: 'cards' },
            h('thead', {}, h('tr', {}, ['Kỳ', 'Tệp', 'Lập lúc'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, groups.map(([, { label, list }]) => h('tr', {},
                h('td', { 'data-label': 'Kỳ' }, label),
                h('td', { 'data-label': 'Tệp' }, h('div', { class: 'files' }, list.sort((a, b) => a.name.localeCompare(b.name)).map((f) =>
                    downloadLink(paths.reportFile(f.name), f.name, `${fileKind(f.name)} (${fmt.bytes(f.size)})`, fileError,
                        { class: 'button small', title: f.name, dataset: { name: f.name } })))),
                h('td', { 'data-label': 'Lập lúc' }, fmt.dateTime(maxOf(list))))))))
        : empty('Chưa có báo cáo định kỳ nào.'));
}

// "Quý IV năm 2026 (số liệu đến 01/12/2026)" for a version made within its period.
function versionWords(m) {
    const words = periodWords(m[1]);
    return m[2] ? `${words} (số liệu đến ${m[4]}/${m[3]}/${m[2]})` : words;
}

// "XLSX", "PDF", …; the interest section's CSV is told apart from the journal's.
function fileKind(name) {
    const ext = (name.split('.').pop() || '').toUpperCase();
    return name.endsWith('-quan-tam.csv') ? `${ext} quan tâm` : ext;
}

function maxOf(list) {
    return list.map((f) => f.modified || '').sort().pop();
}
