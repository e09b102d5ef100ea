// libFuzzer target: arbitrary bytes as one request to the public listen-again side (issue 13):
// Beast's parser with the public listener's limits, the public routes, query and form decoding,
// and the handlers themselves over a real SQLite file with one listed item: pages, audio (its
// after-sent counting hook with the request's Range), feed, QR codes and the feedback form with
// its rate limit. Nothing may crash, hang, or answer with a file other than the library's.
#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string_view>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "fuzz/ParsedRequest.hpp"
#include "http/Range.hpp"
#include "http/Router.hpp"
#include "reach/PublicSide.hpp"

namespace {

namespace fs = std::filesystem;

struct Site {
    fs::path dir = fs::temp_directory_path() / ("lp-public-fuzz-" + std::to_string(::getpid()));
    fs::path audio = dir / "tin.mp3";
    lp::sqlite::Database db;
    lp::reach::PublicSide side;
    lp::http::Router router;

    static lp::sqlite::Database open(const fs::path& dir, const fs::path& audio) {
        fs::create_directories(dir);
        std::ofstream(audio, std::ios::binary) << std::string(64 * 1024, '\xff');
        auto db = lp::db::open_store(dir / "lp.db");
        db.exec("INSERT INTO media_item (id, file, title, topic, form, duration_ms) VALUES (7, '" + audio.string() +
                "', 'Thủ tục <b>&', 'b', 'tin', 60000)");
        db.exec(
            "INSERT INTO journal (scheduled_at, started_at, media_item_id, title, topic, form, slot, outputs, status) "
            "VALUES ('2026-12-01T01:00:00.000Z', '2026-12-01T01:00:00.000Z', 7, 't', 'b', 'tin', 's', 'o', "
            "'completed')");
        return db;
    }

    Site()
        : db(open(dir, audio)),
          side(db, {"http://nghe.test", "UBND", "TRUNG TÂM", 8, lp::domain::zone("Asia/Ho_Chi_Minh")},
               [] { return lp::domain::from_utc_text("2026-12-01T08:00:00.000Z"); }),
          router(side.routes()) {}
};

Site& site() {
    static Site s;
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace bh = boost::beast::http;
    const auto parsed = lp::fuzz::parse_request(data, size, 8 * 1024, 4 * 1024);
    if (!parsed) return 0;
    const auto& req = *parsed;
    const auto target = lp::fuzz::view(req.target());
    const auto method = lp::fuzz::view(req.method_string());
    auto& s = site();
    const auto match = s.router.match(method, target);
    if (match.kind != lp::http::Match::Kind::found) return 0;
    lp::api::Call call;
    call.method = std::string(method);
    call.path = match.path;
    call.params = match.params;
    call.client = "203.0.113.9";
    call.user_agent = std::string(lp::fuzz::view(req[bh::field::user_agent]));
    std::map<std::string, std::string> form;
    if (lp::http::decode_pairs(req.body(), form)) {
        call.body = nlohmann::json::object();
        for (auto& [k, v] : form) call.body[k] = v;
    }
    try {
        const auto reply = match.route->handler(call);
        if (reply.file && *reply.file != s.audio) std::abort();  // a path from the request
        if (reply.on_sent) {
            const auto r = lp::http::parse_range(lp::fuzz::view(req[bh::field::range]), 64 * 1024, 4096);
            reply.on_sent(r.range.first, r.range.last - r.range.first + 1);
        }
    } catch (const lp::api::ApiError&) {
    }
    return 0;
}
