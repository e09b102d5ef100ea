#include "evidence/SignedExport.hpp"

#include <atomic>
#include <fstream>
#include <future>
#include <iterator>
#include <stdexcept>
#include <thread>

#include <unistd.h>

#include "domain/Time.hpp"
#include "evidence/ReadBack.hpp"
#include "export/InterestText.hpp"
#include "export/Pdf.hpp"
#include "export/ReportText.hpp"
#include "export/ZipText.hpp"

namespace lp::evidence {
namespace {

using exporting::Format;

// Two reports may be signed at once (a scheduled one on its worker, an operator's on an HTTP
// worker): each rendering gets a file of its own.
std::atomic<unsigned> temporaries{0};

std::string text_of(const exporting::Report& r, const date::time_zone* tz, Format format) {
    if (format == Format::interest_csv) return r.interest ? exporting::interest_csv(r, *r.interest) : std::string();
    return format == Format::csv ? exporting::report_csv(r, tz) : exporting::report_json(r, tz);
}

std::string signature_line(const exporting::Report& r, Format format, const KeyPair& key, const Checkpoint& cp,
                           const std::string& content) {
    return make_export_signature(key, cp, r.stamp.period_code, r.stamp.rows, r.stamp.digest,
                                 domain::iso_date_text(r.made_on), std::string(exporting::extension(format)), content)
        .checkpoint.line();
}

}  // namespace

std::string read_file_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot open");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Format sniff_format(const std::string& bytes) {
    if (bytes.compare(0, 4, "PK\x03\x04") == 0) return Format::xlsx;
    if (bytes.compare(0, 5, "%PDF-") == 0) return Format::pdf;
    const auto first = bytes.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && bytes[first] == '{') return Format::json;
    return Format::csv;
}

namespace {

// The digest of the rows `r` (signature line cleared) shows in `format`: XLSX and PDF rendered
// unsigned and read back as a reviewer's tools would.
std::string content_digest(const exporting::Report& r, const date::time_zone* tz, Format format) {
    const std::string ext(exporting::extension(format));
    if (format == Format::csv || format == Format::json || format == Format::interest_csv)
        return rows_digest(read_rows(ext, text_of(r, tz, format), "report"));
    const auto tmp =
        std::filesystem::temp_directory_path() / ("loaphuong-sign-" + std::to_string(::getpid()) + "-" +
                                                  std::to_string(++temporaries) + "-" + r.period.code() + "." + ext);
    try {
        exporting::write_report(r, tz, format, tmp);
        auto content = rows_digest(read_rows(ext, read_file_bytes(tmp), tmp.string()));
        std::filesystem::remove(tmp);
        return content;
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        throw;
    }
}

}  // namespace

exporting::Report signed_report(exporting::Report r, const date::time_zone* tz, Format format, const KeyPair& key,
                                const Checkpoint& checkpoint) {
    r.key_fingerprint = fingerprint(key.public_hex);
    r.signature_line.clear();
    r.signature_line = signature_line(r, format, key, checkpoint, content_digest(r, tz, format));
    return r;
}

void write_signed_report(const exporting::Report& r, const date::time_zone* tz, Format format,
                         const std::filesystem::path& file, const KeyPair& key, const Checkpoint& checkpoint) {
    if (format != Format::pdf)
        return exporting::write_report(signed_report(r, tz, format, key, checkpoint), tz, format, file);
    // A year's PDF is ~1,000 pages: the signed copy is rendered on this thread while the
    // unsigned one is rendered and read back on another, and waits for the signature only at
    // the footer of its last page (both renders show the same rows: issue 14 point 2).
    exporting::Report unsigned_report = r;
    unsigned_report.key_fingerprint = fingerprint(key.public_hex);
    unsigned_report.signature_line.clear();
    std::promise<std::string> line;
    auto signature = line.get_future();
    const std::jthread digest([&] {
        try {
            line.set_value(signature_line(r, format, key, checkpoint, content_digest(unsigned_report, tz, format)));
        } catch (...) {
            line.set_exception(std::current_exception());
        }
    });
    exporting::write_pdf(unsigned_report, tz, file, [&] { return signature.get(); });
}

std::string signed_text(const exporting::Report& r, const date::time_zone* tz, Format format, const KeyPair& key,
                        const Checkpoint& checkpoint) {
    return text_of(signed_report(r, tz, format, key, checkpoint), tz, format);
}

std::optional<std::string> signature_problem(const ExportSignature& s, const std::string& public_hex, Format format,
                                             bool* other_key) {
    if (other_key) *other_key = s.checkpoint.key_id != key_id(public_hex);
    if (s.checkpoint.key_id != key_id(public_hex))
        return "Tệp được ký bằng khóa khác (mã khóa " + s.checkpoint.key_id + "), không phải khóa " +
               key_id(public_hex) + ": tệp xuất từ hệ thống khác, hoặc khóa đưa vào không đúng.";
    if (!signed_by(s.checkpoint, public_hex)) return "Chữ ký số không hợp lệ: dòng chữ ký trong tệp đã bị sửa.";
    const std::string ext(exporting::extension(format));
    if (s.format != ext) return "Chữ ký được làm cho tệp " + s.format + " nhưng đây là tệp " + ext + ".";
    return std::nullopt;
}

SignedFile read_signed_file(const std::filesystem::path& file) {
    SignedFile f;
    f.bytes = read_file_bytes(file);
    f.format = sniff_format(f.bytes);
    f.signature = find_export_signature(f.format == Format::xlsx ? exporting::searchable_text(file) : f.bytes);
    return f;
}

OfflineCheck check_offline(const std::filesystem::path& file, const std::string& public_hex) {
    OfflineCheck c;
    const auto [bytes, format, signature] = read_signed_file(file);
    c.signature = signature;
    if (!c.signature) return c;
    const auto& s = *c.signature;
    if (auto problem = signature_problem(s, public_hex, format, &c.other_key)) {
        c.signature_valid = !c.other_key && signed_by(s.checkpoint, public_hex);
        c.problems.push_back(*problem);
        return c;
    }
    c.signature_valid = true;
    const std::string ext(exporting::extension(format));
    if (s.content == legacy_pdf_content) return c;
    c.content_checked = true;
    if (rows_digest(read_rows(ext, bytes, file.string())) != s.content)
        c.problems.push_back(
            "Nội dung tệp đã bị sửa sau khi ký: các hàng đọc lại từ tệp không khớp với chữ ký (đối chiếu với "
            "cơ sở dữ liệu bằng loaphuong journal verify --export để biết hàng nào).");
    return c;
}

}  // namespace lp::evidence
