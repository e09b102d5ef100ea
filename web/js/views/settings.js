// Cài đặt (admin): the organisation names printed in report headers.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import { h, field, showError, clearErrors, formError, busy, toast } from '../dom.js';

const fields = [
    ['parent_body', 'Cơ quan chủ quản', 'Ví dụ: UBND PHƯỜNG AN HẢI'],
    ['issuing_body', 'Đơn vị lập báo cáo', 'Ví dụ: TRUNG TÂM DỊCH VỤ SỰ NGHIỆP CÔNG'],
    ['place', 'Địa danh (ghi ở dòng ngày tháng)', 'Ví dụ: An Hải'],
    ['preparer_title', 'Chức danh người lập biểu', 'Ví dụ: NGƯỜI LẬP BIỂU'],
    ['head_title', 'Chức danh thủ trưởng', 'Ví dụ: GIÁM ĐỐC'],
];

export default async function settings(root) {
    let current = {};
    try {
        current = await api.get(paths.organisation);
    } catch (err) {
        root.append(h('p', { class: 'form-error', role: 'alert' }, err.message));
    }
    const org = current.organisation || current;
    const inputs = fields.map(([name, , ph]) => h('input', { name, value: org[name] ?? '', placeholder: ph }));
    const save = h('button', { type: 'submit', class: 'primary' }, 'Lưu');
    const form = h('form', { class: 'panel', novalidate: true }, h('h2', {}, 'Tên cơ quan trên báo cáo'),
        h('p', { class: 'muted' }, 'Các tên này được in ở đầu và cuối mỗi báo cáo Excel, PDF. Thay đổi có hiệu lực ngay với báo cáo lập sau đó.'),
        inputs.map((input, i) => field(fields[i][1], input)), formError(), save);
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(form);
        const body = Object.fromEntries(inputs.map((i) => [i.name, i.value.trim()]));
        try {
            await busy(save, api.put(paths.organisation, body));
            toast('Đã lưu cài đặt.', 'ok');
        } catch (err) {
            showError(form, err);
        }
    });
    root.append(form);
}
