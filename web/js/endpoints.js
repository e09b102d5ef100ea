// Every API path the page calls, in one place (docs/api.md is the reference). Paths with an id
// are functions.

export const paths = {
    login: '/api/login',
    logout: '/api/logout',
    me: '/api/me',
    events: '/api/events',
    status: '/api/status',
    outputs: '/api/outputs',
    media: '/api/media', // GET list (?q&topic&form&approval), POST upload (body = the file)
    mediaItem: (id) => `/api/media/${id}`, // PATCH
    mediaAction: (id, action) => `/api/media/${id}/${action}`, // POST approve | reject | revoke | retire
    mediaListen: (id) => `/api/media/${id}/audio`,
    say: '/api/media/say',
    slots: '/api/slots', // GET, POST (?dry_run=1)
    slot: (id) => `/api/slots/${id}`, // PUT (?dry_run=1), DELETE
    preview: '/api/schedule/preview', // ?date=yyyy-mm-dd
    emergency: '/api/emergency',
    playNext: '/api/player/next',
    stop: '/api/player/stop',
    journal: '/api/journal', // GET ?from&to&topic&form&status, POST manual entry
    journalCorrect: (id) => `/api/journal/${id}/correct`,
    reportExport: '/api/reports/export', // ?period=2026Q1&format=xlsx|pdf|csv|json
    reportFiles: '/api/reports/files',
    reportFile: (name) => `/api/reports/files/${encodeURIComponent(name)}`,
    organisation: '/api/settings/organisation',
    accounts: '/api/accounts',
    account: (name) => `/api/accounts/${encodeURIComponent(name)}`,
    tokens: '/api/tokens',
    token: (id) => `/api/tokens/${id}`,
};
