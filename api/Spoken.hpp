#pragma once
// An item spoken from a Vietnamese text (POST /api/media/say, POST /api/emergency with text):
// espeak-ng into a private folder under the media folder, then the library's own import.

#include <string>

#include "api/Services.hpp"
#include "audio/analysis/Rejection.hpp"
#include "library/Importer.hpp"

namespace lp::api {

// Why the library refused an audio file, for the operator.
std::string rejection_message(const audio::Rejected& r);

// Speaks `text` and imports it through the library on `db` (a worker's own connection); the
// title defaults to the text's beginning. 422 `text` when the text is over 5000 characters,
// espeak-ng fails, or the result is not usable audio.
library::ImportResult import_spoken(Services& s, sqlite::Database& db, const std::string& text,
                                    library::ImportRequest request);

}  // namespace lp::api
