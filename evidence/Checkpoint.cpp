#include "evidence/Checkpoint.hpp"

#include <map>
#include <stdexcept>

namespace lp::evidence {
namespace {

constexpr std::string_view checkpoint_tag = "LP-CKPT/1";

std::string checkpoint_fields(const std::string& key_id, std::int64_t seq, const std::string& seal,
                              domain::TimePoint at) {
    return "key=" + key_id + " seq=" + std::to_string(seq) + " seal=" + seal + " at=" + domain::to_utc_text(at);
}

// "k=v k=v ..." after the tag, up to the end of the line.
std::map<std::string, std::string> fields_of(std::string_view s) {
    std::map<std::string, std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const auto end = std::min(s.find(' ', i), s.size());
        const auto word = s.substr(i, end - i);
        const auto eq = word.find('=');
        if (eq != std::string_view::npos) out[std::string(word.substr(0, eq))] = std::string(word.substr(eq + 1));
        i = end;
    }
    return out;
}

bool is_hex(const std::string& s, std::size_t n) {
    return s.size() == n && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// The line starting at `tag` in `text`, up to the end of line (or text).
std::optional<std::string_view> line_at(std::string_view text, std::string_view tag) {
    const auto at = text.find(tag);
    if (at == std::string_view::npos) return std::nullopt;
    auto end = text.find_first_of("\r\n\"<,)", at);
    if (end == std::string_view::npos) end = text.size();
    return text.substr(at, end - at);
}

std::optional<Checkpoint> checkpoint_of(std::string_view line, const std::map<std::string, std::string>& f) {
    const auto sig = line.rfind(" sig=");
    if (sig == std::string_view::npos) return std::nullopt;
    const auto get = [&](const char* k) {
        auto it = f.find(k);
        return it == f.end() ? std::string() : it->second;
    };
    Checkpoint c;
    c.key_id = get("key");
    c.seal = get("seal");
    c.signature = get("sig");
    c.signed_text = std::string(line.substr(0, sig));
    const auto seq = get("seq");
    if (!is_hex(c.key_id, 16) || !is_hex(c.seal, 64) || !is_hex(c.signature, 128) || seq.empty() ||
        seq.find_first_not_of("0123456789") != std::string::npos || seq.size() > 18)
        return std::nullopt;
    c.chain_seq = std::stoll(seq);
    try {
        c.at = domain::from_utc_text(get("at"));
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    return c;
}

}  // namespace

Checkpoint make_checkpoint(const KeyPair& key, std::int64_t chain_seq, const std::string& seal, domain::TimePoint at) {
    Checkpoint c;
    c.key_id = key_id(key.public_hex);
    c.chain_seq = chain_seq;
    c.seal = seal;
    c.at = at;
    c.signed_text = std::string(checkpoint_tag) + " " + checkpoint_fields(c.key_id, chain_seq, seal, at);
    c.signature = sign(key.secret_hex, c.signed_text);
    return c;
}

ExportSignature make_export_signature(const KeyPair& key, const Checkpoint& cp, const std::string& period_code,
                                      std::int64_t rows, const std::string& digest, const std::string& made_on,
                                      const std::string& format, const std::string& content) {
    ExportSignature s{cp, period_code, rows, digest, made_on, format, content};
    auto& c = s.checkpoint;
    c.key_id = key_id(key.public_hex);
    c.signed_text = std::string(export_signature_tag) + " " + checkpoint_fields(c.key_id, c.chain_seq, c.seal, c.at) +
                    " period=" + period_code + " rows=" + std::to_string(rows) + " digest=" + digest +
                    " made=" + made_on + " format=" + format + " content=" + content;
    c.signature = sign(key.secret_hex, c.signed_text);
    return s;
}

std::optional<Checkpoint> parse_checkpoint(std::string_view text) {
    for (auto tag : {checkpoint_tag, export_signature_tag})
        if (auto line = line_at(text, tag)) return checkpoint_of(*line, fields_of(line->substr(tag.size())));
    return std::nullopt;
}

std::optional<ExportSignature> find_export_signature(std::string_view text) {
    const auto line = line_at(text, export_signature_tag);
    if (!line) return std::nullopt;
    const auto f = fields_of(line->substr(export_signature_tag.size()));
    auto c = checkpoint_of(*line, f);
    if (!c) return std::nullopt;
    const auto get = [&](const char* k) {
        auto it = f.find(k);
        return it == f.end() ? std::string() : it->second;
    };
    ExportSignature s;
    s.checkpoint = *c;
    s.period_code = get("period");
    const auto rows = get("rows");
    if (rows.empty() || rows.find_first_not_of("0123456789") != std::string::npos || rows.size() > 18)
        return std::nullopt;
    s.rows = std::stoll(rows);
    s.digest = get("digest");
    s.made_on = get("made");
    s.format = get("format");
    s.content = get("content");
    if (s.period_code.empty() || s.format.empty() || s.content.empty()) return std::nullopt;
    return s;
}

bool signed_by(const Checkpoint& c, std::string_view public_hex) {
    try {
        return key_id(public_hex) == c.key_id && verify(public_hex, c.signed_text, c.signature);
    } catch (const std::invalid_argument&) {
        return false;
    }
}

}  // namespace lp::evidence
