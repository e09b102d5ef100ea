// Small DOM helpers: build elements, show an API error next to the field it names, toasts and
// a confirm dialog (native <dialog>, keyboard usable).

export function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k === 'style') el.style.cssText = v;  // CSSOM: allowed under a strict Content-Security-Policy
        else if (k === 'dataset') Object.assign(el.dataset, v);
        else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
        else if (k === 'value') el.value = v;
        else if (k === 'checked' || k === 'selected' || k === 'disabled' || k === 'hidden') el[k] = Boolean(v);
        else el.setAttribute(k, v === true ? '' : v);
    }
    append(el, children);
    return el;
}

// Replaces an element's children; arrays are flattened and null/false left out.
export function set(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

function append(el, children) {
    for (const c of children) {
        if (c === undefined || c === null || c === false || c === '') continue;
        if (Array.isArray(c)) append(el, c);
        else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
}

let uid = 0;
export function nextId(prefix = 'f') {
    uid += 1;
    return `${prefix}-${uid}`;
}

// A labelled form control with room for its error message. `control` is an element whose
// `name` is the API field; the error is tied to it with aria-describedby.
export function field(label, control, hint) {
    const id = control.id || nextId(control.name || 'f');
    control.id = id;
    const err = h('p', { class: 'field-error', id: `${id}-err`, role: 'alert', hidden: true });
    const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
    control.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : '', `${id}-err`].join(' ').trim());
    return h('div', { class: 'field', dataset: { field: control.name || '' } }, h('label', { for: id }, label), control, hintEl, err);
}

export function select(name, options, value, attrs = {}) {
    return h(
        'select',
        { name, ...attrs },
        options.map(([v, label]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, label)),
    );
}

export function clearErrors(root) {
    root.querySelectorAll('.field-error').forEach((e) => {
        e.hidden = true;
        e.textContent = '';
    });
    root.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    const general = root.querySelector('.form-error');
    if (general) {
        general.hidden = true;
        general.textContent = '';
    }
}

// Shows an ApiError next to the field it names (field "item" also matches a control named
// "item_id" and dotted paths match on their first part); anything else goes to the form's
// general error line, or a toast.
export function showError(root, err) {
    clearErrors(root);
    const msg = err?.message || String(err);
    const name = err?.field || '';
    if (name) {
        const candidates = [name, name.split(/[.[]/)[0], `${name}_id`, name.replace(/_id$/, '')];
        for (const n of candidates) {
            const holder = root.querySelector(`.field[data-field="${CSS.escape(n)}"]`);
            if (!holder) continue;
            const e = holder.querySelector('.field-error');
            e.textContent = msg;
            e.hidden = false;
            holder.querySelector('input,select,textarea')?.setAttribute('aria-invalid', 'true');
            holder.querySelector('input,select,textarea')?.focus();
            return;
        }
    }
    const general = root.querySelector('.form-error');
    if (general) {
        general.textContent = msg;
        general.hidden = false;
    } else toast(msg, 'error');
}

export function formError() {
    return h('p', { class: 'form-error', role: 'alert', hidden: true });
}

export function toast(message, kind = 'info') {
    const region = document.getElementById('toasts');
    const t = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
    region.append(t);
    setTimeout(() => t.remove(), kind === 'error' ? 8000 : 4000);
}

// A modal dialog with the given content and buttons; resolves with the button's value
// ('' when closed with Escape).
export function dialog(title, content, buttons) {
    return new Promise((resolve) => {
        const titleId = nextId('dlg');
        const d = h(
            'dialog',
            { class: 'dialog', 'aria-labelledby': titleId },
            h('h2', { id: titleId }, title),
            h('div', { class: 'dialog-body' }, content),
            h(
                'div',
                { class: 'actions' },
                buttons.map((b) =>
                    h('button', { type: 'button', class: b.class || '', value: b.value, onclick: () => d.close(b.value) }, b.label),
                ),
            ),
        );
        d.addEventListener('close', () => {
            resolve(d.returnValue);
            d.remove();
        });
        document.body.append(d);
        d.showModal();
    });
}

export function confirmDialog(title, message, okLabel, danger = false) {
    return dialog(title, h('p', {}, message), [
        { label: 'Hủy', value: '' },
        { label: okLabel, value: 'ok', class: danger ? 'danger' : 'primary' },
    ]).then((v) => v === 'ok');
}

export function busy(button, promise) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    return promise.finally(() => {
        button.disabled = false;
        button.removeAttribute('aria-busy');
    });
}

export function empty(text) {
    return h('p', { class: 'empty' }, text);
}

export function formData(form) {
    const out = {};
    for (const el of form.elements) {
        if (!el.name || el.disabled) continue;
        if (el.type === 'checkbox') {
            if (el.dataset.group) {
                out[el.name] ??= [];
                if (el.checked) out[el.name].push(el.value);
            } else out[el.name] = el.checked;
        } else if (el.multiple) out[el.name] = [...el.selectedOptions].map((o) => o.value);
        else if (el.type === 'radio') {
            if (el.checked) out[el.name] = el.value;
        } else out[el.name] = el.value;
    }
    return out;
}
