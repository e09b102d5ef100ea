// libFuzzer target: arbitrary bytes through the server's request parsing (Beast's parser with
// the server's header and JSON body limits), routing, query decoding, Range parsing, JSON body
// parsing and audio sniffing. Nothing may crash, hang or read out of bounds.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/ParsedRequest.hpp"
#include "http/Range.hpp"
#include "http/Router.hpp"
#include "http/Sniff.hpp"

namespace {

const lp::http::Router& router() {
    static const lp::http::Router r = [] {
        std::vector<lp::api::Route> routes;
        for (const char* p : {"/api/login", "/api/media", "/api/media/{id}", "/api/media/{id}/tags/{tag}",
                              "/api/journal/{year}/{month}", "/healthz"})
            for (const char* m : {"GET", "POST", "DELETE"})
                routes.push_back({m, p, lp::auth::Permission::read, false, false, nullptr});
        return lp::http::Router(std::move(routes));
    }();
    return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace bh = boost::beast::http;
    const auto parsed = lp::fuzz::parse_request(data, size, 16 * 1024, 1024 * 1024);
    if (!parsed) return 0;
    const auto& req = *parsed;
    const auto target = lp::fuzz::view(req.target());
    const auto method = lp::fuzz::view(req.method_string());
    const auto match = router().match(method, target);
    (void)match;
    (void)lp::http::parse_range(lp::fuzz::view(req[bh::field::range]), size, 4096);
    const std::string& body = req.body();
    (void)lp::http::looks_like_audio(body);
    if (!body.empty()) {
        const auto json = nlohmann::json::parse(body, nullptr, false);
        if (!json.is_discarded()) (void)json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return 0;
}
