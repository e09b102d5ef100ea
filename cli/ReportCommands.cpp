#include "cli/ReportCommands.hpp"

#include <iostream>
#include <memory>

#include "cli/EvidenceCli.hpp"
#include "cli/OperatorError.hpp"
#include "cli/PeriodOption.hpp"
#include "db/Backups.hpp"
#include "export/ReportFiles.hpp"

namespace lp::cli {
namespace {

struct ReportOptions {
    std::string quarter, half, year, month, period, dir;
};

void run_report(Context& context, const ReportOptions& o) {
    context.load();
    int given = 0;
    std::string text;
    for (const auto* s : {&o.quarter, &o.half, &o.year, &o.month, &o.period})
        if (!s->empty()) {
            ++given;
            text = *s;
        }
    if (given != 1)
        throw OperatorError(
            "Hãy chỉ định đúng một kỳ: --quarter 2026Q1, --half 2026H1, --year 2026, "
            "--month 2026-03 hoặc --period.");
    const auto* tz = domain::zone(context.config.time_zone);
    const auto period = period_option(text, "", "", today(tz));
    auto db = context.open_database();
    const std::filesystem::path dir = o.dir.empty() ? context.config.reports.dir : std::filesystem::path(o.dir);
    exporting::WrittenReport done;
    const auto evidence = evidence_of(context);
    try {
        done = exporting::write_period_report(db, period, context.config, tz, today(tz), dir, evidence.signing(db, tz));
    } catch (const std::exception& e) {
        throw OperatorError("Không ghi được báo cáo vào thư mục \"" + dir.string() + "\": " + e.what());
    }
    std::cout << "Báo cáo " << period.words_with_dates() << ": " << done.report.lines.size() << " dòng nhật ký, "
              << done.report.airings << " lượt phát.\n";
    for (const auto& f : done.files) std::cout << "  " << f.string() << '\n';
}

void run_backup(Context& context, const std::string& file) {
    context.load();
    if (std::filesystem::exists(file))
        throw OperatorError("Tệp \"" + file + "\" đã có; hãy chọn tên khác (không ghi đè bản sao lưu cũ).");
    auto db = context.open_database();
    try {
        db::backup_to(db, file);
    } catch (const std::exception& e) {
        throw OperatorError("Sao lưu vào \"" + file + "\" không thành công: " + e.what());
    }
    std::cout << "Đã sao lưu cơ sở dữ liệu vào " << file << ".\n";
}

}  // namespace

void add_report_commands(CLI::App& app, Context& context) {
    auto o = std::make_shared<ReportOptions>();
    auto* report = app.add_subcommand("report", "Lập báo cáo của một kỳ (xlsx, pdf, csv, json) vào thư mục báo cáo");
    report->add_option("--quarter", o->quarter, "Quý, vd. 2026Q1");
    report->add_option("--half", o->half, "6 tháng, vd. 2026H1");
    report->add_option("--year", o->year, "Năm, vd. 2026");
    report->add_option("--month", o->month, "Tháng, vd. 2026-03");
    report->add_option("--period", o->period, "Kỳ bất kỳ, vd. 01/01/2026-15/02/2026");
    report->add_option("--dir", o->dir, "Thư mục (mặc định: [reports] dir trong cấu hình)");
    report->callback([&context, o] { run_report(context, *o); });

    auto file = std::make_shared<std::string>();
    auto* backup = app.add_subcommand("backup", "Sao lưu cơ sở dữ liệu (trong khi loaphuongd vẫn chạy)");
    backup->add_option("file", *file, "Tệp sao lưu")->required();
    backup->callback([&context, file] { run_backup(context, *file); });
}

}  // namespace lp::cli
