#pragma once
// Text placed into HTML or XML: the five characters that could open markup or end an
// attribute become entities. Everything a visitor sent is shown through this.

#include <string>
#include <string_view>

namespace lp::http {

std::string html_escape(std::string_view text);

}  // namespace lp::http
