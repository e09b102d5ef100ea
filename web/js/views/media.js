// How the page reads an item's approval state and where it listens to it.

import { paths } from '../endpoints.js';

export function approvalOf(it) {
    if (it.approval && typeof it.approval === 'object') return it.approval.state || 'pending';
    if (it.approval) return it.approval;
    if (it.status && ['pending', 'approved', 'rejected'].includes(it.status)) return it.status;
    if (it.approved_by) return 'approved';
    if (it.rejected_by || it.rejected_at) return 'rejected';
    return 'pending';
}

export function listenUrl(it) {
    return it.listen_url || paths.mediaListen(it.id);
}
