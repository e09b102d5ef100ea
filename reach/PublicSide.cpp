#include "reach/PublicSide.hpp"

#include <spdlog/spdlog.h>

#include "domain/TextsPublic.hpp"
#include "reach/Counts.hpp"
#include "reach/Feed.hpp"
#include "reach/FeedbackForm.hpp"
#include "reach/FeedbackStore.hpp"
#include "reach/Pages.hpp"
#include "reach/Qr.hpp"

namespace lp::reach {
namespace {

namespace t = domain::texts::open;

api::Reply text(std::string body, std::string type, std::string cache = "no-cache") {
    api::Reply r;
    r.text = std::move(body);
    r.content_type = std::move(type);
    r.headers.emplace_back("Cache-Control", std::move(cache));
    return r;
}

api::Reply html(std::string body, int status = 200) {
    auto r = text(std::move(body), "text/html; charset=utf-8");
    r.status = status;
    return r;
}

api::Reply svg(std::string body) { return text(std::move(body), "image/svg+xml", "public, max-age=86400"); }

// A library id as the path gives it: digits only, no sign, no leading zero, at most 18.
std::optional<std::int64_t> id_of(const std::string& text) {
    if (text.empty() || text.size() > 18 || text.front() == '0') return std::nullopt;
    std::int64_t id = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        id = id * 10 + (c - '0');
    }
    return id;
}

}  // namespace

PublicSide::PublicSide(sqlite::Database& db, Site site, auth::Clock clock, int feedback_per_hour)
    : db_(db),
      site_(std::move(site)),
      clock_(std::move(clock)),
      catalogue_(db, site_.weeks),
      limit_(3, std::chrono::minutes(10), feedback_per_hour) {}

std::vector<api::Route> PublicSide::routes() {
    const auto route = [this](std::string method, std::string pattern, api::Reply (PublicSide::*handler)(api::Call&)) {
        return api::Route{
            std::move(method), std::move(pattern), auth::Permission::read, false, false, [this, handler](api::Call& c) {
                return (this->*handler)(c);
            }};
    };
    return {
        route("GET", "/", &PublicSide::list),
        route("GET", "/tin/{id}", &PublicSide::item),
        route("GET", "/nghe/{id}", &PublicSide::audio),
        route("GET", "/rss.xml", &PublicSide::feed),
        route("GET", "/qr", &PublicSide::page_qr),
        route("GET", "/qr/{id}", &PublicSide::qr),
        route("GET", "/ap-phich", &PublicSide::poster),
        route("POST", "/tin/{id}/y-kien", &PublicSide::feedback),
        api::Route{"GET", "/style.css", auth::Permission::read, false, false,
                   [](api::Call&) {
                       return text(std::string(style_sheet()), "text/css; charset=utf-8", "public, max-age=3600");
                   }},
    };
}

PublicItem PublicSide::existing(const api::Call& call) {
    const auto it = call.params.find("id");
    const auto id = it == call.params.end() ? std::nullopt : id_of(it->second);
    auto found = id ? catalogue_.find(*id, clock_()) : std::nullopt;
    if (!found) throw api::ApiError(404, "id", std::string(t::no_such_item));
    return std::move(*found);
}

domain::LocalDate PublicSide::today() const { return domain::local_date(site_.tz, clock_()); }

std::string PublicSide::client_of(const api::Call& call) { return key_.client(today(), call.client, call.user_agent); }

void PublicSide::count(const std::string& client, std::int64_t item, Kind kind) {
    const auto day = today();
    if (!tally_.first(day, client, item, kind)) return;
    try {
        add_count(db_, day, item, kind);
    } catch (const std::exception& e) {
        spdlog::warn("public side: a {} of item {} was not counted: {}", kind_code(kind), item, e.what());
    }
}

void PublicSide::count_qr(const api::Call& call, std::int64_t item) {
    const auto from = call.params.find("from");
    if (from != call.params.end() && from->second == "qr") count(client_of(call), item, Kind::qr);
}

api::Reply PublicSide::list(api::Call& call) {
    count_qr(call, 0);
    return html(list_page(site_, catalogue_.recent(clock_())));
}

api::Reply PublicSide::item(api::Call& call) {
    auto found = existing(call);
    count_qr(call, found.id);
    std::vector<ShownComment> shown;
    for (const auto& f : FeedbackStore(db_).list("approved", found.id, 50))
        if (f.comment) shown.push_back({f.rating.value_or(0), *f.comment, domain::display_date_text(f.day)});
    return html(item_page(site_, found, shown));
}

api::Reply PublicSide::audio(api::Call& call) {
    const auto found = existing(call);
    api::Reply r;
    r.file = found.file;  // the library's own path; the request only named the id
    const auto needed = listen_threshold(found.size_bytes, found.duration_ms);
    r.on_sent = [this, client = client_of(call), id = found.id, needed](std::uint64_t first, std::uint64_t n) {
        if (!tally_.fetched(today(), client, id, first, n, needed)) return;
        try {
            add_count(db_, today(), id, Kind::listen);
        } catch (const std::exception& e) {
            spdlog::warn("public side: a listen of item {} was not counted: {}", id, e.what());
        }
    };
    r.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return r;
}

api::Reply PublicSide::feed(api::Call& call) {
    count(client_of(call), 0, Kind::feed);
    const auto now = clock_();
    return text(rss_feed(site_, catalogue_.recent(now), now), "application/rss+xml; charset=utf-8");
}

api::Reply PublicSide::qr(api::Call& call) { return svg(qr_svg(site_.item_qr_target(existing(call).id))); }

api::Reply PublicSide::page_qr(api::Call&) { return svg(qr_svg(site_.page_qr_target())); }

api::Reply PublicSide::poster(api::Call&) { return html(poster_page(site_, catalogue_.recent(clock_()))); }

}  // namespace lp::reach

namespace lp::reach {

api::Reply PublicSide::feedback(api::Call& call) {
    const auto found = existing(call);
    const std::string back = "/tin/" + std::to_string(found.id);
    if (const auto wait = limit_.take(clock_(), client_of(call))) {
        auto r = html(message_page(t::too_many_title, t::too_many, back), 429);
        r.headers.emplace_back("Retry-After", std::to_string(wait->count()));
        return r;
    }
    const auto form = read_feedback_form(call.body);
    if (!form.error.empty()) return html(message_page(t::not_sent, form.error, back), 422);
    Feedback f;
    f.item = found.id;
    f.channel = "web";
    f.day = today();
    f.rating = form.rating;
    f.comment = form.comment;
    FeedbackStore(db_).add(f);
    return html(message_page(t::thanks_title, t::thanks, back));
}

}  // namespace lp::reach
