#pragma once
#include <stdexcept>
#include <string>

namespace lp::config {

// A configuration problem. what() reads "FILE:LINE: KEY: message" so the operator can go
// straight to the line. The daemon exits with status 78 (EX_CONFIG) on it.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr int exit_config_error = 78;

}  // namespace lp::config
