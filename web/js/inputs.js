// Date and time inputs that always read dd/mm/yyyy and HH:MM (24 h), whatever language the
// PC's browser runs in (native date/time pickers follow the browser's locale: mm/dd and AM/PM
// on an English one).

import { h } from './dom.js';
import * as fmt from './format.js';

export function dateInput(name, iso, attrs = {}) {
    return h('input', { name, type: 'text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy', autocomplete: 'off', value: fmt.day(iso), size: 10, class: 'date', ...attrs });
}

export function timeInput(name, hhmm, attrs = {}) {
    return h('input', { name, type: 'text', inputmode: 'numeric', placeholder: 'HH:MM', autocomplete: 'off', value: hhmm || '', size: 5, class: 'time', ...attrs });
}

// '' when empty; "yyyy-mm-dd" when valid; throws {field, message} (shown next to the field).
export function readDate(input) {
    const v = input.value.trim();
    if (!v) return '';
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
    if (m) {
        const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const t = new Date(Date.UTC(y, mo - 1, d));
        if (t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d)
            return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
    throw { field: input.name, message: `“${v}” không phải ngày hợp lệ (dạng ngày/tháng/năm, ví dụ 05/03/2026).` };
}

// '' when empty; "HH:MM" when valid; throws {field, message}.
export function readTime(input) {
    const v = input.value.trim();
    if (!v) return '';
    const m = /^(\d{1,2})[:hg.](\d{2})$/.exec(v);
    if (m && Number(m[1]) < 24 && Number(m[2]) < 60) return `${m[1].padStart(2, '0')}:${m[2]}`;
    throw { field: input.name, message: `“${v}” không phải giờ hợp lệ (dạng giờ:phút, ví dụ 06:30).` };
}
