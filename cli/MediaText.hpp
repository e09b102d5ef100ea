#pragma once
// Operator-facing text and option checks of the `media` commands (Vietnamese).

#include <optional>
#include <string>
#include <vector>

#include "audio/analysis/Rejection.hpp"
#include "domain/Time.hpp"
#include "library/Item.hpp"

namespace lp::cli {

// Checks each code against the vocabulary; throws OperatorError naming the bad one.
std::vector<std::string> checked_topics(const std::vector<std::string>& codes);
std::string checked_form(const std::string& code);
// Parses a date option (dd/mm/yyyy or yyyy-mm-dd); "" means none. Throws OperatorError.
std::optional<domain::LocalDate> date_option(const std::string& option, const std::string& text);
// Throws OperatorError when until < from.
void check_validity(const std::optional<domain::LocalDate>& from, const std::optional<domain::LocalDate>& until);

// "Tệp "x" bị hỏng: giải mã thất bại ở giây 12,345 (...)" and the like.
std::string rejection_text(const std::string& file, const audio::Rejected& r);

// "00:03:25", "-18,2 LUFS": numbers the Vietnamese way (decimal comma).
std::string decimal(double value, int digits);
std::string duration_text(const std::optional<std::int64_t>& ms);
std::string topics_text(const std::vector<std::string>& topics);  // "m, k"
std::string validity_text(const library::Item& item);             // "01/03/2026 – 31/03/2026" or ""
// One line of `media list`, marked when expired or retired on `today`.
std::string list_line(const library::Item& item, domain::LocalDate today);
// Every field of `media show`.
std::string details(const library::Item& item, domain::LocalDate today, std::int64_t airings);

}  // namespace lp::cli
