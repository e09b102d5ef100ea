#pragma once
// The journal's operator writes: POST /api/journal/manual and POST /api/journal/{id}/correct
// (docs/api.md "Journal"). Loop routes: see JournalWrites.cpp for why.

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

Reply add_manual_entry(Services& s, Call& call);
Reply correct_journal_row(Services& s, Call& call);

}  // namespace lp::api
