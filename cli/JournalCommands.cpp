#include "cli/JournalCommands.hpp"

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/OperatorError.hpp"
#include "domain/Time.hpp"
#include "export/JournalTable.hpp"
#include "journal/JournalStore.hpp"

namespace lp::cli {
namespace {

struct ExportOptions {
    std::string from;
    std::string to;
    std::string format = "csv";
    std::string output;
};

domain::LocalDate date_option(const std::string& name, const std::string& text) {
    const auto d = domain::parse_date(text);
    if (!d)
        throw OperatorError("Ngày " + name + " không hợp lệ: \"" + text +
                            "\". Hãy nhập theo dạng dd/mm/yyyy hoặc yyyy-mm-dd.");
    return *d;
}

void run_export(Context& context, const ExportOptions& o) {
    context.load();
    const auto from = date_option("--from", o.from);
    const auto to = date_option("--to", o.to);
    if (to < from) throw OperatorError("Ngày --to (" + o.to + ") đứng trước ngày --from (" + o.from + ").");
    const auto* tz = domain::zone(context.config.time_zone);
    auto db = context.open_database();
    journal::JournalStore journal(db);
    // The period is whole local days: from the start of `from` to the start of the day after `to`.
    const auto rows = journal.between(domain::start_of_day(tz, from), domain::start_of_day(tz, domain::next_day(to)));
    const std::string text = exporting::journal_csv(rows, tz);
    if (o.output.empty() || o.output == "-") {
        std::cout << text;
        return;
    }
    std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw OperatorError("Không ghi được tệp \"" + o.output + "\".");
    std::cerr << "Đã xuất " << rows.size() << " dòng nhật ký vào " << o.output << '\n';
}

}  // namespace

void add_journal_commands(CLI::App& app, Context& context) {
    auto* journal = app.add_subcommand("journal", "Nhật ký phát thanh");
    journal->require_subcommand(1);
    auto options = std::make_shared<ExportOptions>();
    auto* exp = journal->add_subcommand("export", "Xuất nhật ký phát thanh của một khoảng thời gian");
    exp->add_option("--from", options->from, "Từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd)")->required();
    exp->add_option("--to", options->to, "Đến ngày, tính cả ngày này")->required();
    exp->add_option("--format", options->format, "Định dạng: csv")
        ->check(CLI::IsMember({"csv"}));
    exp->add_option("-o,--output", options->output, "Tệp kết quả (mặc định: in ra màn hình)");
    exp->callback([&context, options] { run_export(context, *options); });
}

}  // namespace lp::cli
