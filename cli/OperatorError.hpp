#pragma once
#include <stdexcept>

namespace lp::cli {

// A mistake in what the operator asked for; what() is Vietnamese, shown as is. Exit status 2.
class OperatorError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr int exit_usage = 2;

}  // namespace lp::cli
