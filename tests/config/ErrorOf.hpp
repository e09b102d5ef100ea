#pragma once
// The message a configuration text is refused with ("t.toml:LINE: KEY: ..."), or "<no error>".
#include <string>
#include <string_view>

#include "config/ConfigError.hpp"
#include "config/Load.hpp"

namespace lp::config::test {

inline std::string error_of(std::string_view text) {
    try {
        parse(text, "t.toml", "/srv/lp");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "<no error>";
}

}  // namespace lp::config::test
