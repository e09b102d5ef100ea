#include "reach/FeedbackForm.hpp"

#include "domain/TextsPublic.hpp"

namespace lp::reach {
namespace {

namespace t = domain::texts::open;

std::string field(const nlohmann::json& fields, const char* name) {
    if (!fields.is_object()) return {};
    const auto it = fields.find(name);
    return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// Characters in valid UTF-8 (nullopt when it is not), and no control characters but line
// breaks and tabs.
std::optional<std::size_t> text_chars(const std::string& s) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return std::nullopt;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return std::nullopt;
        if (n == 1 && (c < 0x20 || c == 0x7f) && c != '\n' && c != '\r' && c != '\t') return std::nullopt;
        i += n;
        ++chars;
    }
    return chars;
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

FeedbackForm read_feedback_form(const nlohmann::json& fields) {
    FeedbackForm form;
    const auto rating = field(fields, "rating");
    if (rating.size() != 1 || rating[0] < '1' || rating[0] > '5') {
        form.error = t::bad_rating;
        return form;
    }
    form.rating = rating[0] - '0';
    const auto comment = trimmed(field(fields, "comment"));
    const auto chars = text_chars(comment);
    if (!chars) {
        form.error = t::comment_not_text;
        return form;
    }
    if (*chars > max_comment_chars) {
        form.error = t::comment_too_long;
        return form;
    }
    if (!comment.empty()) form.comment = comment;
    return form;
}

}  // namespace lp::reach
