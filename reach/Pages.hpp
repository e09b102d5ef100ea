#pragma once
// The public side's HTML pages, rendered on the server (no script: a phone opening a QR link
// gets a page that works at once). Everything from the library or a visitor is escaped.

#include <string>
#include <string_view>
#include <vector>

#include "reach/Site.hpp"

namespace lp::reach {

std::string list_page(const Site& site, const std::vector<PublicItem>& items);
std::string item_page(const Site& site, const PublicItem& item, const std::vector<ShownComment>& comments);
// An A4 poster: the page's QR code large, then the items' codes (at most 12).
std::string poster_page(const Site& site, const std::vector<PublicItem>& items);
// A short page: a title, a sentence, a link back to `back` (a site path).
std::string message_page(std::string_view title, std::string_view text, std::string_view back);
// The one style sheet (GET /style.css): phones first, and the poster's print layout.
std::string_view style_sheet();

}  // namespace lp::reach
