#pragma once
// What every public page, the feed and the poster say about the site: its address and owner.

#include <string>

#include "reach/Catalogue.hpp"

namespace date {
class time_zone;
}

namespace lp::reach {

struct Site {
    std::string base_url;  // absolute, no trailing '/': links in the feed and QR codes
    std::string parent_body;
    std::string issuing_body;
    int weeks = 8;
    const date::time_zone* tz = nullptr;

    std::string item_url(std::int64_t id) const { return base_url + "/tin/" + std::to_string(id); }
    std::string audio_url(std::int64_t id) const { return base_url + "/nghe/" + std::to_string(id); }
    // What a QR code opens: tagged so that the visit counts as a scan.
    std::string item_qr_target(std::int64_t id) const { return item_url(id) + "?from=qr"; }
    std::string page_qr_target() const { return base_url + "/?from=qr"; }
};

// A comment shown on an item page (approved by a reviewer).
struct ShownComment {
    int rating = 0;  // 0: none
    std::string comment;
    std::string day;  // dd/mm/yyyy
};

}  // namespace lp::reach
