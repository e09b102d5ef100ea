#include "domain/Fold.hpp"

#include <array>
#include <unordered_map>

namespace lp::domain {
namespace {

// Every precomposed Vietnamese letter, upper and lower case, grouped by the ASCII letter
// it folds to.
constexpr std::array<std::pair<char, std::u32string_view>, 7> letters{{
    {'a', U"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {'e', U"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
    {'i', U"ìíỉĩịÌÍỈĨỊ"},
    {'o', U"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {'u', U"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
    {'y', U"ỳýỷỹỵỲÝỶỸỴ"},
    {'d', U"đĐ"},
}};

const std::unordered_map<char32_t, char>& table() {
    static const auto map = [] {
        std::unordered_map<char32_t, char> m;
        for (const auto& [base, variants] : letters)
            for (const char32_t c : variants) m.emplace(c, base);
        return m;
    }();
    return map;
}

// Beyond Unicode: what next() returns for a byte that starts no valid sequence.
constexpr char32_t invalid = 0x110000;

// Decodes the UTF-8 sequence at `i` and sets its `length`; a stray byte is `invalid`.
char32_t next(std::string_view s, std::size_t& i, std::size_t& length) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xe ? 2 : (b >> 3) == 0x1e ? 3 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) extra = 0;
    if (extra == 0) return b < 0x80 ? b : invalid;
    char32_t c = b & (0x3f >> extra);
    for (int k = 1; k <= extra; ++k) {
        const auto cont = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((cont & 0xc0) != 0x80) {  // broken sequence: pass the lead byte through
            length = 1;
            return invalid;
        }
        c = (c << 6) | (cont & 0x3f);
    }
    length = static_cast<std::size_t>(extra) + 1;
    return c;
}

}  // namespace

std::string fold(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t length = 1;
        const char32_t c = next(utf8, i, length);
        if (c < 0x80) {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        } else if (c >= 0x300 && c <= 0x36f) {
            // a combining mark: dropped
        } else if (const auto it = table().find(c); it != table().end()) {
            out += it->second;
        } else {
            out.append(utf8.substr(i, length));
        }
        i += length;
    }
    return out;
}

bool folded_contains(std::string_view haystack, std::string_view needle) {
    return fold(haystack).find(fold(needle)) != std::string::npos;
}

}  // namespace lp::domain
