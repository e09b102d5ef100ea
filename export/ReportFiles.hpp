#pragma once
// A period's report from the database to files: used by `loaphuong journal export`,
// `loaphuong report` and the daemon's report timer.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "export/Report.hpp"

namespace lp::exporting {

// interest_csv: the interest section's CSV (export/InterestText.hpp), written beside the journal
// CSV of a report that carries the section; not a format of its own in [reports] formats.
enum class Format { xlsx, pdf, csv, json, interest_csv };
inline constexpr Format all_formats[] = {Format::xlsx, Format::pdf, Format::csv, Format::json};
std::string_view extension(Format f);  // "xlsx" ("csv" for interest_csv)
std::optional<Format> format_from_name(std::string_view name);

// Reads the period's rows (whole local days) and the chain head, and builds the report.
Report load_report(sqlite::Database& db, const Period& period, const config::Organisation& organisation,
                   const date::time_zone* tz, domain::LocalDate made_on);

// Writes one file; throws std::runtime_error naming it.
void write_report(const Report& r, const date::time_zone* tz, Format format, const std::filesystem::path& file);

// Writes the report's file of one format: as given (write_report), or
// (evidence/SignedExport.hpp) signed.
using PrepareReport = std::function<void(const Report&, Format, const std::filesystem::path&)>;

// The files' name without extension: "nhat-ky-2026Q1" for a report made after its period,
// "nhat-ky-2026Q1-den-2026-03-05" for one made within it (rows up to that day), so the final
// version is written next to the one handed in early and both are kept.
std::string report_stem(const Report& r);
// "<report_stem>.<ext>", "<report_stem>-quan-tam.csv" for interest_csv.
std::string report_file_name(const Report& r, Format f);

// Writes "<report_stem>.<ext>" for each format into `dir` (created if needed), each through a
// temporary file of its own (".nhat-ky-….tmp-<pid>-<n>", hidden) renamed into place, so a reader
// never sees half a report and two writers of the same period (the daily timer and an
// operator's request) never write into one file. With csv, a report carrying the interest
// section also gets its interest CSV (Format::interest_csv) after the journal CSV. Returns the paths.
std::vector<std::filesystem::path> write_report_files(const Report& r, const date::time_zone* tz,
                                                      const std::filesystem::path& dir,
                                                      const std::vector<Format>& formats,
                                                      const PrepareReport& prepare = {});

// The formats of [reports] formats, in its order (names the config did not check are left out).
std::vector<Format> report_formats(const config::ReportsConfig& reports);

// Given the report as read, how each format's file is prepared (evidence/Evidence.hpp signs
// them with a checkpoint of the report's chain head); none: as is.
using PrepareFor = std::function<PrepareReport(const Report&)>;

struct WrittenReport {
    Report report;
    std::vector<std::filesystem::path> files;
};

// A period's report read from `db` with the organisation names in effect (the database's over
// the config's) and written into `dir` in the config's [reports] formats: what
// `loaphuong report`, the daemon's scheduled reports and POST /api/reports write.
WrittenReport write_period_report(sqlite::Database& db, const Period& period, const config::Config& config,
                                  const date::time_zone* tz, domain::LocalDate made_on,
                                  const std::filesystem::path& dir, const PrepareFor& prepare_for = {});

}  // namespace lp::exporting
