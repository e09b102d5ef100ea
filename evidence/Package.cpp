#include "evidence/Package.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <stdexcept>

#include "audio/output/Registry.hpp"
#include "domain/WallClock.hpp"
#include "export/OrganisationSettings.hpp"
#include "export/ZipText.hpp"
#include "export/ZipWriter.hpp"
#include "journal/Sha256.hpp"

namespace lp::evidence {
namespace {

std::atomic<unsigned> scratches{0};

// A private folder for files made on the way, removed with what is in it.
class Scratch {
public:
    explicit Scratch(const std::filesystem::path& parent, const std::string& what)
        : path_(parent / ("." + what + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++scratches))) {
        std::filesystem::create_directories(path_);
    }
    ~Scratch() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// SHA-256 of the first `bytes` bytes of `file` (all of it when it has fewer: then `*read` says
// how many there were).
std::string sha256_prefix(const std::filesystem::path& file, std::uint64_t bytes, std::uint64_t* read) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot open");
    journal::Sha256 h;
    std::string buffer(1 << 20, '\0');
    std::uint64_t done = 0;
    while (done < bytes && in) {
        in.read(buffer.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(buffer.size(), bytes - done)));
        const auto got = static_cast<std::uint64_t>(in.gcount());
        if (got == 0) break;
        h.update(std::string_view(buffer.data(), got));
        done += got;
    }
    if (in.bad()) throw std::runtime_error(file.string() + ": read error");
    if (read) *read = done;
    return h.hex_digest();
}

bool is_report_member(const std::string& name) {
    return name != manifest_name && name != manifest_signature_name && name != checkpoint_name;
}

std::string day_text(const std::string& iso) {
    const auto d = domain::parse_date(iso);
    return d ? domain::display_date_text(*d) : iso;
}

}  // namespace

std::vector<std::filesystem::path> archive_folders(const config::Config& config) {
    std::vector<std::filesystem::path> folders;
    for (const auto& o : config.outputs)
        if (const auto folder = audio::output::kind_of(o).archive_folder(o)) folders.push_back(*folder);
    return folders;
}

std::vector<ManifestRecording> hash_recordings(const std::vector<std::filesystem::path>& folders,
                                               domain::LocalDate first, domain::LocalDate last) {
    std::vector<ManifestRecording> out;
    for (const auto& folder : folders)
        for (auto day = first; day <= last; day = domain::next_day(day)) {
            const auto name = domain::iso_date_text(day) + ".mp3";
            const auto file = folder / name;
            std::error_code ec;
            const auto size = std::filesystem::file_size(file, ec);
            if (ec) continue;  // no programme that day, or pruned
            std::uint64_t read = 0;
            const auto sha = sha256_prefix(file, size, &read);
            out.push_back({folder.string(), domain::iso_date_text(day), name, read, sha});
        }
    return out;
}

WrittenPackage write_package(sqlite::Database& db, const exporting::Period& period, const config::Config& config,
                             const date::time_zone* tz, domain::LocalDate made_on, const std::filesystem::path& dir,
                             const Evidence& evidence, const CheckpointOf& checkpoint_of) {
    WrittenPackage out;
    out.report =
        exporting::load_report(db, period, exporting::effective_organisation(db, config.organisation), tz, made_on);
    const auto& r = out.report;
    const auto checkpoint = checkpoint_of ? checkpoint_of(r) : evidence.checkpoint_for(db, r, domain::wall_now());
    std::filesystem::create_directories(dir);
    const Scratch scratch(dir, "goi-" + period.code());
    const auto files = exporting::write_report_files(
        r, tz, scratch.path(), {std::begin(exporting::all_formats), std::end(exporting::all_formats)},
        evidence.signer(tz, checkpoint));

    Manifest& m = out.manifest;
    m.period_code = period.code();
    m.period_words = period.words_with_dates();
    m.made_on = domain::iso_date_text(made_on);
    m.partial = exporting::made_within_period(r);
    m.checkpoint = checkpoint.line();
    std::vector<exporting::ZipMember> members;
    for (const auto& f : files) {
        auto bytes = read_file_bytes(f);
        m.files.push_back({f.filename().string(), bytes.size(), journal::sha256_hex(bytes)});
        members.push_back({f.filename().string(), std::move(bytes)});
    }
    const std::string line = checkpoint.line() + "\n";
    m.files.push_back({checkpoint_name, line.size(), journal::sha256_hex(line)});
    members.push_back({checkpoint_name, line});
    m.recordings = hash_recordings(archive_folders(config), period.first, std::min(period.last, made_on));
    const auto manifest = manifest_json(m);
    members.push_back({manifest_name, manifest});
    members.push_back({manifest_signature_name, sign_manifest(evidence.key, m.period_code, manifest)});

    out.file = dir / (exporting::report_stem(r) + ".zip");
    const auto tmp = scratch.path() / "package.zip";
    {
        std::ofstream zip(tmp, std::ios::binary | std::ios::trunc);
        zip << exporting::zip_archive(members, 6);  // zlib's default: 9 takes a third longer for 1.5 % smaller
        zip.close();
        if (!zip) throw std::runtime_error(out.file.string() + ": cannot write");
    }
    // The loose report files of [reports] formats are the package's members, moved out of the
    // scratch folder: a package and the files beside it of the same name never differ (a
    // scheduled report's, or one of the same day with fewer rows, is replaced).
    const auto loose = exporting::report_formats(config.reports);
    for (const auto& f : files) {
        const auto ext = f.extension().string();
        if (std::none_of(loose.begin(), loose.end(),
                         [&](auto l) { return "." + std::string(exporting::extension(l)) == ext; }))
            continue;
        out.files.push_back(dir / f.filename());
        std::filesystem::rename(f, out.files.back());
    }
    std::filesystem::rename(tmp, out.file);
    return out;
}

