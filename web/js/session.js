// Who is logged in and what their role may do: the same table as auth/Role.hpp. The page hides
// what a role may not do; the server still refuses it (403) and the page says so.

const table = {
    admin: ['read', 'library', 'approve', 'emergency', 'journal', 'accounts', 'settings'],
    operator: ['read', 'library', 'emergency', 'journal'],
    approver: ['read', 'approve'],
    viewer: ['read'],
};

export const roleLabels = {
    admin: 'Quản trị',
    operator: 'Người vận hành',
    approver: 'Người duyệt',
    viewer: 'Người xem',
};

export const session = { account: '', role: 'viewer', csrf: '' };

export function setSession(s) {
    session.account = s?.account || '';
    session.role = s?.role || 'viewer';
    session.csrf = s?.csrf || '';
}

export function can(permission) {
    return (table[session.role] || table.viewer).includes(permission);
}
