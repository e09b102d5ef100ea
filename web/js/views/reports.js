// Báo cáo: choose a period (quarter, half year, year, month or a range of days), download it as
// XLSX, PDF, CSV or JSON; the scheduled report files with their download links.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { dateInput, readDate } from '../inputs.js';
import { h, field, select, empty, set } from '../dom.js';

const romans = ['I', 'II', 'III', 'IV'];

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
        set(links, ...formats.map(([f, label]) =>
            h('a', { class: `button ${f === 'xlsx' ? 'primary' : ''}`, href: api.url(paths.reportExport, { period: p.code, format: f }), download: '', dataset: { format: f } }, label)));
    }
    [kind, year, quarter, half, month, from, to].forEach((e) => e.addEventListener('input', sync));
    sync();

    root.append(
        h('div', { class: 'panel' }, h('h2', {}, 'Xuất nhật ký theo kỳ'), h('div', { class: 'row' }, field('Loại kỳ', kind), ...Object.values(parts)), summary, links,
            h('p', { class: 'hint' }, 'Tệp Excel và PDF theo thể thức văn bản hành chính, có phần tổng hợp theo nội dung và hình thức.')),
    );

    const filesBox = h('div', { class: 'panel' }, h('h2', {}, 'Báo cáo định kỳ đã lập'));
    root.append(filesBox);
    try {
        const data = await api.get(paths.reportFiles);
        const files = Array.isArray(data) ? data : data.files || data.reports || [];
        if (data.next_due) filesBox.append(h('p', {}, `Kỳ tiếp theo: ${data.next_due.period} — máy tự lập ngày ${fmt.day(data.next_due.due)}.`));
        filesBox.append(files.length
            ? h('div', { class: 'table-wrap' }, h('table', { class: 'cards' },
                h('thead', {}, h('tr', {}, ['Tệp', 'Lập lúc', 'Dung lượng'].map((t) => h('th', { scope: 'col' }, t)))),
                h('tbody', {}, files.map((f) => h('tr', {},
                    h('td', { 'data-label': 'Tệp' }, h('a', { href: f.url || paths.reportFile(f.name), download: '' }, f.name)),
                    h('td', { 'data-label': 'Lập lúc' }, fmt.dateTime(f.modified || f.created_at)),
                    h('td', { 'data-label': 'Dung lượng' }, fmt.bytes(f.size)))))))
            : empty('Chưa có báo cáo định kỳ nào.'));
    } catch (err) {
        filesBox.append(h('p', { class: 'form-error' }, err.message));
    }
}
