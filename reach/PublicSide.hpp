#pragma once
// The routes of the public listener (issue 13), served by http::Server with open_site: the list
// page, item pages, audio by library id (Range by the server), the podcast feed, QR codes and
// the A4 poster. Nothing else is reachable there. Handlers run on the loop and read the loop's
// connection; they never end the daemon (the server turns a throw into a 500 page).
//
// Counting (reach_count): a listen when a client has fetched the listen threshold of an item's
// file (Reply::on_sent, so only bytes written in full count), a feed fetch, and a QR scan (a
// visit tagged ?from=qr, as the QR codes link); each once per client, item and local day. A
// client is DailyKey's name for its address and user agent, kept in memory for the day only.
//
// Feedback (POST /tin/{id}/y-kien, a form): a rating 1..5 and an optional comment of at most
// 1000 characters, stored pending (reach/FeedbackStore) without anything about the sender;
// rate-limited per client and overall (429, nothing stored). Approved comments show on the
// item page, escaped.

#include <vector>

#include "api/Call.hpp"
#include "auth/Clock.hpp"
#include "db/sqlite/Database.hpp"
#include "reach/Catalogue.hpp"
#include "reach/DailyKey.hpp"
#include "reach/RateLimit.hpp"
#include "reach/Site.hpp"
#include "reach/Tally.hpp"

namespace lp::reach {

class PublicSide {
public:
    // `clock` gives "now" (tests move it: the listen window, the day the counts go to).
    // `feedback_per_hour`: sends of the form an hour, all visitors together.
    PublicSide(sqlite::Database& db, Site site, auth::Clock clock, int feedback_per_hour = 200);
    std::vector<api::Route> routes();

private:
    api::Reply list(api::Call& call);
    api::Reply item(api::Call& call);
    api::Reply audio(api::Call& call);
    api::Reply feed(api::Call& call);
    api::Reply qr(api::Call& call);
    api::Reply page_qr(api::Call& call);
    api::Reply poster(api::Call& call);
    api::Reply feedback(api::Call& call);
    // The item a "{id}" capture names, or a 404 page.
    PublicItem existing(const api::Call& call);
    domain::LocalDate today() const;
    std::string client_of(const api::Call& call);
    // Counts once per client, item and day; a database error loses the count (logged), never the page.
    void count(const std::string& client, std::int64_t item, Kind kind);
    void count_qr(const api::Call& call, std::int64_t item);

    sqlite::Database& db_;
    Site site_;
    auth::Clock clock_;
    Catalogue catalogue_;
    DailyKey key_;
    Tally tally_;
    RateLimit limit_;
};

}  // namespace lp::reach
