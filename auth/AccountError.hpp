#pragma once
#include <stdexcept>
#include <string>

namespace lp::auth {

// A refused account or token operation. what() is Vietnamese, for the operator; `field` names
// the input at fault. The API answers it as 400/404/409, the CLI with exit status 2.
class AccountError : public std::runtime_error {
public:
    enum class Kind { invalid, not_found, conflict };
    AccountError(Kind kind, std::string field, const std::string& message)
        : std::runtime_error(message), kind_(kind), field_(std::move(field)) {}
    Kind kind() const { return kind_; }
    const std::string& field() const { return field_; }

private:
    Kind kind_;
    std::string field_;
};

}  // namespace lp::auth
