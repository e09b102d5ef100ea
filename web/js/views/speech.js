// Type a text and have it spoken (the daemon's text-to-speech); the result is a library item.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import { h, field, select, toast, showError, clearErrors, formError, busy } from '../dom.js';
import { topics, forms } from '../vocab.js';

export function speechPanel(onDone) {
    const text = h('textarea', { name: 'text', rows: 4, placeholder: 'Nhập nội dung cần đọc…' });
    const title = h('input', { name: 'title' });
    const topic = select('topic', topics, 'other');
    const form = select('form', forms, 'thong_bao');
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Tạo bản đọc');
    const f = h('form', { novalidate: true }, field('Nội dung cần đọc', text), field('Tên tin, bài', title),
        h('div', { class: 'row' }, field('Nội dung', topic), field('Hình thức', form)), formError(), submit);
    f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(f);
        try {
            const r = await busy(
                submit,
                api.post(paths.say, { text: text.value.trim(), title: title.value.trim() || undefined, topic: [topic.value], form: form.value }),
            );
            const item = r.item || r;
            toast(`Đã tạo “${item.title || 'bản đọc'}”.`, 'ok');
            text.value = '';
            title.value = '';
            onDone();
        } catch (err) {
            showError(f, err);
        }
    });
    return h('div', { class: 'panel' }, h('h2', {}, 'Đọc văn bản thành tiếng'), f);
}
