// Every API path the page calls, in one place (docs/api.md is the reference). Paths with an id
// are functions.

export const paths = {
    login: '/api/login',
    logout: '/api/logout',
    me: '/api/me',
    events: '/api/events',
    status: '/api/status',
    vocabulary: '/api/vocabulary',
    media: '/api/media', // GET list (?search&topic&form&approval), POST upload (body = the file)
    mediaItem: (id) => `/api/media/${id}`, // GET one (with its journal-facing fields), PATCH
    mediaAction: (id, action) => `/api/media/${id}/${action}`, // POST approve | reject | revoke | retire
    mediaListen: (id) => `/api/media/${id}/audio`,
    say: '/api/media/say',
    slots: '/api/slots', // GET
    slot: (name) => `/api/slots/${encodeURIComponent(name)}`, // PUT {…, dry_run, force}, DELETE
    preview: '/api/schedule', // ?date=dd/mm/yyyy
    emergency: '/api/emergency',
    emergencyRequests: '/api/emergency/requests',
    emergencyDecision: (id, action) => `/api/emergency/requests/${id}/${action}`, // confirm | refuse
    playNext: '/api/player/play-next',
    stop: '/api/player/stop',
    live: '/api/live',
    journal: '/api/journal', // GET ?from&to (dd/mm/yyyy)&topic&form&status&limit
    journalRow: (id) => `/api/journal/${id}`,
    journalManual: '/api/journal/manual',
    journalCorrect: (id) => `/api/journal/${id}/correct`,
    reportExport: '/api/journal/export', // ?period=2026Q1&format=xlsx|pdf|csv|json
    reportFiles: '/api/reports',
    reportFiling: '/api/report-filing', // ?period=2026Q1: the number and narrative saved for a period
    reportFile: (name) => `/api/reports/${encodeURIComponent(name)}`,
    interest: '/api/interest', // ?period=2026Q1
    feedback: '/api/feedback', // GET approved, POST record (another channel)
    feedbackPending: '/api/feedback/pending',
    feedbackAction: (id, action) => `/api/feedback/${id}/${action}`, // POST approve | reject
    organisation: '/api/settings/organisation',
    accounts: '/api/accounts',
    account: (name) => `/api/accounts/${encodeURIComponent(name)}`,
    tokens: '/api/tokens',
    token: (id) => `/api/tokens/${id}`,
};
