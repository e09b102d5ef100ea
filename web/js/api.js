// The one way the page talks to the daemon: fetch with the session cookie and the CSRF token on
// every request that changes state; errors become ApiError with the field the server named and
// its Vietnamese message.

let csrfToken = '';
const listeners = { unauthorized: [] };

export function setCsrf(token) {
    csrfToken = token || '';
}

export function onUnauthorized(fn) {
    listeners.unauthorized.push(fn);
}

export class ApiError extends Error {
    constructor(status, field, message) {
        super(message);
        this.status = status;
        this.field = field || '';
    }
}

const genericMessages = {
    0: 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.',
    401: 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.',
    403: 'Tài khoản của bạn không có quyền làm việc này.',
    404: 'Không tìm thấy mục này (có thể đã bị xóa).',
    413: 'Tệp quá lớn.',
    429: 'Thử quá nhiều lần. Vui lòng đợi một lát rồi thử lại.',
    500: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.',
};

function errorFrom(status, body) {
    const e = body && typeof body === 'object' ? body.error : null;
    if (e && typeof e.message === 'string' && e.message) return new ApiError(status, e.field, e.message);
    return new ApiError(status, '', genericMessages[status] || genericMessages[status >= 500 ? 500 : 0] || `Lỗi ${status}`);
}

function handleStatus(status, path) {
    if (status === 401 && path !== '/api/login' && path !== '/api/me') listeners.unauthorized.forEach((fn) => fn());
}

export function url(path, query) {
    const u = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(query || {})) {
        if (v === undefined || v === null || v === '') continue;
        if (Array.isArray(v)) v.forEach((x) => u.searchParams.append(k, x));
        else u.searchParams.set(k, v);
    }
    return u.pathname + u.search;
}

export async function request(method, path, { query, body } = {}) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken;
    let payload;
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
        payload = JSON.stringify(body);
    }
    let res;
    try {
        res = await fetch(url(path, query), { method, headers, body: payload, credentials: 'same-origin' });
    } catch {
        throw new ApiError(0, '', genericMessages[0]);
    }
    const text = await res.text();
    let data = null;
    if (text) {
        try {
            data = JSON.parse(text);
        } catch {
            data = null;
        }
    }
    if (!res.ok) {
        handleStatus(res.status, path);
        throw errorFrom(res.status, data);
    }
    return data ?? {};
}

export const get = (path, query) => request('GET', path, { query });
export const post = (path, body, query) => request('POST', path, { body: body ?? {}, query });
export const put = (path, body) => request('PUT', path, { body });
export const patch = (path, body) => request('PATCH', path, { body });
export const del = (path) => request('DELETE', path);

// Uploads a file or a recorded blob as the request body, with progress (0..1) reported as it
// goes. XMLHttpRequest, because fetch cannot report upload progress.
export function upload(path, blob, fileName, { query, onProgress } = {}) {
    return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', url(path, query || {}));
        xhr.setRequestHeader('X-CSRF-Token', csrfToken);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.setRequestHeader('Content-Type', blob.type || 'application/octet-stream');
        xhr.setRequestHeader('X-File-Name', encodeURIComponent(fileName));
        xhr.upload.onprogress = (ev) => {
            if (ev.lengthComputable && onProgress) onProgress(ev.loaded / ev.total);
        };
        xhr.onerror = () => reject(new ApiError(0, '', genericMessages[0]));
        xhr.onload = () => {
            let data = null;
            try {
                data = xhr.responseText ? JSON.parse(xhr.responseText) : {};
            } catch {
                data = null;
            }
            if (xhr.status >= 200 && xhr.status < 300) resolve(data ?? {});
            else {
                handleStatus(xhr.status, path);
                reject(errorFrom(xhr.status, data));
            }
        };
        xhr.send(blob);
    });
}
