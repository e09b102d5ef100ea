#include "cli/EvidenceCli.hpp"

#include <iostream>
#include <memory>

#include "cli/OperatorError.hpp"
#include "domain/Time.hpp"
#include "evidence/ExportAgainstDb.hpp"
#include "evidence/KeyFile.hpp"
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

void run_verify_export(const std::vector<std::string>& files, const std::string& key) {
    std::string public_hex;
    try {
        public_hex = evidence::load_public_key(key);
    } catch (const std::runtime_error&) {
        throw OperatorError("\"" + key +
                            "\" không phải khóa công khai Ed25519 (tệp .pub của hệ thống, hoặc 64 chữ số hex).");
    }
    bool all_ok = true;
    for (const auto& file : files) {
        require_file(file);
        evidence::OfflineCheck c;
        try {
            c = evidence::check_offline(file, public_hex);
        } catch (const std::runtime_error& e) {
            std::cout << "Tệp " << file << " KHÔNG kiểm tra được: " << e.what() << '\n';
            all_ok = false;
            continue;
        }
        if (!c.signature) {
            std::cout << "Tệp " << file
                      << " KHÔNG có chữ ký số của loaphuong (không phải tệp xuất có ký, hoặc dòng chữ ký đã bị xóa).\n";
            all_ok = false;
            continue;
        }
        const auto& s = *c.signature;
        if (!c.ok()) {
            std::cout << "Tệp " << file << " KHÔNG hợp lệ:\n";
            for (const auto& p : c.problems) std::cout << "  - " << p << '\n';
            all_ok = false;
            continue;
        }
        std::cout << "Tệp " << file << ": chữ ký số hợp lệ (khóa " << evidence::fingerprint(public_hex) << "), kỳ "
                  << s.period_code << ", " << s.rows << " dòng nhật ký, mốc kiểm tra lúc "
                  << domain::to_utc_text(s.checkpoint.at) << " (mắt xích số " << s.checkpoint.chain_seq << ")"
                  << (c.content_checked
                          ? "; mọi hàng trong tệp đúng như khi ký.\n"
                          : "; tệp PDF được ký khi chưa đọc lại chữ, nội dung chữ không được đối chiếu.\n");
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
    const auto* tz = domain::zone(context.config.time_zone);
    const auto public_hex = box_public_key(context);
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
    if (c.ok()) {
        std::cout << "Tệp " << file << " khớp với cơ sở dữ liệu: kỳ " << s.period_code << ", " << s.rows
                  << " dòng, chữ ký số hợp lệ, mốc kiểm tra ngày " << domain::local_date_text(tz, s.checkpoint.at)
                  << " (mắt xích số " << s.checkpoint.chain_seq << ")"
                  << (c.rows_read_back ? "; mọi hàng trong tệp đã được đọc lại và khớp." : ".") << newer << '\n';
        return true;
    }
    std::cout << "Tệp " << file << " KHÔNG khớp với cơ sở dữ liệu:\n";
    for (const auto& p : c.problems) std::cout << "  - " << p << '\n';
    for (const auto& d : c.differences) std::cout << "  - " << d.text << '\n';
    if (!newer.empty()) std::cout << "  (" << newer.substr(1) << ")\n";
    return false;
}

void add_verify_export_command(CLI::App& app) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto key = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("verify-export",
                                   "Kiểm tra tệp báo cáo đã ký bằng khóa công khai, không cần cơ sở dữ liệu "
                                   "hay loaphuongd");
    cmd->add_option("file", *files, "Tệp đã xuất (xlsx, pdf, csv, json)")->required();
    cmd->add_option("--key", *key, "Khóa công khai của hệ thống (tệp .pub, hoặc 64 chữ số hex)")->required();
    cmd->callback([files, key] { run_verify_export(*files, *key); });
}

}  // namespace lp::cli
