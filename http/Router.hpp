#pragma once
// Which api::Route a request names: "{name}" segments capture one percent-decoded path
// segment, query parameters are URL-decoded. Pure: no sockets, unit-tested alone.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/Call.hpp"

namespace lp::http {

// Percent-decodes `text` ('+' becomes a space when `plus_is_space`). nullopt: a bad escape
// or a decoded NUL.
std::optional<std::string> url_decode(std::string_view text, bool plus_is_space);

// "a=1&b=x+y" (a query or an application/x-www-form-urlencoded body) into `out`; keys already
// in `out` are kept. False on a bad escape.
bool decode_pairs(std::string_view text, std::map<std::string, std::string>& out);

struct Match {
    enum class Kind { found, not_found, wrong_method, bad_request } kind = Kind::not_found;
    const api::Route* route = nullptr;
    std::map<std::string, std::string> params;  // captures, then query parameters
    std::string path;                           // decoded path, without the query
};

class Router {
public:
    explicit Router(std::vector<api::Route> routes);
    // `target` is the request target as sent ("/api/media/12?x=1").
    Match match(std::string_view method, std::string_view target) const;
    const std::vector<api::Route>& routes() const { return routes_; }

private:
    std::vector<api::Route> routes_;
};

}  // namespace lp::http
