#pragma once
// Arbitrary bytes through Beast's request parser with a listener's limits, as the fuzz targets
// take them: the request when its header is whole (the body as far as it came).

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace lp::fuzz {

using Request = boost::beast::http::request<boost::beast::http::string_body>;

inline std::optional<Request> parse_request(const std::uint8_t* data, std::size_t size, std::uint32_t header_limit,
                                            std::uint64_t body_limit) {
    boost::beast::http::request_parser<boost::beast::http::string_body> parser;
    parser.header_limit(header_limit);
    parser.body_limit(body_limit);
    parser.eager(true);
    boost::beast::error_code ec;
    parser.put(boost::asio::buffer(data, size), ec);
    if (ec || !parser.is_header_done()) return std::nullopt;
    return parser.release();
}

inline std::string_view view(boost::beast::string_view s) { return {s.data(), s.size()}; }

}  // namespace lp::fuzz
