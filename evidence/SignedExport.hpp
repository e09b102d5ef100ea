#pragma once
// Signed report files: each file carries the checkpoint it covers and the SHA-256 of every row
// it shows (evidence/ReadBack.hpp), signed with the box's key; and the check a reviewer runs
// with only the file and the public key (loaphuong verify-export).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "evidence/Checkpoint.hpp"
#include "export/ReportFiles.hpp"

namespace lp::evidence {

// The report with the key's fingerprint and the signature of what `format` shows. The file is
// rendered once unsigned, read back, and the digest of its rows signed (the signature's own
// line is not read back, so the signed rendering shows the same rows).
exporting::Report signed_report(exporting::Report r, const date::time_zone* tz, exporting::Format format,
                                const KeyPair& key, const Checkpoint& checkpoint);

// Writes one signed file (an XLSX or a PDF is rendered unsigned once in the temporary
// directory and read back); throws std::runtime_error naming it.
void write_signed_report(const exporting::Report& r, const date::time_zone* tz, exporting::Format format,
                         const std::filesystem::path& file, const KeyPair& key, const Checkpoint& checkpoint);
// CSV or JSON text, signed.
std::string signed_text(const exporting::Report& r, const date::time_zone* tz, exporting::Format format,
                        const KeyPair& key, const Checkpoint& checkpoint);

// The format of a file from its bytes (zip: xlsx, %PDF: pdf, '{': json, else csv).
exporting::Format sniff_format(const std::string& bytes);
std::string read_file_bytes(const std::filesystem::path& file);  // throws std::runtime_error naming it

// A file as read for checking: its bytes, format and signature line (none when unsigned).
// Throws std::runtime_error naming the file when it cannot be read (or an XLSX is damaged).
struct SignedFile {
    std::string bytes;
    exporting::Format format;
    std::optional<ExportSignature> signature;
};
SignedFile read_signed_file(const std::filesystem::path& file);

// What is wrong with a file's signature for `public_hex` and the file's format (Vietnamese),
// or nothing. `other_key`: set when it was made by another key.
std::optional<std::string> signature_problem(const ExportSignature& s, const std::string& public_hex,
                                             exporting::Format format, bool* other_key = nullptr);

// What a PDF signed before its text was read back carries as its content digest: such a file's
// signature still verifies, its text is not compared.
inline constexpr std::string_view legacy_pdf_content = "-";

struct OfflineCheck {
    std::optional<ExportSignature> signature;  // none: the file carries no signature line
    bool signature_valid = false;
    bool other_key = false;
    bool content_checked = false;       // the rows read back were compared with the signed digest
    std::vector<std::string> problems;  // Vietnamese, one per finding
    bool ok() const { return signature && problems.empty(); }
};

// Needs neither the database nor the daemon. Throws std::runtime_error naming the file when it
// cannot be read or parsed at all.
OfflineCheck check_offline(const std::filesystem::path& file, const std::string& public_hex);

}  // namespace lp::evidence