bool is_package(const std::string& bytes) {
    if (bytes.compare(0, 4, "PK\x03\x04") != 0) return false;
    try {
        for (const auto& [name, data] : exporting::zip_entries(bytes, "zip"))
            if (name == manifest_name) return true;
    } catch (const std::runtime_error&) {
        return false;
    }
    return false;
}

bool PackageCheck::ok() const {
    if (!members.manifest || !members.problems.empty() || !recording_problems.empty()) return false;
    for (const auto& [name, c] : files)
        if (!c.ok()) return false;
    return true;
}

std::vector<std::filesystem::path> extract_reports(const std::filesystem::path& file,
                                                   const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    std::vector<std::filesystem::path> out;
    for (const auto& [name, bytes] : exporting::zip_entries(read_file_bytes(file), file.string())) {
        if (!is_report_member(name) || name.find('/') != std::string::npos || name.empty() || name[0] == '.') continue;
        const auto path = dir / name;
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f << bytes;
        f.close();
        if (!f) throw std::runtime_error(path.string() + ": cannot write");
        out.push_back(path);
    }
    return out;
}

PackageCheck check_package(const std::filesystem::path& file, const std::string& public_hex,
                           const std::vector<std::filesystem::path>& recording_folders) {
    PackageCheck c;
    const auto entries = exporting::zip_entries(read_file_bytes(file), file.string());
    c.members = check_members(entries, public_hex);
    if (!c.members.manifest) return c;
    const auto& m = *c.members.manifest;

    // Each report file also carries its own signature and rows: checked as verify-export does.
    const Scratch scratch(std::filesystem::temp_directory_path(), "loaphuong-goi");
    for (const auto& path : extract_reports(file, scratch.path())) {
        const auto name = path.filename().string();
        try {
            c.files.emplace_back(name, check_offline(path, public_hex));
        } catch (const std::runtime_error& e) {
            OfflineCheck failed;
            failed.problems.push_back(e.what());
            c.files.emplace_back(name, std::move(failed));
        }
    }

    if (recording_folders.empty() && m.recordings.empty()) return c;
    for (const auto& rec : m.recordings) {
        std::vector<std::filesystem::path> candidates{std::filesystem::path(rec.folder) / rec.file};
        for (const auto& folder : recording_folders) candidates.push_back(folder / rec.file);
        bool found = false;
        for (const auto& candidate : candidates) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(candidate, ec)) continue;
            found = true;
            std::uint64_t read = 0;
            const auto sha = sha256_prefix(candidate, rec.bytes, &read);
            if (read < rec.bytes)
                c.recording_problems.push_back("Bản ghi lưu trữ ngày " + day_text(rec.day) + " (" + candidate.string() +
                                               ") ngắn hơn khi lập gói: " + std::to_string(read) +
                                               " byte, bản kê ghi " + std::to_string(rec.bytes) + " byte.");
            else if (sha != rec.sha256)
                c.recording_problems.push_back("Bản ghi lưu trữ ngày " + day_text(rec.day) + " (" + candidate.string() +
                                               ") đã bị sửa sau khi lập gói (SHA-256 khác).");
            break;
        }
        if (!found && !recording_folders.empty())
            c.notes.push_back("Không tìm thấy bản ghi lưu trữ ngày " + day_text(rec.day) + " (" + rec.file +
                              "): đã quá hạn lưu giữ, hoặc nằm ở máy khác.");
    }
    return c;
}

}  // namespace lp::evidence
