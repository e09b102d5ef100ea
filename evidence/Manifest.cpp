#include "evidence/Manifest.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <stdexcept>

#include "evidence/Checkpoint.hpp"
#include "journal/Sha256.hpp"

namespace lp::evidence {
namespace {

using nlohmann::ordered_json;

constexpr const char* manifest_format = "loaphuong-package/1";
constexpr const char* pack_tag = "LP-PACK/1";

}  // namespace

std::string manifest_json(const Manifest& m) {
    ordered_json files = ordered_json::array();
    for (const auto& f : m.files) files.push_back({{"name", f.name}, {"bytes", f.bytes}, {"sha256", f.sha256}});
    ordered_json recordings = ordered_json::array();
    for (const auto& r : m.recordings)
        recordings.push_back(
            {{"folder", r.folder}, {"day", r.day}, {"file", r.file}, {"bytes", r.bytes}, {"sha256", r.sha256}});
    const ordered_json doc = {{"format", manifest_format},
                              {"period", m.period_code},
                              {"period_words", m.period_words},
                              {"made_on", m.made_on},
                              {"partial", m.partial},
                              {"files", files},
                              {"archive_recordings", recordings},
                              {"checkpoint", m.checkpoint}};
    return doc.dump(2) + "\n";
}

Manifest parse_manifest(const std::string& bytes) {
    try {
        const auto j = ordered_json::parse(bytes);
        if (j.value("format", "") != manifest_format)
            throw std::runtime_error(std::string("not a ") + manifest_format + " manifest");
        Manifest m;
        m.period_code = j.at("period").get<std::string>();
        m.period_words = j.value("period_words", "");
        m.made_on = j.at("made_on").get<std::string>();
        m.partial = j.value("partial", false);
        for (const auto& f : j.at("files"))
            m.files.push_back({f.at("name").get<std::string>(), f.at("bytes").get<std::uint64_t>(),
                               f.at("sha256").get<std::string>()});
        for (const auto& r : j.at("archive_recordings"))
            m.recordings.push_back({r.at("folder").get<std::string>(), r.at("day").get<std::string>(),
                                    r.at("file").get<std::string>(), r.at("bytes").get<std::uint64_t>(),
                                    r.at("sha256").get<std::string>()});
        m.checkpoint = j.at("checkpoint").get<std::string>();
        return m;
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string(manifest_name) + ": " + e.what());
    }
}

std::string sign_manifest(const KeyPair& key, const std::string& period_code, const std::string& manifest_bytes) {
    const std::string text = std::string(pack_tag) + " key=" + key_id(key.public_hex) + " period=" + period_code +
                             " manifest=" + journal::sha256_hex(manifest_bytes);
    return text + " sig=" + sign(key.secret_hex, text) + "\n";
}

std::optional<ManifestSignature> parse_manifest_signature(const std::string& text) {
    static const std::regex re(
        R"((LP-PACK/1 key=([0-9a-f]{16}) period=([0-9A-Za-z.\-]+) manifest=([0-9a-f]{64})) sig=([0-9a-f]{128}))");
    std::smatch m;
    if (!std::regex_search(text, m, re)) return std::nullopt;
    return ManifestSignature{m[2].str(), m[3].str(), m[4].str(), m[1].str(), m[5].str()};
}

MemberCheck check_members(const std::vector<std::pair<std::string, std::string>>& members,
                          const std::string& public_hex) {
    MemberCheck c;
    std::map<std::string, const std::string*> by_name;
    for (const auto& [name, bytes] : members) {
        if (by_name.contains(name)) c.problems.push_back("Gói có hai tệp cùng tên \"" + name + "\".");
        by_name[name] = &bytes;
    }
    const auto manifest = by_name.find(manifest_name);
    const auto sig_member = by_name.find(manifest_signature_name);
    if (manifest == by_name.end() || sig_member == by_name.end()) {
        c.problems.push_back(std::string("Gói không có bản kê ") + manifest_name + " và chữ ký " +
                             manifest_signature_name + " của nó: không phải gói hồ sơ của loaphuong, hoặc đã bị xóa.");
        return c;
    }
    const auto sig = parse_manifest_signature(*sig_member->second);
    if (!sig) {
        c.problems.push_back(std::string("Chữ ký bản kê (") + manifest_signature_name + ") hỏng hoặc đã bị sửa.");
        return c;
    }
    if (sig->key_id != key_id(public_hex)) {
        c.other_key = true;
        c.problems.push_back("Bản kê của gói được ký bằng khóa khác (mã khóa " + sig->key_id + "), không phải khóa " +
                             key_id(public_hex) + ": gói từ hệ thống khác, hoặc khóa đưa vào không đúng.");
        return c;
    }
    if (!verify(public_hex, sig->signed_text, sig->signature)) {
        c.problems.push_back(std::string("Chữ ký số của bản kê không hợp lệ: ") + manifest_signature_name +
                             " đã bị sửa.");
        return c;
    }
    if (journal::sha256_hex(*manifest->second) != sig->manifest_sha256) {
        c.problems.push_back(std::string("Bản kê ") + manifest_name +
                             " đã bị sửa sau khi ký (SHA-256 của nó không khớp với chữ ký).");
        return c;
    }
    Manifest m;
    try {
        m = parse_manifest(*manifest->second);
    } catch (const std::runtime_error& e) {
        c.problems.push_back(std::string("Bản kê không đọc được: ") + e.what());
        return c;
    }
    if (m.period_code != sig->period_code)
        c.problems.push_back("Kỳ trong bản kê (" + m.period_code + ") khác kỳ trong chữ ký (" + sig->period_code +
                             ").");
    std::map<std::string, bool> listed{{manifest_name, true}, {manifest_signature_name, true}};
    for (const auto& f : m.files) {
        listed[f.name] = true;
        const auto it = by_name.find(f.name);
        if (it == by_name.end()) {
            c.problems.push_back("Tệp " + f.name + " có trong bản kê nhưng không có trong gói (đã bị xóa).");
            continue;
        }
        const auto sha = journal::sha256_hex(*it->second);
        if (sha != f.sha256)
            c.problems.push_back("Tệp " + f.name + " trong gói đã bị thay hoặc sửa: SHA-256 " + sha.substr(0, 16) +
                                 "… khác với bản kê (" + f.sha256.substr(0, 16) + "…).");
    }
    for (const auto& [name, bytes] : members)
        if (!listed.contains(name))
            c.problems.push_back("Tệp " + name + " trong gói không có trong bản kê (được thêm vào sau khi ký).");
    const auto cp = parse_checkpoint(m.checkpoint);
    if (!cp || !signed_by(*cp, public_hex))
        c.problems.push_back("Mốc kiểm tra trong bản kê không có chữ ký hợp lệ của khóa này.");
    c.manifest = std::move(m);
    return c;
}

}  // namespace lp::evidence
