#pragma once
// The evidence package's manifest, pure: what the ZIP of a period holds (each report file and
// its SHA-256, the SHA-256 of each day's archive recording, the signed checkpoint) and the
// signed line that binds the manifest to the box's key:
//   LP-PACK/1 key=<id> period=<code> manifest=<sha256 of manifest.json> sig=<hex>
// and the check of a package's members against both, naming each member that differs.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "evidence/Signing.hpp"

namespace lp::evidence {

inline constexpr const char* manifest_name = "manifest.json";
inline constexpr const char* manifest_signature_name = "manifest.sig";
inline constexpr const char* checkpoint_name = "checkpoint.txt";

struct ManifestFile {
    std::string name;  // the member's name in the ZIP
    std::uint64_t bytes = 0;
    std::string sha256;
};

// One day's archive recording as it was when the package was made. The archive only grows
// (programmes are appended), so the first `bytes` bytes of the day file keep this SHA-256.
struct ManifestRecording {
    std::string folder;  // the archive output's folder on the box
    std::string day;     // yyyy-mm-dd
    std::string file;    // "2026-03-05.mp3"
    std::uint64_t bytes = 0;
    std::string sha256;
};

struct Manifest {
    std::string period_code;
    std::string period_words;
    std::string made_on;   // yyyy-mm-dd
    bool partial = false;  // made before the period ended: rows up to made_on
    std::vector<ManifestFile> files;
    std::vector<ManifestRecording> recordings;
    std::string checkpoint;  // the LP-CKPT/1 line of checkpoint.txt
};

std::string manifest_json(const Manifest& m);
// Throws std::runtime_error when `bytes` is not a manifest.
Manifest parse_manifest(const std::string& bytes);

struct ManifestSignature {
    std::string key_id;
    std::string period_code;
    std::string manifest_sha256;
    std::string signed_text;
    std::string signature;
};
std::string sign_manifest(const KeyPair& key, const std::string& period_code, const std::string& manifest_bytes);
std::optional<ManifestSignature> parse_manifest_signature(const std::string& text);

// A package's members checked against its manifest and signature for `public_hex`.
struct MemberCheck {
    std::optional<Manifest> manifest;  // none when it is missing or not signed by the key
    bool other_key = false;
    std::vector<std::string> problems;  // Vietnamese, one per finding, naming the member
};
MemberCheck check_members(const std::vector<std::pair<std::string, std::string>>& members,
                          const std::string& public_hex);

}  // namespace lp::evidence
