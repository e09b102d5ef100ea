#include "cli/JournalCommands.hpp"

#include <fstream>
#include <iostream>
#include <memory>

#include "auth/AuditLog.hpp"
#include "cli/JournalList.hpp"
#include "cli/ManualCommands.hpp"
#include "cli/OperatorError.hpp"
#include "cli/PeriodOption.hpp"
#include "domain/Time.hpp"
#include "export/ExportCheck.hpp"
#include "export/OrganisationSettings.hpp"
#include "export/ReportFiles.hpp"
#include "export/ReportText.hpp"
#include "journal/ChainVerifier.hpp"

namespace lp::cli {
namespace {

struct ExportOptions {
    std::string period;
    std::string from;
    std::string to;
    std::string format;
    std::string output;
};

exporting::Format format_for(const ExportOptions& o) {
    std::string name = o.format;
    if (name.empty()) {
        const auto ext = std::filesystem::path(o.output).extension().string();
        name = ext.empty() ? "csv" : ext.substr(1);
    }
    const auto f = exporting::format_from_name(name);
    if (!f) throw OperatorError("Định dạng \"" + name + "\" không được hỗ trợ. Hãy chọn xlsx, pdf, csv hoặc json.");
    return *f;
}

void run_export(Context& context, const ExportOptions& o) {
    context.load();
    const auto* tz = domain::zone(context.config.time_zone);
    const auto period = period_option(o.period, o.from, o.to, today(tz));
    const auto format = format_for(o);
    const bool to_stdout = o.output.empty() || o.output == "-";
    if (to_stdout && (format == exporting::Format::xlsx || format == exporting::Format::pdf))
        throw OperatorError("Định dạng " + std::string(exporting::extension(format)) +
                            " cần tên tệp kết quả: thêm -o TỆP.");
    auto db = context.open_database();
    const auto report = exporting::load_report(
        db, period, exporting::effective_organisation(db, context.config.organisation), tz, today(tz));
    if (to_stdout) {
        std::cout << (format == exporting::Format::csv ? exporting::report_csv(report, tz)
                                                       : exporting::report_json(report, tz));
        return;
    }
    try {
        exporting::write_report(report, tz, format, o.output);
    } catch (const std::exception& e) {
        throw OperatorError("Không ghi được tệp \"" + o.output + "\": " + e.what());
    }
    std::cerr << "Đã xuất " << report.lines.size() << " dòng nhật ký (" << period.words_with_dates() << ") vào "
              << o.output << '\n';
}

// Prints the finding; a journal or file that does not check out exits 1 (CLI::RuntimeError).
// The audit chain of the accounts' changes (auth/AuditLog.hpp); false when it is broken.
bool print_audit_check(sqlite::Database& db) {
    const auto audit = auth::verify_audit(db);
    if (audit.ok()) {
        std::cout << "Nhật ký thao tác toàn vẹn: " << audit.rows_checked << " dòng đã niêm phong.\n";
        return true;
    }
    std::cout << "Nhật ký thao tác KHÔNG toàn vẹn: " << auth::describe(*audit.first_break) << '\n'
              << "Các dòng trước đó (" << audit.rows_checked << " dòng) vẫn khớp.\n";
    return false;
}

void run_verify(Context& context, const std::string& export_file) {
    context.load();
    auto db = context.open_database();
    if (!export_file.empty()) {
        if (!std::filesystem::is_regular_file(export_file))
            throw OperatorError("Không tìm thấy tệp \"" + export_file + "\".");
        exporting::ExportCheck check;
        try {
            check = exporting::check_export(db, export_file, domain::zone(context.config.time_zone));
        } catch (const std::runtime_error& e) {
            throw OperatorError("Không đọc được tệp \"" + export_file + "\": " + e.what());
        }
        if (!check.stamp)
            throw OperatorError(
                "Tệp \"" + export_file +
                "\" không có mã kiểm tra của loaphuong (không phải tệp xuất từ nhật ký, hoặc đã bị sửa).");
        if (check.ok()) {
            std::cout << "Tệp " << export_file << " khớp với cơ sở dữ liệu: kỳ " << check.stamp->period_code << ", "
                      << check.stamp->rows << " dòng, mắt xích số " << check.stamp->head_seq << ".\n";
            return;
        }
        std::cout << "Tệp " << export_file << " KHÔNG khớp với cơ sở dữ liệu:\n";
        for (const auto& p : check.problems) std::cout << "  - " << p << '\n';
        throw CLI::RuntimeError(1);
    }
    const auto report = journal::verify_chain(db);
    if (report.ok()) {
        std::cout << "Nhật ký toàn vẹn: " << report.rows_checked << " dòng đã niêm phong, mã niêm phong cuối "
                  << report.head.seal << " (mắt xích số " << report.head.chain_seq << ").\n";
    } else {
        std::cout << "Nhật ký KHÔNG toàn vẹn: " << journal::describe(*report.first_break) << '\n'
                  << "Các dòng trước đó (" << report.rows_checked << " mắt xích) vẫn khớp.\n";
    }
    const bool audit_ok = print_audit_check(db);
    if (!report.ok() || !audit_ok) throw CLI::RuntimeError(1);
}

}  // namespace

void add_journal_commands(CLI::App& app, Context& context) {
    auto* journal = app.add_subcommand("journal", "Nhật ký phát thanh");
    journal->require_subcommand(1);

    auto options = std::make_shared<ExportOptions>();
    auto* exp = journal->add_subcommand("export",
                                        "Xuất nhật ký phát thanh của một kỳ (tháng, quý, 6 tháng, năm) "
                                        "hoặc một khoảng ngày; không chỉ định kỳ: ngày hôm nay "
                                        "(theo múi giờ trong cấu hình)");
    exp->add_option("--period", options->period, "Kỳ: 2026Q1, 2026H1, 2026-03, 2026, 01/01/2026-15/02/2026");
    exp->add_option("--from", options->from, "Từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd)");
    exp->add_option("--to", options->to, "Đến ngày, tính cả ngày này");
    exp->add_option("--format", options->format, "Định dạng: xlsx, pdf, csv, json (mặc định: theo đuôi tệp, hoặc csv)");
    exp->add_option("-o,--output", options->output, "Tệp kết quả (mặc định: in ra màn hình, chỉ với csv và json)");
    exp->callback([&context, options] { run_export(context, *options); });

    auto export_file = std::make_shared<std::string>();
    auto* verify = journal->add_subcommand("verify", "Kiểm tra chuỗi niêm phong của nhật ký, hoặc một tệp đã xuất");
    verify->add_option("--export", *export_file, "Tệp đã xuất (xlsx, pdf, csv, json) cần đối chiếu với cơ sở dữ liệu");
    verify->callback([&context, export_file] { run_verify(context, *export_file); });

    add_manual_commands(*journal, context);
    add_journal_list_command(*journal, context);
}

}  // namespace lp::cli
