// Mức độ quan tâm: residents' interest over a period (GET /api/interest, the reports' section
// "Đánh giá mức độ quan tâm của người dân"): the most and least heard items, the figures per
// topic and per item, the approved comments; the review of feedback sent from the listen-again
// page (approve, reject) and feedback recorded from the other channels.
// Every resident's text goes in as text nodes (dom.js h()), never as markup.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { dateInput, readDate } from '../inputs.js';
import { h, field, select, empty, set, busy, toast, formError, showError, clearErrors } from '../dom.js';
import { can } from '../session.js';
import { topics } from '../vocab.js';

const romans = ['I', 'II', 'III', 'IV'];
const channels = [
    ['hotline', 'Đường dây nóng'],
    ['zalo', 'Zalo'],
    ['hop_thu', 'Hòm thư góp ý'],
    ['hop_to_dan_pho', 'Họp tổ dân phố'],
    ['ban_thanh_tra', 'Ban thanh tra nhân dân'],
];
const figureHeads = ['Lượt phát', 'Phút phát', 'Nghe trực tuyến (cao nhất)', 'Nghe trực tuyến (TB)', 'Nghe lại', 'Quét QR', 'Ý kiến', 'Điểm TB', 'Điểm quan tâm'];

const number = fmt.number;

function figureCells(f) {
    return [
        number(f.airings), number(f.airtime_s / 60, 1), number(f.listeners_peak), number(f.listeners_mean, 1),
        number(f.listens), number(f.qr_scans), number(f.feedback), f.rating === null ? '' : number(f.rating, 1), number(f.score),
    ];
}

function table(caption, heads, rows, cls = '') {
    return h('div', { class: 'table-wrap' }, h('table', { class: `cards ${cls}`, 'aria-label': caption },
        h('thead', {}, h('tr', {}, heads.map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => h('td', { 'data-label': heads[i] }, c)))))));
}

function periodChooser(onChange) {
    const thisYear = Number(fmt.todayIso().slice(0, 4));
    const thisMonth = Number(fmt.todayIso().slice(5, 7));
    const kind = select('kind', [['quarter', 'Quý'], ['half', '6 tháng'], ['year', 'Năm']], 'quarter');
    const year = h('input', { name: 'year', type: 'number', min: 2020, max: 2100, value: thisYear });
    const quarter = select('quarter', romans.map((r, i) => [i + 1, `Quý ${r}`]), Math.ceil(thisMonth / 3));
    const half = select('half', [[1, '6 tháng đầu năm'], [2, '6 tháng cuối năm']], thisMonth <= 6 ? 1 : 2);
    const parts = { quarter: field('Quý', quarter), half: field('Nửa năm', half) };
    const code = () => (kind.value === 'quarter' ? `${year.value}Q${quarter.value}` : kind.value === 'half' ? `${year.value}H${half.value}` : `${year.value}`);
    const sync = () => {
        parts.quarter.hidden = kind.value !== 'quarter';
        parts.half.hidden = kind.value !== 'half';
        onChange(code());
    };
    [kind, year, quarter, half].forEach((e) => e.addEventListener('change', sync));
    return { el: h('div', { class: 'row' }, field('Loại kỳ', kind), field('Năm', year), parts.quarter, parts.half), sync };
}

async function showInterest(box, period) {
    set(box, h('p', { class: 'muted', 'aria-busy': 'true' }, 'Đang tính…'));
    let data;
    try {
        data = await api.get(paths.interest, { period });
    } catch (err) {
        return set(box, h('p', { class: 'form-error', role: 'alert' }, err.message));
    }
    const inn = data.interest;
    const byId = new Map(inn.items.map((i) => [i.id, i]));
    const named = (ids) => ids.map((id) => byId.get(id)).filter(Boolean)
        .map((i) => h('li', {}, h('strong', {}, i.title), ` — ${i.score} điểm (nghe lại ${i.listens}, quét QR ${i.qr_scans}, ý kiến ${i.feedback}${i.rating === null ? '' : `, điểm TB ${number(i.rating, 1)}`})`));
    const topicRows = inn.by_topic.filter((t) => t.airings || t.score).map((t) => [t.label, ...figureCells(t)]);
    topicRows.push(['Tổng cộng', ...figureCells(inn.total)]);
    set(box,
        h('p', { class: 'muted' }, data.words),
        h('div', { class: 'row interest-rank' },
            h('div', { class: 'panel', dataset: { list: 'most' } }, h('h3', {}, 'Được quan tâm nhiều nhất'),
                inn.most.length ? h('ol', {}, named(inn.most)) : empty('Chưa có.')),
            h('div', { class: 'panel', dataset: { list: 'least' } }, h('h3', {}, 'Ít được quan tâm nhất'),
                inn.least.length ? h('ol', {}, named(inn.least)) : empty('Chưa có.'))),
        h('p', { class: 'hint' }, inn.score_note, ' ', data.totals_line),
        h('h3', {}, 'Theo nội dung tuyên truyền'),
        table('Theo nội dung tuyên truyền', ['Nội dung', ...figureHeads], topicRows, 'interest-topics'),
        h('h3', {}, 'Theo tin, bài'),
        inn.items.length
            ? table('Theo tin, bài', ['Hạng', 'Tin, bài', ...figureHeads], inn.items.map((i, n) => [String(n + 1), i.title, ...figureCells(i)]), 'interest-items')
            : empty('Chưa có tin, bài nào trong kỳ.'),
        h('h3', {}, 'Ý kiến của người dân (đã duyệt)'),
        inn.comments.length
            ? h('ul', { class: 'comments' }, inn.comments.map((c) => h('li', { class: 'comment' },
                h('p', { class: 'muted' }, `${fmt.day(c.day)} · ${c.channel_label} · ${c.about}${c.rating ? ` · ${c.rating}/5` : ''}`),
                h('blockquote', {}, c.text))))
            : empty('Chưa có ý kiến nào trong kỳ.'));
}

