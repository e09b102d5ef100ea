// Cài đặt (admin): the organisation names printed in report headers. The server keeps them in
// the database over the config's [organisation]; an empty box goes back to the config's value.

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import { h, field, showError, clearErrors, formError, busy, toast } from '../dom.js';

const labels = {
    parent: 'Cơ quan chủ quản (ví dụ UBND PHƯỜNG AN HẢI)',
    parent_body: 'Cơ quan chủ quản (ví dụ UBND PHƯỜNG AN HẢI)',
    unit: 'Đơn vị lập báo cáo (ví dụ TRUNG TÂM DỊCH VỤ SỰ NGHIỆP CÔNG)',
    issuing_body: 'Đơn vị lập báo cáo (ví dụ TRUNG TÂM DỊCH VỤ SỰ NGHIỆP CÔNG)',
    place: 'Địa danh ở dòng ngày tháng (ví dụ An Hải)',
    preparer_title: 'Chức danh người lập biểu',
    head_title: 'Chức danh thủ trưởng (ví dụ GIÁM ĐỐC)',
    preparer_name: 'Họ tên người lập biểu',
    head_name: 'Họ tên thủ trưởng',
    document_symbol: 'Ký hiệu văn bản sau số (ví dụ BC-TTDVSNC)',
    recipients: 'Nơi nhận, cách nhau bởi dấu chấm phẩy (ví dụ UBND phường An Hải; Lưu: VT)',
};

export default async function settings(root) {
    let names = {};
    let fromConfig = {};
    try {
        const current = await api.get(paths.organisation);
        names = current.names || current;
        fromConfig = current.from_config || {};
    } catch (err) {
        root.append(h('p', { class: 'form-error', role: 'alert' }, err.message));
        return;
    }
    const keys = [...new Set([...Object.keys(fromConfig), ...Object.keys(names)])];
    const inputs = keys.map((k) => h('input', { name: k, value: names[k] ?? '', placeholder: fromConfig[k] ?? '', maxlength: 200 }));
    const save = h('button', { type: 'submit', class: 'primary' }, 'Lưu');
    const form = h('form', { class: 'panel', novalidate: true }, h('h2', {}, 'Tên cơ quan trên báo cáo'),
        h('p', { class: 'muted' }, 'Các tên này được in ở đầu và cuối mỗi báo cáo Excel, PDF lập sau khi lưu. Để trống một ô để dùng lại giá trị trong tệp cấu hình (chữ mờ).'),
        inputs.map((input) => field(labels[input.name] || input.name, input)), formError(), save);
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
