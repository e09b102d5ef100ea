#pragma once
// Signed checkpoints, pure: one ASCII line binding a chain position and its seal to a time and
// the box's key. Two forms carry one:
//   LP-CKPT/1 key=<id> seq=<n> seal=<hex> at=<utc> sig=<hex>
//       the daemon's daily checkpoint and the one made at every export (database and file);
//   LP-SIGN/1 key=<id> seq=<n> seal=<hex> at=<utc> period=<code> rows=<n> digest=<hex>
//             made=<yyyy-mm-dd> format=<ext> content=<hex> sig=<hex>
//       an exported file's signature: the checkpoint it covers, the chain stamp of its period
//       (export/Report.hpp ChainStamp) and the SHA-256 of every row it shows (evidence/ReadBack.hpp).
// The signature covers the line up to " sig=".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/Time.hpp"
#include "evidence/Signing.hpp"

namespace lp::evidence {

struct Checkpoint {
    std::string key_id;
    std::int64_t chain_seq = 0;
    std::string seal;
    domain::TimePoint at;
    std::string signed_text;  // what the signature covers
    std::string signature;
    std::string line() const { return signed_text + " sig=" + signature; }
};

// A file's signature: its checkpoint and what the file holds.
struct ExportSignature {
    Checkpoint checkpoint;
    std::string period_code;
    std::int64_t rows = 0;
    std::string digest;
    std::string made_on;  // yyyy-mm-dd
    std::string format;   // xlsx, pdf, csv, json
    std::string content;  // SHA-256 of the rows read back from the file ("-" in PDFs signed before they were read back)
};

Checkpoint make_checkpoint(const KeyPair& key, std::int64_t chain_seq, const std::string& seal, domain::TimePoint at);

// The export's line with everything but the signature, then signed.
ExportSignature make_export_signature(const KeyPair& key, const Checkpoint& unsigned_fields,
                                      const std::string& period_code, std::int64_t rows, const std::string& digest,
                                      const std::string& made_on, const std::string& format,
                                      const std::string& content);

// Either form, alone on a line or anywhere in a text (the first one found); nullopt when there
// is none or it is malformed.
std::optional<Checkpoint> parse_checkpoint(std::string_view line);
std::optional<ExportSignature> find_export_signature(std::string_view text);

inline constexpr std::string_view export_signature_tag = "LP-SIGN/1";

// The signature holds and was made by `public_hex`.
bool signed_by(const Checkpoint& c, std::string_view public_hex);

}  // namespace lp::evidence
