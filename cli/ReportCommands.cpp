#include "cli/ReportCommands.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>

#include "cli/EvidenceCli.hpp"
#include "cli/OperatorError.hpp"
#include "cli/PeriodOption.hpp"
#include "db/Backups.hpp"
#include "evidence/Package.hpp"
#include "export/ReportFiles.hpp"

namespace lp::cli {
namespace {

struct ReportOptions {
    std::string quarter, half, year, month, period, dir;
    bool package = false;
    std::optional<std::string> number, achieved, shortcomings, proposals;
};

// "@file" reads the text from a file (UTF-8); anything else is the text itself.
std::optional<std::string> text_or_file(const std::optional<std::string>& value, const char* option) {
    if (!value || value->empty() || (*value)[0] != '@') return value;
    const std::string file = value->substr(1);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw OperatorError("Không đọc được tệp \"" + file + "\" (" + option + ").");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

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
    const exporting::FilingChange filing{o.number, text_or_file(o.achieved, "--achieved"),
                                         text_or_file(o.shortcomings, "--shortcomings"),
                                         text_or_file(o.proposals, "--proposals")};
    exporting::save_filing(db, period.code(), filing, "cli");
    exporting::WrittenReport done;
    const auto evidence = evidence_of(context);
    try {
        if (o.package) {
            auto package = evidence::write_package(db, period, context.config, tz, today(tz), dir, evidence);
            package.files.push_back(package.file);
            done = {std::move(package.report), std::move(package.files)};
            std::cout << "Gói hồ sơ (bản kê có chữ ký số, " << package.manifest.recordings.size()
                      << " bản ghi lưu trữ theo ngày được băm).\n";
        } else {
            done = exporting::write_period_report(db, period, context.config, tz, today(tz), dir,
                                                  evidence.signing(db, tz));
        }
    } catch (const std::exception& e) {
        throw OperatorError("Không ghi được báo cáo vào thư mục \"" + dir.string() + "\": " + e.what());
    }
    std::cout << "Báo cáo " << period.words_with_dates() << ": " << done.report.lines.size() << " dòng nhật ký, "
              << done.report.airings << " lượt phát.\n";
    if (exporting::made_within_period(done.report))
        std::cout << "Kỳ chưa kết thúc: số liệu tính đến ngày " << domain::display_date_text(done.report.made_on)
                  << "; bản cuối kỳ được lập sau ngày " << domain::display_date_text(period.last)
                  << " và lưu bên cạnh.\n";
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
    report->add_option("--number", o->number, "Số văn bản (dòng \"Số: …/BC-…\"); để trống: viết tay");
    report->add_option("--achieved", o->achieved, "Kết quả đạt được (chữ, hoặc @tệp)");
    report->add_option("--shortcomings", o->shortcomings, "Tồn tại và hạn chế (chữ, hoặc @tệp)");
    report->add_option("--proposals", o->proposals, "Đề xuất (chữ, hoặc @tệp)");
    report->add_flag("--package", o->package,
                     "Lập một gói ZIP: xlsx, pdf, csv, json, bản kê SHA-256 (cả bản ghi lưu trữ từng ngày) có chữ ký "
                     "số và mốc kiểm tra");
    report->callback([&context, o] { run_report(context, *o); });

    auto file = std::make_shared<std::string>();
    auto* backup = app.add_subcommand("backup", "Sao lưu cơ sở dữ liệu (trong khi loaphuongd vẫn chạy)");
    backup->add_option("file", *file, "Tệp sao lưu")->required();
    backup->callback([&context, file] { run_backup(context, *file); });
}

}  // namespace lp::cli