function feedbackLine(f) {
    const about = f.item_title || (f.item ? `Tin, bài #${f.item}` : (topics.find(([c]) => c === f.topic) || [f.topic, f.topic])[1]);
    return h('p', { class: 'muted' }, `#${f.id} · ${f.date} · ${f.channel_label} · ${about}${f.rating ? ` · ${f.rating}/5` : ''}`);
}

async function showPending(box, refresh) {
    let data;
    try {
        data = await api.get(paths.feedbackPending);
    } catch (err) {
        return set(box, h('h2', {}, 'Ý kiến chờ duyệt'), h('p', { class: 'form-error' }, err.message));
    }
    const rows = data.feedback || [];
    set(box, h('h2', {}, `Ý kiến chờ duyệt (${rows.length})`), rows.length
        ? h('ul', { class: 'comments' }, rows.map((f) => {
            const act = (action, label, cls) => {
                const b = h('button', { type: 'button', class: `small ${cls}`, dataset: { action, id: f.id } }, label);
                b.addEventListener('click', async () => {
                    try {
                        await busy(b, api.post(paths.feedbackAction(f.id, action)));
                        toast(action === 'approve' ? `Đã duyệt ý kiến #${f.id}.` : `Đã từ chối ý kiến #${f.id}.`, 'ok');
                        await refresh();
                    } catch (err) {
                        toast(err.message, 'error');
                    }
                });
                return b;
            };
            return h('li', { class: 'comment', dataset: { id: f.id } }, feedbackLine(f),
                f.comment ? h('blockquote', {}, f.comment) : null,
                h('div', { class: 'actions' }, act('approve', 'Duyệt', 'primary'), act('reject', 'Từ chối', 'danger')));
        }))
        : empty('Không có ý kiến nào chờ duyệt.'));
}

function recordForm(onDone) {
    const channel = select('channel', channels, 'hotline');
    const date = dateInput('date', fmt.todayIso());
    const item = h('input', { name: 'item', type: 'number', min: 1, placeholder: 'Mã tin, bài' });
    const topic = select('topic', [['', '— hoặc chọn nội dung —'], ...topics], '');
    const rating = select('rating', [['', 'Không chấm'], ...[5, 4, 3, 2, 1].map((n) => [n, `${n}/5`])], '');
    const comment = h('textarea', { name: 'comment', rows: 3, maxlength: 4000 });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Ghi ý kiến');
    const form = h('form', { class: 'panel', novalidate: true },
        h('h2', {}, 'Ghi ý kiến nhận qua kênh khác'),
        h('div', { class: 'row' }, field('Kênh', channel), field('Ngày nhận', date), field('Tin, bài (mã số)', item), field('Nội dung', topic), field('Đánh giá', rating)),
        field('Ý kiến', comment), formError(), submit);
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(form);
        let day;
        try {
            day = readDate(date);
        } catch {
            return showError(form, { field: 'date', message: 'Ngày nhận chưa hợp lệ (ngày/tháng/năm).' });
        }
        const body = { channel: channel.value, date: fmt.day(day) };
        if (item.value) body.item = Number(item.value);
        else if (topic.value) body.topic = topic.value;
        else return showError(form, { field: 'item', message: 'Nhập mã tin, bài hoặc chọn nội dung mà ý kiến nói tới.' });
        if (rating.value) body.rating = Number(rating.value);
        if (comment.value.trim()) body.comment = comment.value.trim();
        try {
            const f = await busy(submit, api.post(paths.feedback, body));
            toast(`Đã ghi ý kiến #${f.id}.`, 'ok');
            comment.value = '';
            await onDone();
        } catch (err) {
            showError(form, err);
        }
    });
    return form;
}

export default async function interest(root) {
    const box = h('div', { class: 'panel', id: 'interest-report', 'aria-live': 'polite' });
    let current = '';
    const chooser = periodChooser((code) => {
        current = code;
        showInterest(box, code);
    });
    root.append(h('div', { class: 'panel' }, h('h2', {}, 'Đánh giá mức độ quan tâm của người dân'), chooser.el,
        h('p', { class: 'hint' }, 'Số liệu là số đo (lượt nghe lại, quét mã QR, ý kiến đã duyệt, người nghe luồng trực tuyến), không có thông tin cá nhân. Báo cáo quý, 6 tháng, năm có phần này.')), box);
    const pending = can('approve') ? h('div', { class: 'panel', id: 'feedback-pending' }) : null;
    const refresh = async () => {
        if (pending) await showPending(pending, refresh);
        await showInterest(box, current);
    };
    if (pending) root.append(pending);
    if (can('library')) root.append(recordForm(refresh));
    chooser.sync();
    if (pending) await showPending(pending, refresh);
}
