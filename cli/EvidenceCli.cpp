#include "cli/EvidenceCli.hpp"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/OperatorError.hpp"
#include "domain/Time.hpp"
#include "evidence/ExportAgainstDb.hpp"
#include "evidence/KeyFile.hpp"
#include "evidence/Package.hpp"
#include "evidence/SignedExport.hpp"
#include "export/ExportCheck.hpp"
#include "export/OrganisationSettings.hpp"
#include "journal/ChainVerifier.hpp"

namespace lp::cli {
namespace {

// The box's public key: the .pub file, else derived from the secret key; empty when neither exists.
std::string box_public_key(const Context& context) {
    const auto& secret = context.config.reports.signing_key;
    const auto pub = evidence::public_key_file(secret);
    try {
        if (std::filesystem::exists(pub)) return evidence::load_public_key(pub.string());
        if (std::filesystem::exists(secret)) return evidence::load_key(secret).public_hex;
    } catch (const std::runtime_error& e) {
        throw OperatorError("Không đọc được khóa ký số: " + std::string(e.what()));
    }
    return {};
}

void require_file(const std::string& file) {
    if (!std::filesystem::is_regular_file(file)) throw OperatorError("Không tìm thấy tệp \"" + file + "\".");
}

std::optional<evidence::Checkpoint> checkpoint_in(const std::string& file) {
    require_file(file);
    try {
        if (auto s = evidence::read_signed_file(file).signature) return s->checkpoint;
    } catch (const std::runtime_error& e) {
        throw OperatorError("Không đọc được tệp \"" + file + "\": " + e.what());
    }
    return std::nullopt;
}

bool print_unsigned_check(sqlite::Database& db, const Context& context, const std::string& file) {
    exporting::ExportCheck check;
    try {
        check = exporting::check_export(db, file, domain::zone(context.config.time_zone));
    } catch (const std::runtime_error& e) {
        throw OperatorError("Không đọc được tệp \"" + file + "\": " + e.what());
    }
    if (!check.stamp)
        throw OperatorError("Tệp \"" + file +
                            "\" không có mã kiểm tra của loaphuong (không phải tệp xuất từ nhật ký, hoặc đã bị sửa).");
    if (check.ok()) {
        std::cout << "Tệp " << file << " (không có chữ ký số) khớp với cơ sở dữ liệu: kỳ " << check.stamp->period_code
                  << ", " << check.stamp->rows << " dòng, mắt xích số " << check.stamp->head_seq << ".\n";
        return true;
    }
    std::cout << "Tệp " << file << " KHÔNG khớp với cơ sở dữ liệu:\n";
    for (const auto& p : check.problems) std::cout << "  - " << p << '\n';
    return false;
}

bool print_offline_result(const std::string& file, const evidence::OfflineCheck& c, const std::string& public_hex,
                          const std::string& indent = "") {
    if (!c.signature && c.problems.empty()) {
        std::cout << indent << "Tệp " << file
                  << " KHÔNG có chữ ký số của loaphuong (không phải tệp xuất có ký, hoặc dòng chữ ký đã bị xóa).\n";
        return false;
    }
    if (!c.ok()) {
        std::cout << indent << "Tệp " << file << " KHÔNG hợp lệ:\n";
        for (const auto& p : c.problems) std::cout << indent << "  - " << p << '\n';
        return false;
    }
    const auto& s = *c.signature;
    std::cout << indent << "Tệp " << file << ": chữ ký số hợp lệ (khóa " << evidence::fingerprint(public_hex)
              << "), kỳ " << s.period_code << ", " << s.rows << " dòng nhật ký, mốc kiểm tra lúc "
              << domain::to_utc_text(s.checkpoint.at) << " (mắt xích số " << s.checkpoint.chain_seq << ")"
              << (c.content_checked ? "; mọi hàng trong tệp đúng như khi ký.\n"
                                    : "; tệp PDF được ký khi chưa đọc lại chữ, nội dung chữ không được đối chiếu.\n");
    return true;
}

bool is_package_file(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(4, '\0');
    in.read(head.data(), 4);
    if (head != "PK\x03\x04") return false;
    return evidence::is_package(evidence::read_file_bytes(file));
}

// The package's manifest, signature, members and recordings; false when anything is wrong.
bool print_package_check(const std::string& file, const std::string& public_hex,
                         const std::vector<std::filesystem::path>& recording_folders) {
    evidence::PackageCheck c;
    try {
        c = evidence::check_package(file, public_hex, recording_folders);
    } catch (const std::runtime_error& e) {
        std::cout << "Gói " << file << " KHÔNG kiểm tra được: " << e.what() << '\n';
        return false;
    }
    if (!c.members.manifest) {
        std::cout << "Gói " << file << " KHÔNG hợp lệ:\n";
        for (const auto& p : c.members.problems) std::cout << "  - " << p << '\n';
        return false;
    }
    const auto& m = *c.members.manifest;
    std::cout << "Gói " << file << ": bản kê kỳ " << m.period_code << ", lập ngày "
              << domain::display_date_text(domain::parse_date(m.made_on).value_or(domain::LocalDate{}))
              << (m.partial ? " (trước khi kỳ kết thúc)" : "") << ", " << m.files.size() << " tệp, "
              << m.recordings.size() << " bản ghi lưu trữ theo ngày.\n";
    bool ok = c.members.problems.empty();
    for (const auto& p : c.members.problems) std::cout << "  - KHÔNG khớp: " << p << '\n';
    for (const auto& [name, check] : c.files) ok = print_offline_result(name, check, public_hex, "  ") && ok;
    for (const auto& p : c.recording_problems) std::cout << "  - KHÔNG khớp: " << p << '\n';
    for (const auto& n : c.notes) std::cout << "  - " << n << '\n';
    if (!m.recordings.empty() && recording_folders.empty())
        std::cout << "  (Bản ghi lưu trữ không được đối chiếu: thêm --archive <thư mục lưu trữ>.)\n";
    ok = ok && c.recording_problems.empty();
    std::cout << (ok ? "  => Gói hợp lệ: mọi tệp đúng với bản kê đã ký.\n" : "  => Gói KHÔNG hợp lệ.\n");
    return ok;
}

void run_verify_export(const std::vector<std::string>& files, const std::string& key,
                       const std::vector<std::string>& archives) {
    std::string public_hex;
    try {
        public_hex = evidence::load_public_key(key);
    } catch (const std::runtime_error&) {
        throw OperatorError("\"" + key +
                            "\" không phải khóa công khai Ed25519 (tệp .pub của hệ thống, hoặc 64 chữ số hex).");
    }
    const std::vector<std::filesystem::path> folders(archives.begin(), archives.end());
    bool all_ok = true;
    for (const auto& file : files) {
        require_file(file);
        if (is_package_file(file)) {
            all_ok = print_package_check(file, public_hex, folders) && all_ok;
            continue;
        }
        evidence::OfflineCheck c;
        try {
            c = evidence::check_offline(file, public_hex);
        } catch (const std::runtime_error& e) {
            std::cout << "Tệp " << file << " KHÔNG kiểm tra được: " << e.what() << '\n';
            all_ok = false;
            continue;
        }
        all_ok = print_offline_result(file, c, public_hex) && all_ok;
    }
    if (!all_ok) throw CLI::RuntimeError(1);
}

}  // namespace

evidence::Evidence evidence_of(const Context& context) {
    try {
        return evidence::Evidence::from_config(context.config);
    } catch (const std::exception& e) {
        throw OperatorError("Không đọc hoặc tạo được khóa ký số \"" + context.config.reports.signing_key.string() +
                            "\" ([reports] signing_key): " + e.what());
    }
}

bool print_checkpoint_check(sqlite::Database& db, const Context& context, const std::vector<std::string>& exports) {
    std::vector<evidence::KnownCheckpoint> known = evidence::stored_checkpoints(db);
    int malformed = 0;
    try {
        for (auto& k : evidence::file_checkpoints(context.config.reports.checkpoint_file, &malformed))
            known.push_back(std::move(k));
    } catch (const std::runtime_error& e) {
        throw OperatorError("Không đọc được tệp mốc kiểm tra: " + std::string(e.what()));
    }
    for (const auto& file : exports)
        if (auto c = checkpoint_in(file)) known.push_back({*c, "tệp " + file});
    if (known.empty()) {
        std::cout << "Chưa có mốc kiểm tra đã ký nào.\n";
        return malformed == 0;
    }
    const auto public_hex = box_public_key(context);
    if (public_hex.empty()) {
        std::cout << "Có " << known.size() << " mốc kiểm tra đã ký nhưng không tìm thấy khóa ký số \""
                  << context.config.reports.signing_key.string() << "\" để kiểm tra.\n";
        return false;
    }
    std::int64_t chain_end = 0;
    {
        auto st = db.prepare("SELECT coalesce(max(chain_seq), 0) FROM journal");
        st.step();
        chain_end = st.integer(0);
    }
    const auto report = evidence::check_against_checkpoints(
        known, public_hex, [&db](std::int64_t seq) { return journal::seal_at(db, seq); }, chain_end);
    const auto* tz = domain::zone(context.config.time_zone);
    if (report.ok() && malformed == 0) {
        std::cout << "Chuỗi khớp với " << report.checked << " mốc kiểm tra đã ký";
        if (report.latest)
            std::cout << " (mốc gần nhất: ngày " << domain::local_date_text(tz, report.latest->checkpoint.at)
                      << ", mắt xích số " << report.latest->checkpoint.chain_seq << ")";
        std::cout << ".\n";
        return true;
    }
    std::cout << "Chuỗi KHÔNG khớp với các mốc kiểm tra đã ký:\n";
    for (const auto& f : report.findings) std::cout << "  - " << evidence::describe(f, tz) << '\n';
    if (malformed > 0)
        std::cout << "  - tệp " << context.config.reports.checkpoint_file.string() << " có " << malformed
                  << " dòng không phải mốc kiểm tra (đã bị sửa).\n";
    return false;
}

bool print_export_check(sqlite::Database& db, const Context& context, const std::string& file) {
    require_file(file);
    const auto public_hex = box_public_key(context);
    if (!public_hex.empty() && is_package_file(file)) {
        // The package against its manifest and the box's recordings, then each report file in it
        // against the database.
        bool ok = print_package_check(file, public_hex, evidence::archive_folders(context.config));
        const auto scratch =
            std::filesystem::temp_directory_path() / ("loaphuong-verify-goi-" + std::to_string(::getpid()));
        try {
            for (const auto& member : evidence::extract_reports(file, scratch))
                ok = print_export_check(db, context, member.string()) && ok;
        } catch (const std::runtime_error& e) {
            std::cout << "Gói " << file << " KHÔNG đọc được: " << e.what() << '\n';
            ok = false;
        }
        std::error_code ec;
        std::filesystem::remove_all(scratch, ec);
        return ok;
    }
    const auto* tz = domain::zone(context.config.time_zone);
    if (public_hex.empty()) return print_unsigned_check(db, context, file);
    evidence::ExportAgainstDb c;
    try {
        c = evidence::check_export_against_db(db, file, public_hex,
                                              exporting::effective_organisation(db, context.config.organisation), tz);
    } catch (const std::runtime_error& e) {
        throw OperatorError("Không đọc được tệp \"" + file + "\": " + e.what());
    }
    if (!c.signature) return print_unsigned_check(db, context, file);
    const auto& s = *c.signature;
    const std::string newer = c.newer_rows > 0
                                  ? " " + std::to_string(c.newer_rows) +
                                        " dòng nhật ký của kỳ được ghi sau mốc này (mới hơn tệp, không phải sai khác)."
                                  : "";
    // The interest figures are measurements: what changed since the report is said, not failed.
    const auto print_interest_notes = [&] {
        if (c.interest_notes.empty()) return;
        std::cout << "  Ghi chú: số liệu đánh giá mức độ quan tâm của người dân là số đo, có thể thay đổi sau khi "
                     "lập báo cáo (ý kiến được duyệt sau, lượt nghe thêm); nay khác ở "
                  << c.interest_notes.size() << " hàng:\n";
        for (const auto& n : c.interest_notes) std::cout << "  - " << n << '\n';
    };
    if (c.ok()) {
        std::cout << "Tệp " << file << " khớp với cơ sở dữ liệu: kỳ " << s.period_code << ", " << s.rows
                  << " dòng, chữ ký số hợp lệ, mốc kiểm tra ngày " << domain::local_date_text(tz, s.checkpoint.at)
                  << " (mắt xích số " << s.checkpoint.chain_seq << ")"
                  << (c.rows_read_back ? "; mọi hàng trong tệp đã được đọc lại và khớp." : ".") << newer << '\n';
        print_interest_notes();
        return true;
    }
    std::cout << "Tệp " << file << " KHÔNG khớp với cơ sở dữ liệu:\n";
    for (const auto& p : c.problems) std::cout << "  - " << p << '\n';
    for (const auto& d : c.differences) std::cout << "  - " << d.text << '\n';
    if (!newer.empty()) std::cout << "  (" << newer.substr(1) << ")\n";
    print_interest_notes();
    return false;
}

void add_verify_export_command(CLI::App& app) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto key = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("verify-export",
                                   "Kiểm tra tệp báo cáo đã ký bằng khóa công khai, không cần cơ sở dữ liệu "
                                   "hay loaphuongd");
    auto archives = std::make_shared<std::vector<std::string>>();
    cmd->add_option("file", *files, "Tệp đã xuất (xlsx, pdf, csv, json) hoặc gói hồ sơ (zip)")->required();
    cmd->add_option("--key", *key, "Khóa công khai của hệ thống (tệp .pub, hoặc 64 chữ số hex)")->required();
    cmd->add_option("--archive", *archives,
                    "Thư mục bản ghi lưu trữ (các tệp yyyy-mm-dd.mp3) để đối chiếu với bản kê của gói");
    cmd->callback([files, key, archives] { run_verify_export(*files, *key, *archives); });
}

}  // namespace lp::cli
