#pragma once
// The item page's feedback form as the server decoded it ({"rating": "4", "comment": "..."}):
// checked before anything is stored. Pure.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace lp::reach {

inline constexpr std::size_t max_comment_chars = 1000;

struct FeedbackForm {
    int rating = 0;                      // 1..5
    std::optional<std::string> comment;  // trimmed; none when empty
    std::string error;                   // Vietnamese, for the visitor; empty when the form is good
};

FeedbackForm read_feedback_form(const nlohmann::json& fields);

}  // namespace lp::reach
