// Tổng quan: now playing with a live position bar, today's programme, output health, last
// failures, journal rows waiting to be written, next report due. Live from `status` events.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import * as events from '../events.js';
import * as fmt from '../format.js';
import { h, empty, set } from '../dom.js';
import { groupEntries } from './schedule.js';
import { statusLabel } from '../vocab.js';

const romans = ['I', 'II', 'III', 'IV'];

// "2026Q4" → "Quý IV năm 2026" (the codes of export/Period).
function periodWords(code) {
    let m;
    if ((m = /^(\d{4})Q([1-4])$/.exec(code))) return `Quý ${romans[m[2] - 1]} năm ${m[1]}`;
    if ((m = /^(\d{4})H([12])$/.exec(code))) return `${m[2] === '1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${m[1]}`;
    if ((m = /^(\d{4})$/.exec(code))) return `Năm ${m[1]}`;
    if ((m = /^(\d{4})-(\d{2})$/.exec(code))) return `Tháng ${Number(m[2])} năm ${m[1]}`;
    return code;
}

export default async function dashboard(root) {
    const now = h('div', { class: 'panel', 'aria-live': 'polite' });
    const today = h('div', { class: 'panel' });
    const health = h('div', { class: 'panel' });
    const failures = h('div', { class: 'panel' });
    const counters = h('div', { class: 'panel' });
    root.append(h('div', { class: 'grid' }, now, health, counters), h('div', { class: 'grid', style: 'margin-top:1rem' }, today, failures));

    let status = null;
    let received = Date.now();

    const playing = () => status?.playing ?? status?.now_playing;

    function position() {
        const np = playing();
        if (!np) return 0;
        const base = np.position_s !== undefined ? Number(np.position_s) * 1000 : Number(np.position_ms ?? 0);
        return base + (status.paused ? 0 : Date.now() - received);
    }

    function renderNow() {
        const np = playing();
        const next = status?.next;
        const head = h('h2', {}, 'Đang phát');
        if (!np) {
            set(now, head, h('p', { class: 'big muted' }, 'Hiện không phát bài nào'), nextLine(next));
            return;
        }
        const dur = np.length_s !== undefined ? Number(np.length_s) * 1000 : Number(np.duration_ms ?? 0);
        const pos = Math.min(position(), dur || Infinity);
        const pct = dur ? Math.min(100, (pos / dur) * 100) : 0;
        set(now, 
            head,
            h('p', { class: 'now-title' }, np.title || `Tin #${np.item ?? np.item_id ?? ''}`),
            h(
                'p',
                { class: 'muted' },
                [np.programme || np.slot ? `Khung giờ: ${np.programme || np.slot}` : '', np.priority === 'khan-cap' ? 'KHẨN CẤP' : '', np.started_at ? `bắt đầu ${fmt.time(np.started_at)}` : '',
                    np.outputs?.length ? `ra ${np.outputs.join(', ')}` : '']
                    .filter(Boolean)
                    .join(' · '),
            ),
            h(
                'div',
                {
                    class: 'progress',
                    role: 'progressbar',
                    'aria-label': 'Vị trí đang phát',
                    'aria-valuemin': '0',
                    'aria-valuemax': String(Math.round(dur / 1000)),
                    'aria-valuenow': String(Math.round(pos / 1000)),
                },
                h('span', { style: `width:${pct}%` }),
            ),
            h('div', { class: 'times' }, h('span', {}, fmt.duration(pos)), h('span', {}, dur ? fmt.duration(dur) : '')),
            nextLine(next),
        );
    }

    function nextLine(next) {
        if (!next) return h('p', { class: 'muted' }, 'Chưa có bài tiếp theo.');
        return h('p', {}, 'Tiếp theo: ', h('strong', {}, next.title || next.slot || ''), next.time ? ` lúc ${next.time} ${next.date || ''}` : next.at ? ` lúc ${fmt.time(next.at)} ${fmt.date(next.at)}` : '');
    }

    function renderHealth() {
        const outs = status?.outputs || [];
        set(health, 
            h('h2', {}, 'Đầu ra âm thanh'),
            outs.length
                ? outs.map((o) => {
                      // ok: carrying sound; idle: ready, nothing to play; failing: should play
                      // and is being retried; dead_air: silent or failing past the alarm time.
                      const labels = { ok: 'Hoạt động tốt', idle: 'Sẵn sàng', failing: 'Đang lỗi, đang thử lại', dead_air: 'Mất tiếng', unknown: 'Chưa rõ' };
                      const ok = o.state === 'ok' || o.state === 'idle';
                      return h(
                          'div',
                          { class: 'health' },
                          h('span', { class: `dot ${ok ? '' : 'bad'}`, 'aria-hidden': 'true' }),
                          h('div', {}, h('strong', {}, o.name), ' ', h('span', { class: `badge ${ok ? 'ok' : 'bad'}` }, labels[o.state] || 'Chưa rõ'),
                              o.last_error || o.error
                                  ? h('div', { class: 'muted' }, `Lỗi gần nhất: ${o.last_error || o.error}${o.last_error_at ? ` (${fmt.dateTime(o.last_error_at)})` : ''}`)
                                  : null),
                      );
                  })
                : empty('Chưa có thông tin đầu ra.'),
        );
    }

    function renderCounters() {
        const pending = status?.journal_waiting ?? status?.journal_pending ?? 0;
        const report = status?.next_report;
        set(counters, 
            h('h2', {}, 'Nhật ký và báo cáo'),
            h('p', {}, 'Dòng nhật ký chờ ghi: ', h('strong', { class: pending ? 'badge warn' : 'badge ok' }, String(pending))),
            report
                ? h('p', {}, 'Báo cáo tiếp theo: ', h('strong', {}, periodWords(report.label || report.period || '')), report.due ? ` — lập ngày ${fmt.day(report.due)}` : '')
                : h('p', { class: 'muted' }, 'Chưa có lịch báo cáo.'),
        );
    }

    function renderFailures() {
        const list = status?.failures || [];
        set(failures, 
            h('h2', {}, 'Lỗi gần đây'),
            list.length
                ? h('ul', {}, list.map((f) => h('li', {}, h('strong', {}, f.date ? `${f.date} ${f.time || ''}` : fmt.dateTime(f.at || f.started_at)), ' — ', f.title || '', f.reason ? `: ${f.reason}` : '', f.status ? ` (${statusLabel(f.status)})` : '')))
                : empty('Không có lỗi nào gần đây.'),
        );
    }

    async function loadToday() {
        const date = fmt.todayIso();
        let plan;
        try {
            plan = await api.get(paths.preview, { date: fmt.day(date) });
        } catch (err) {
            set(today, h('h2', {}, 'Chương trình hôm nay'), h('p', { class: 'form-error' }, err.message));
            return;
        }
        const slots = groupEntries(plan).filter((s) => s.picks.length);
        set(today, 
            h('h2', {}, `Chương trình hôm nay (${fmt.day(date)})`),
            slots.length
                ? slots.map((s) =>
                      h('div', { class: 'pick' }, h('strong', {}, `${fmt.clock(s.start ?? s.at)} ${s.name || s.slot || ''}`),
                          h('ol', {}, (s.picks || s.items || []).map((p) => h('li', {}, p.title || `#${p.item_id ?? p.item}`)))),
                  )
                : empty('Hôm nay không có khung giờ phát nào.'),
        );
    }

    // A `status` event may carry only what changed: it is merged into the last one.
    function apply(s) {
        status = { ...(status || {}), ...s };
        received = Date.now();
        renderNow();
        renderHealth();
        renderCounters();
        renderFailures();
    }

    try {
        apply(await api.get(paths.status));
    } catch (err) {
        set(now, h('h2', {}, 'Đang phát'), h('p', { class: 'form-error' }, err.message));
    }
    loadToday();
    const off = events.on('status', apply);
    const tick = setInterval(renderNow, 1000);
    return () => {
        off();
        clearInterval(tick);
    };
}
