#pragma once
// The podcast feed (RSS 2.0) of the items the list page shows: what the ward's portal, Zalo
// official account or fan page links to. Each item's enclosure is its audio with its length in
// bytes and its type; dates are RFC 822 (in GMT); all text is escaped.

#include <string>
#include <vector>

#include "reach/Site.hpp"

namespace lp::reach {

// "Tue, 01 Dec 2026 01:00:00 GMT"
std::string rfc822(domain::TimePoint t);

std::string rss_feed(const Site& site, const std::vector<PublicItem>& items, domain::TimePoint now);

}  // namespace lp::reach
