#include "cli/JournalCommands.hpp"

#include <fstream>
#include <iostream>
#include <memory>

#include "auth/AuditLog.hpp"
#include "cli/EvidenceCli.hpp"
#include "cli/JournalList.hpp"
#include "cli/ManualCommands.hpp"
#include "cli/OperatorError.hpp"
#include "cli/PeriodOption.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "evidence/SignedExport.hpp"
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
    // Every export is signed with the checkpoint it covers (evidence/SignedExport.hpp).
    const auto evidence = evidence_of(context);
    evidence::Checkpoint checkpoint;
    try {
        checkpoint = evidence.checkpoint_for(db, report, domain::wall_now());
    } catch (const std::runtime_error& e) {
        throw OperatorError("Không ghi được mốc kiểm tra: " + std::string(e.what()));
    }
    if (to_stdout) {
        std::cout << evidence::signed_text(report, tz, format, evidence.key, checkpoint);
        return;
    }
    try {
        evidence::write_signed_report(report, tz, format, o.output, evidence.key, checkpoint);
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

// The chain, the signed checkpoints it must still hold (including those of the given exports),
// then each export's rows; the audit chain when no export is given.
void run_verify(Context& context, const std::vector<std::string>& export_files) {
    context.load();
    auto db = context.open_database();
    const bool checkpoints_ok = print_checkpoint_check(db, context, export_files);
    if (!export_files.empty()) {
        bool files_ok = true;
        for (const auto& file : export_files) files_ok = print_export_check(db, context, file) && files_ok;
        const auto chain = journal::verify_chain(db);
        if (!chain.ok()) std::cout << "Nhật ký KHÔNG toàn vẹn: " << describe(*chain.first_break) << '\n';
        if (!files_ok || !checkpoints_ok || !chain.ok()) throw CLI::RuntimeError(1);
        return;
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
    if (!report.ok() || !audit_ok || !checkpoints_ok) throw CLI::RuntimeError(1);
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

    auto export_files = std::make_shared<std::vector<std::string>>();
    auto* verify = journal->add_subcommand(
        "verify", "Kiểm tra chuỗi niêm phong của nhật ký với các mốc kiểm tra đã ký, và các tệp đã xuất");
    verify->add_option("--export", *export_files,
                       "Tệp đã xuất (xlsx, pdf, csv, json), một hay nhiều, cần đối chiếu với cơ sở dữ liệu; mốc "
                       "kiểm tra trong tệp cũng được dùng để kiểm tra chuỗi");
    verify->callback([&context, export_files] { run_verify(context, *export_files); });

    add_manual_commands(*journal, context);
    add_journal_list_command(*journal, context);
}

}  // namespace lp::cli
