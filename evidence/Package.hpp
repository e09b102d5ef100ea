#pragma once
// The quarter's evidence package: one ZIP holding the period's report in every format (signed),
// a manifest with the SHA-256 of each file and of each day's archive recording of the period,
// the manifest's signature and the signed checkpoint the files cover; and its check, with the
// public key only (loaphuong verify-export) or on the box against the archive recordings.

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "evidence/Evidence.hpp"
#include "evidence/Manifest.hpp"
#include "evidence/SignedExport.hpp"

namespace lp::evidence {

// The archive outputs' folders of the configuration ([[output]] kind = "archive").
std::vector<std::filesystem::path> archive_folders(const config::Config& config);

// The day files of `folders` for the days first..last that exist, each hashed as it is now.
std::vector<ManifestRecording> hash_recordings(const std::vector<std::filesystem::path>& folders,
                                               domain::LocalDate first, domain::LocalDate last);

struct WrittenPackage {
    exporting::Report report;
    std::filesystem::path file;
    std::vector<std::filesystem::path> files;  // the loose report files, the ZIP's members
    Manifest manifest;
};

// Reads the period's report, signs a checkpoint of it, and writes "<stem>.zip" into `dir`
// (through a hidden temporary file renamed into place), and beside it, the report in the
// [reports] formats: the ZIP's members themselves, replacing files of the same name.
// `stem`: exporting::report_stem.
// Throws std::runtime_error naming what could not be read or written.
// `checkpoint_of` records the report's checkpoint (default: on `db`, which must then be
// writable; the daemon's worker reads through a read-only connection and has the loop record it).
using CheckpointOf = std::function<Checkpoint(const exporting::Report&)>;
WrittenPackage write_package(sqlite::Database& db, const exporting::Period& period, const config::Config& config,
                             const date::time_zone* tz, domain::LocalDate made_on, const std::filesystem::path& dir,
                             const Evidence& evidence, const CheckpointOf& checkpoint_of = {});

// A zip archive holding manifest.json (an XLSX holds none).
bool is_package(const std::string& bytes);

struct PackageCheck {
    MemberCheck members;
    // Each report file's own check (signature, rows read back), by member name.
    std::vector<std::pair<std::string, OfflineCheck>> files;
    std::vector<std::string> recording_problems;  // a day's recording changed since the package
    std::vector<std::string> notes;               // recordings not found where they were (pruned, another machine)
    bool ok() const;
};

// Needs neither the database nor the daemon. `recording_folders`: where to look for the day
// recordings (the manifest's folder, then each of these by file name); none: not checked.
// Throws std::runtime_error naming the file when it is not a readable zip archive.
PackageCheck check_package(const std::filesystem::path& file, const std::string& public_hex,
                           const std::vector<std::filesystem::path>& recording_folders);

// Writes the package's report members into `dir`; returns their paths, in the package's order.
std::vector<std::filesystem::path> extract_reports(const std::filesystem::path& file, const std::filesystem::path& dir);

}  // namespace lp::evidence
