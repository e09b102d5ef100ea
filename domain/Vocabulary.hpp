#pragma once
// The project's shared vocabulary (DESIGN.md): topic codes of the plan's section II.1,
// forms of presentation, airing statuses, each with its Vietnamese label for the operator.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lp::domain {

struct Term {
    std::string_view code;
    std::string_view label;  // Vietnamese, shown to the operator and in exports
};

std::span<const Term> topics();
std::span<const Term> forms();

bool is_topic(std::string_view code);
bool is_form(std::string_view code);
// Label for a code, or the code itself when unknown (an old row may carry a retired code).
std::string_view topic_label(std::string_view code);
std::string_view form_label(std::string_view code);
// The labels of several topics, "; " between them (an item may have several).
std::string topic_labels(const std::vector<std::string>& codes);

}  // namespace lp::domain
