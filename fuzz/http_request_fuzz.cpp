// libFuzzer target: arbitrary bytes through the server's request parsing (Beast's parser with
// the server's header and JSON body limits), routing, query decoding, Range parsing, JSON body
// parsing and audio sniffing. Nothing may crash, hang or read out of bounds.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

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
    bh::request_parser<bh::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(1024 * 1024);
    parser.eager(true);
    boost::beast::error_code ec;
    parser.put(boost::asio::buffer(data, size), ec);
    if (ec || !parser.is_header_done()) return 0;
    const auto& req = parser.get();
    const std::string_view target{req.target().data(), req.target().size()};
    const std::string_view method{req.method_string().data(), req.method_string().size()};
    const auto match = router().match(method, target);
    (void)match;
    const auto range = req[bh::field::range];
    (void)lp::http::parse_range(std::string_view{range.data(), range.size()}, size, 4096);
    const std::string& body = req.body();
    (void)lp::http::looks_like_audio(body);
    if (!body.empty()) {
        const auto json = nlohmann::json::parse(body, nullptr, false);
        if (!json.is_discarded()) (void)json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return 0;
}
