#pragma once
#include <stdexcept>

namespace lp::cli {

// loaphuongd runs but the command cannot reach it or is refused (no token file, a token it does
// not accept, the listener not answering). Nothing was changed; what() is Vietnamese. Exit 4.
class DaemonLinkError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr int exit_daemon_link = 4;

}  // namespace lp::cli
