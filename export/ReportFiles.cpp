#include "export/ReportFiles.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <future>
#include <stdexcept>

#include "export/InterestStore.hpp"
#include "export/InterestText.hpp"
#include "export/OrganisationSettings.hpp"
#include "export/Pdf.hpp"
#include "export/ReportText.hpp"
#include "export/Xlsx.hpp"
#include "journal/JournalStore.hpp"

namespace lp::exporting {
namespace {

std::atomic<unsigned> temporaries{0};

void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error(file.string() + ": cannot write");
}

}  // namespace

std::string_view extension(Format f) {
    switch (f) {
        case Format::xlsx: return "xlsx";
        case Format::pdf: return "pdf";
        case Format::csv: return "csv";
        case Format::json: return "json";
        case Format::interest_csv: return "csv";
    }
    return "";
}

std::optional<Format> format_from_name(std::string_view name) {
    for (Format f : all_formats)
        if (extension(f) == name) return f;
    return std::nullopt;
}

Report load_report(sqlite::Database& db, const Period& period, const config::Organisation& organisation,
                   const date::time_zone* tz, domain::LocalDate made_on) {
    journal::JournalStore journal(db);
    // One read transaction: the rows and the head belong to the same state of the journal.
    db.exec("BEGIN");
    try {
        auto rows = journal.between(domain::start_of_day(tz, period.first),
                                    domain::start_of_day(tz, domain::next_day(period.last)));
        const auto head = journal.head();
        auto filing = load_filing(db, period.code());
        auto r = build_report(period, organisation, made_on, std::move(rows), head);
        if (reports_interest(period)) r.interest = load_interest(db, period, r.lines);
        db.exec("COMMIT");
        r.filing = std::move(filing);
        return r;
    } catch (...) {
        db.exec("ROLLBACK");
        throw;
    }
}

void write_report(const Report& r, const date::time_zone* tz, Format format, const std::filesystem::path& file) {
    switch (format) {
        case Format::xlsx: return write_xlsx(r, tz, file);
        case Format::pdf: return write_pdf(r, tz, file);
        case Format::csv: return write_text(file, report_csv(r, tz));
        case Format::json: return write_text(file, report_json(r, tz));
        case Format::interest_csv:
            if (!r.interest) throw std::runtime_error(file.string() + ": the report has no interest section");
            return write_text(file, interest_csv(r, *r.interest));
    }
}

std::string report_stem(const Report& r) {
    const std::string stem = "nhat-ky-" + r.period.code();
    return made_within_period(r) ? stem + "-den-" + domain::iso_date_text(r.made_on) : stem;
}

std::string report_file_name(const Report& r, Format f) {
    return f == Format::interest_csv ? interest_csv_name(r) : report_stem(r) + "." + std::string(extension(f));
}

std::vector<std::filesystem::path> write_report_files(const Report& r, const date::time_zone* tz,
                                                      const std::filesystem::path& dir,
                                                      const std::vector<Format>& formats,
                                                      const PrepareReport& prepare) {
    std::filesystem::create_directories(dir);
    std::vector<Format> files;
    for (Format f : formats) {
        files.push_back(f);
        if (f == Format::csv && r.interest) files.push_back(Format::interest_csv);
    }
    const auto write_one = [&](Format f) {
        const auto file = dir / report_file_name(r, f);
        const auto tmp = dir / ("." + file.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                std::to_string(++temporaries));
        try {
            if (prepare)
                prepare(r, f, tmp);
            else
                write_report(r, tz, f, tmp);
            std::filesystem::rename(tmp, file);
        } catch (...) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw;
        }
        return file;
    };
    // The PDF (a second per hundred pages, twice when signed) on a thread of its own while the
    // other formats are written: a year's package keeps both cores busy. Its future waits for
    // it also when another format throws.
    const auto at = static_cast<std::size_t>(std::find(files.begin(), files.end(), Format::pdf) - files.begin());
    std::future<std::filesystem::path> pdf;
    if (files.size() > 1 && at < files.size()) pdf = std::async(std::launch::async, write_one, Format::pdf);
    std::vector<std::filesystem::path> written(files.size());
    for (std::size_t i = 0; i < files.size(); ++i)
        if (i != at || !pdf.valid()) written[i] = write_one(files[i]);
    if (pdf.valid()) written[at] = pdf.get();
    return written;
}

std::vector<Format> report_formats(const config::ReportsConfig& reports) {
    std::vector<Format> formats;
    for (const auto& name : reports.formats)
        if (const auto f = format_from_name(name)) formats.push_back(*f);
    return formats;
}

WrittenReport write_period_report(sqlite::Database& db, const Period& period, const config::Config& config,
                                  const date::time_zone* tz, domain::LocalDate made_on,
                                  const std::filesystem::path& dir, const PrepareFor& prepare_for) {
    WrittenReport out{load_report(db, period, effective_organisation(db, config.organisation), tz, made_on), {}};
    out.files = write_report_files(out.report, tz, dir, report_formats(config.reports),
                                   prepare_for ? prepare_for(out.report) : PrepareReport{});
    return out;
}

}  // namespace lp::exporting
