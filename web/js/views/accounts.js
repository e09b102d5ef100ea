// Tài khoản (admin): accounts with their roles (add, change role, reset password, disable) and
// bearer tokens for scripts (create — shown once — and revoke).

import { paths } from '../endpoints.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { h, field, select, showError, clearErrors, formError, busy, toast, dialog, empty, set } from '../dom.js';
import { roleLabels, session } from '../session.js';

const roles = Object.entries(roleLabels);

export default async function accounts(root) {
    const list = h('div', {});
    const tokens = h('div', {});
    let names = [];
    root.append(h('div', { class: 'panel' }, h('h2', {}, 'Tài khoản'), list, addAccount(load)), h('div', { class: 'panel' }, h('h2', {}, 'Mã truy cập cho phần mềm (token)'), tokens, addToken(loadTokens)));

    async function load() {
        try {
            const data = await api.get(paths.accounts);
            const accs = Array.isArray(data) ? data : data.accounts || [];
            names = accs.filter((a) => !a.disabled).map((a) => a.name);
            const pick = root.querySelector('select[name=account]');
            if (pick) set(pick, names.map((n) => h('option', { value: n, selected: n === (pick.value || session.account) }, n)));
            set(list, accs.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'cards' },
                h('thead', {}, h('tr', {}, ['Tên đăng nhập', 'Vai trò', 'Trạng thái', ''].map((t) => h('th', { scope: 'col' }, t)))),
                h('tbody', {}, accs.map((a) => accountRow(a, load))))) : empty('Chưa có tài khoản.'));
        } catch (err) {
            set(list, h('p', { class: 'form-error' }, err.message));
        }
    }

    async function loadTokens() {
        try {
            const data = await api.get(paths.tokens);
            const ts = Array.isArray(data) ? data : data.tokens || [];
            set(tokens, ts.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'cards' },
                h('thead', {}, h('tr', {}, ['Ghi chú', 'Thay mặt tài khoản', 'Tạo lúc', 'Dùng lần cuối', ''].map((t) => h('th', { scope: 'col' }, t)))),
                h('tbody', {}, ts.map((t) => h('tr', {},
                    h('td', { 'data-label': 'Ghi chú' }, t.label || `#${t.id}`),
                    h('td', { 'data-label': 'Thay mặt' }, t.account || ''),
                    h('td', { 'data-label': 'Tạo lúc' }, fmt.dateTime(t.created_at)),
                    h('td', { 'data-label': 'Dùng lần cuối' }, t.last_used ? fmt.dateTime(t.last_used) : 'Chưa dùng'),
                    h('td', {}, h('button', { type: 'button', class: 'danger', onclick: () => revoke(t) }, 'Thu hồi'))))))) : empty('Chưa có token nào.'));
        } catch (err) {
            set(tokens, h('p', { class: 'form-error' }, err.message));
        }
    }

    async function revoke(t) {
        const ok = await dialog('Thu hồi token', h('p', {}, `Phần mềm đang dùng token “${t.label || t.id}” sẽ không truy cập được nữa.`), [{ label: 'Hủy', value: '' }, { label: 'Thu hồi', value: 'ok', class: 'danger' }]);
        if (ok !== 'ok') return;
        try {
            await api.del(paths.token(t.id));
            loadTokens();
        } catch (err) {
            toast(err.message, 'error');
        }
    }

    await Promise.all([load(), loadTokens()]);
}

function accountRow(a, reload) {
    const role = select('role', roles, a.role, { 'aria-label': `Vai trò của ${a.name}` });
    const self = a.name === session.account;
    role.disabled = self;
    role.addEventListener('change', async () => {
        try {
            await api.patch(paths.account(a.name), { role: role.value });
            toast('Đã đổi vai trò.', 'ok');
        } catch (err) {
            toast(err.message, 'error');
            reload();
        }
    });
    const toggle = h('button', { type: 'button', disabled: self }, a.disabled ? 'Mở khóa' : 'Khóa');
    toggle.addEventListener('click', async () => {
        try {
            await api.patch(paths.account(a.name), { disabled: !a.disabled });
            reload();
        } catch (err) {
            toast(err.message, 'error');
        }
    });
    const reset = h('button', { type: 'button' }, 'Đặt lại mật khẩu');
    reset.addEventListener('click', async () => {
        const pw = h('input', { name: 'password', type: 'password', autocomplete: 'new-password' });
        const f = h('form', {}, field('Mật khẩu mới (ít nhất 8 ký tự)', pw), formError());
        for (;;) {
            const v = await dialog(`Đặt lại mật khẩu cho ${a.name}`, f, [{ label: 'Hủy', value: '' }, { label: 'Lưu', value: 'ok', class: 'primary' }]);
            if (v !== 'ok') return;
            try {
                await api.patch(paths.account(a.name), { password: pw.value });
                toast('Đã đặt lại mật khẩu.', 'ok');
                return;
            } catch (err) {
                showError(f, err);
            }
        }
    });
    return h('tr', {},
        h('td', { 'data-label': 'Tên đăng nhập' }, a.name, self ? ' (bạn)' : ''),
        h('td', { 'data-label': 'Vai trò' }, role),
        h('td', { 'data-label': 'Trạng thái' }, h('span', { class: `badge ${a.disabled ? 'bad' : 'ok'}` }, a.disabled ? 'Đã khóa' : 'Đang dùng')),
        h('td', {}, h('div', { class: 'actions', style: 'margin:0' }, reset, toggle)));
}

function addAccount(reload) {
    const name = h('input', { name: 'name', autocomplete: 'off' });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password' });
    const role = select('role', roles, 'operator');
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Thêm tài khoản');
    const f = h('form', { novalidate: true, style: 'margin-top:1rem' }, h('h3', {}, 'Thêm tài khoản'),
        h('div', { class: 'row' }, field('Tên đăng nhập', name), field('Mật khẩu', password), field('Vai trò', role)), formError(), submit);
    f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(f);
        try {
            await busy(submit, api.post(paths.accounts, { name: name.value.trim(), password: password.value, role: role.value }));
            toast('Đã thêm tài khoản.', 'ok');
            f.reset();
            reload();
        } catch (err) {
            showError(f, err);
        }
    });
    return f;
}

function addToken(reload) {
    const name = h('input', { name: 'label', placeholder: 'Ví dụ: script sao lưu hằng đêm' });
    const account = h('select', { name: 'account' });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Tạo token');
    const f = h('form', { novalidate: true, style: 'margin-top:1rem' }, h('div', { class: 'row' }, field('Ghi chú', name), field('Thay mặt tài khoản', account), submit), formError());
    f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(f);
        try {
            const t = await busy(submit, api.post(paths.tokens, { account: account.value, label: name.value.trim() }));
            f.reset();
            await dialog('Token mới', h('div', {}, h('p', {}, 'Chép token này ngay; nó chỉ hiện một lần:'), h('pre', { style: 'white-space:pre-wrap;word-break:break-all' }, t.token || '')), [{ label: 'Đã chép', value: 'ok', class: 'primary' }]);
            reload();
        } catch (err) {
            showError(f, err);
        }
    });
    return f;
}
