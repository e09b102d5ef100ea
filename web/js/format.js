// Dates and times as the operator reads them: dd/mm/yyyy and HH:MM in Asia/Ho_Chi_Minh,
// whatever the zone of the PC that shows the page.

export const ZONE = 'Asia/Ho_Chi_Minh';

const partsFmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
});

// The API gives instants as ISO text or as {date: "dd/mm/yyyy", time: "HH:MM", utc}.
function parts(value) {
    if (value && typeof value === 'object' && !(value instanceof Date)) {
        if (value.utc) value = value.utc;
        else if (value.date) {
            const [dd, mm, yyyy] = value.date.split('/');
            const [hh = '00', mi = '00'] = (value.time || '').split(':');
            return { day: dd, month: mm, year: yyyy, hour: hh, minute: mi };
        }
    }
    const d = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(d.getTime())) return null;
    const out = {};
    for (const p of partsFmt.formatToParts(d)) out[p.type] = p.value;
    return out;
}

// "2026-03-05" (a local calendar day, no zone) → "05/03/2026"
export function day(isoDay) {
    if (!isoDay) return '';
    if (/^\d{2}\/\d{2}\/\d{4}$/.test(isoDay)) return isoDay;
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : String(isoDay);
}

// An instant → "05/03/2026"
export function date(value) {
    const p = value ? parts(value) : null;
    return p ? `${p.day}/${p.month}/${p.year}` : '';
}

// An instant → "14:05"
export function time(value) {
    const p = value ? parts(value) : null;
    return p ? `${p.hour}:${p.minute}` : '';
}

// An instant → "05/03/2026 14:05"
export function dateTime(value) {
    const p = value ? parts(value) : null;
    return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '';
}

// "05/03/2026" → "2026-03-05" (what the page compares and keeps); ISO text passes through.
export function iso(ddmmyyyy) {
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(ddmmyyyy || '');
    return m ? `${m[3]}-${m[2]}-${m[1]}` : ddmmyyyy || '';
}

// Today in Viet Nam as "2026-03-05" (for date inputs and queries).
export function todayIso(offsetDays = 0) {
    const p = parts(new Date(Date.now() + offsetDays * 86400000));
    return `${p.year}-${p.month}-${p.day}`;
}

// "2026-03-05" + n days → "2026-03-…" (calendar arithmetic, no zone involved)
export function addDays(isoDay, n) {
    const [y, m, d] = isoDay.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, d + n));
    return t.toISOString().slice(0, 10);
}

// 0 = Sunday, like the scheduler
export function weekday(isoDay) {
    const [y, m, d] = isoDay.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export const weekdayNames = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
export const weekdayShort = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

// Milliseconds → "3:05" or "1:02:03"
export function duration(ms) {
    if (ms === null || ms === undefined || Number.isNaN(Number(ms))) return '';
    let s = Math.max(0, Math.round(Number(ms) / 1000));
    const h = Math.floor(s / 3600);
    s -= h * 3600;
    const m = Math.floor(s / 60);
    s -= m * 60;
    const ss = String(s).padStart(2, '0');
    return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

// Seconds since midnight or "HH:MM[:SS]" → "HH:MM"
export function clock(value) {
    if (typeof value === 'number') {
        const h = Math.floor(value / 3600);
        const m = Math.floor((value % 3600) / 60);
        return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    }
    const m = /^(\d{1,2}):(\d{2})/.exec(value || '');
    return m ? `${m[1].padStart(2, '0')}:${m[2]}` : String(value ?? '');
}

export function bytes(n) {
    if (!n && n !== 0) return '';
    if (n < 1024) return `${n} B`;
    if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
    return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

// A figure as Vietnamese write it ("1.234,5"); empty for none.
export function number(v, digits = 0) {
    if (v === null || v === undefined) return '';
    return Number(v).toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
