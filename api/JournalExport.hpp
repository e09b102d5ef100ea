#pragma once
// The journal read whole, on a worker with its own connection (docs/api.md "Journal"):
// GET /api/journal/export (a period's file in the official layout, the code the CLI's
// `journal export` uses) and GET /api/journal/verify (the seal chains, as `journal verify`).

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

Reply export_journal(Services& s, Call& call);
Reply verify_journal(Services& s, Call& call);

}  // namespace lp::api
