// Boots the page: asks who is logged in, shows the login screen or the app, routes between the
// views on the URL's hash (#/tong-quan …) and hides what the role may not reach.

import { paths } from './endpoints.js';
import * as api from './api.js';
import * as events from './events.js';
import { h, showError, clearErrors, field, formError, busy, set } from './dom.js';
import { session, setSession, can, roleLabels } from './session.js';
import dashboard from './views/dashboard.js';
import library from './views/library.js';
import schedule from './views/schedule.js';
import emergency from './views/emergency.js';
import journal from './views/journal.js';
import reports from './views/reports.js';
import interest from './views/interest.js';
import accounts from './views/accounts.js';
import settings from './views/settings.js';
import help from './views/help.js';

const views = [
    { path: 'tong-quan', title: 'Tổng quan', view: dashboard },
    { path: 'thu-vien', title: 'Thư viện', view: library },
    { path: 'lich-phat', title: 'Lịch phát', view: schedule },
    { path: 'khan-cap', title: 'Phát khẩn cấp', view: emergency, className: 'nav-emergency' },
    { path: 'nhat-ky', title: 'Nhật ký', view: journal },
    { path: 'bao-cao', title: 'Báo cáo', view: reports },
    { path: 'quan-tam', title: 'Mức độ quan tâm', view: interest },
    { path: 'tai-khoan', title: 'Tài khoản', view: accounts, permission: 'accounts' },
    { path: 'cai-dat', title: 'Cài đặt', view: settings, permission: 'settings' },
    { path: 'huong-dan', title: 'Hướng dẫn sử dụng', view: help },
];

const app = document.getElementById('app');
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const login = document.getElementById('login');
let cleanup = null;

function allowed(v) {
    return !v.permission || can(v.permission);
}

function buildNav() {
    set(nav, 
        ...views.filter(allowed).map((v) =>
            h('a', { href: `#/${v.path}`, class: v.className || '', dataset: { path: v.path } }, v.title),
        ),
    );
    document.getElementById('who').textContent = `${session.account} · ${roleLabels[session.role] || session.role}`;
}

async function route() {
    if (!session.account) return;
    const path = (location.hash.replace(/^#\/?/, '') || 'tong-quan').split('?')[0];
    const v = views.find((x) => x.path === path && allowed(x)) || views[0];
    nav.querySelectorAll('a').forEach((a) => {
        if (a.dataset.path === v.path) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
    });
    document.body.classList.remove('nav-open');
    if (cleanup) cleanup();
    cleanup = null;
    document.title = `${v.title} — Loa phường`;
    const section = h('section', { class: 'view', 'aria-labelledby': 'view-title' }, h('h1', { id: 'view-title' }, v.title));
    set(main, section);
    try {
        cleanup = (await v.view(section)) || null;
    } catch (err) {
        section.append(h('p', { class: 'form-error', role: 'alert' }, err.message || String(err)));
    }
    section.dataset.ready = 'true';
    main.focus({ preventScroll: true });
}

function showLogin() {
    setSession(null);
    events.disconnect();
    if (cleanup) cleanup();
    cleanup = null;
    app.hidden = true;
    login.hidden = false;
    document.title = 'Đăng nhập — Loa phường';
    login.querySelector('input[name=name]').focus();
}

function startApp(me) {
    setSession(me);
    api.setCsrf(me.csrf);
    login.hidden = true;
    app.hidden = false;
    buildNav();
    events.connect();
    route();
}

function logoBadge() {
    const badge = h('span', { class: 'logo-badge', 'aria-hidden': 'true' });
    badge.append(document.querySelector('svg.logo').cloneNode(true));
    return badge;
}

function buildLogin() {
    const name = h('input', { name: 'name', autocomplete: 'username', required: true });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Đăng nhập');
    const form = h(
        'form',
        { class: 'login-box', novalidate: true },
        h('div', { class: 'brand-big' }, logoBadge(), 'Loa phường'),
        h('p', { class: 'muted' }, 'Hệ thống truyền thanh phường — Trung tâm Dịch vụ sự nghiệp công'),
        field('Tên đăng nhập', name),
        field('Mật khẩu', password),
        formError(),
        submit,
    );
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(form);
        if (!name.value.trim()) return showError(form, { field: 'name', message: 'Vui lòng nhập tên đăng nhập.' });
        if (!password.value) return showError(form, { field: 'password', message: 'Vui lòng nhập mật khẩu.' });
        try {
            const me = await busy(submit, api.post(paths.login, { name: name.value.trim(), password: password.value }));
            password.value = '';
            startApp(me);
        } catch (err) {
            showError(form, err);
        }
    });
    set(login, form);
}

async function logout() {
    try {
        await api.post(paths.logout);
    } catch {
        /* the session is gone either way */
    }
    location.hash = '';
    showLogin();
}

document.getElementById('logout').addEventListener('click', logout);
document.getElementById('menu').addEventListener('click', () => {
    const open = document.body.classList.toggle('nav-open');
    document.getElementById('menu').setAttribute('aria-expanded', String(open));
});
window.addEventListener('hashchange', route);
api.onUnauthorized(showLogin);
buildLogin();

api.get(paths.me)
    .then(startApp)
    .catch(showLogin);
