#pragma once
#include <string>
#include <string_view>

namespace lp::domain {

// Text folded for accent-insensitive search: Vietnamese letters lose their tone and vowel
// marks (ả ấ ờ → a a o, đ → d), ASCII is lower-cased, combining marks (U+0300–U+036F, as
// in decomposed NFD text) are dropped; anything else passes through unchanged. So
// fold("Cải cách HÀNH CHÍNH") == fold("cai cach hanh chinh") == "cai cach hanh chinh".
std::string fold(std::string_view utf8);

// True when fold(needle) occurs in fold(haystack).
bool folded_contains(std::string_view haystack, std::string_view needle);

}  // namespace lp::domain
