// The quarter's evidence package: one ZIP with every format signed, a signed manifest of their
// SHA-256 and of each day's archive recording, and the checkpoint. Checked with the public key
// alone; the attacks a reviewer must catch: a member swapped (with the zip CLI), a member
// edited, a member added, the manifest edited, the manifest signed by another key, a day's
// recording edited. Each is named; appended audio (the archive grows) is not a change.
#include <gtest/gtest.h>

#include <fstream>

#include "db/Store.hpp"
#include "evidence/Package.hpp"
#include "export/ZipText.hpp"
#include "export/ZipWriter.hpp"
#include "journal/Sha256.hpp"
#include "tests/export/SampleJournal.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/FileText.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace lp::evidence;
using lp::test::run_command;
using lp::test::shell_quote;
namespace ex = lp::exporting;

using lp::test::spit;

std::string all_problems(const PackageCheck& c) {
    std::string out;
    for (const auto& p : c.members.problems) out += p + "\n";
    for (const auto& [name, f] : c.files)
        for (const auto& p : f.problems) out += name + ": " + p + "\n";
    for (const auto& p : c.recording_problems) out += p + "\n";
    return out;
}

class Package : public ::testing::Test {
protected:
    static inline lp::test::TempDir* dir = nullptr;
    static inline Evidence* evidence = nullptr;
    static inline lp::config::Config* config = nullptr;
    static inline std::filesystem::path zip;

    static void SetUpTestSuite() {
        dir = new lp::test::TempDir;
        auto db = lp::db::open_store(*dir / "j.db");
        lp::test::write_sample_journal(db, {2026, 1, 1}, 20);
        config = new lp::config::Config;
        lp::audio::OutputSpec archive;
        archive.name = "luu";
        archive.kind = "archive";
        archive.target = (*dir / "archive").string();
        config->outputs.push_back(archive);
        std::filesystem::create_directories(*dir / "archive");
        spit(*dir / "archive" / "2026-01-05.mp3", std::string(40000, 'a'));
        spit(*dir / "archive" / "2026-01-06.mp3", std::string(30000, 'b'));
        spit(*dir / "archive" / "2025-12-31.mp3", "outside the period");
        evidence = new Evidence{make_key_pair(), *dir / "checkpoints.log"};
        const auto done = write_package(db, ex::quarter_period(2026, 1), *config, lp::domain::zone("Asia/Ho_Chi_Minh"),
                                        {2026, 4, 2}, *dir / "bao-cao", *evidence);
        zip = done.file;
    }
    static void TearDownTestSuite() {
        delete evidence;
        delete config;
        delete dir;
    }
    static std::vector<std::pair<std::string, std::string>> members(const std::filesystem::path& file = zip) {
        return ex::zip_entries(read_file_bytes(file), file.string());
    }
    static std::filesystem::path rezip(const std::vector<std::pair<std::string, std::string>>& entries,
                                       const std::string& name) {
        std::vector<ex::ZipMember> out;
        for (const auto& [n, b] : entries) out.push_back({n, b});
        const auto file = *dir / name;
        spit(file, ex::zip_archive(out));
        return file;
    }
    static PackageCheck check(const std::filesystem::path& file) {
        return check_package(file, evidence->key.public_hex, {*dir / "archive"});
    }
};

TEST_F(Package, HoldsEveryFormatTheManifestItsSignatureAndTheCheckpoint) {
    EXPECT_EQ(zip, *dir / "bao-cao" / "nhat-ky-2026Q1.zip");  // made after the quarter: the final version
    const auto listing = run_command("unzip -t " + shell_quote(zip.string()));
    ASSERT_EQ(listing.exit_code, 0) << listing.output;  // a zip every tool opens
    std::vector<std::string> names;
    for (const auto& [name, bytes] : members()) names.push_back(name);
    EXPECT_EQ(names, (std::vector<std::string>{"nhat-ky-2026Q1.xlsx", "nhat-ky-2026Q1.pdf", "nhat-ky-2026Q1.csv",
                                               "nhat-ky-2026Q1-quan-tam.csv", "nhat-ky-2026Q1.json", "checkpoint.txt",
                                               "manifest.json", "manifest.sig"}));
    const auto c = check(zip);
    EXPECT_TRUE(c.ok()) << all_problems(c);
    ASSERT_TRUE(c.members.manifest);
    const auto& m = *c.members.manifest;
    EXPECT_FALSE(m.partial);
    ASSERT_EQ(m.files.size(), 6u);
    for (const auto& [name, bytes] : members())
        for (const auto& f : m.files)
            if (f.name == name) {
                EXPECT_EQ(f.sha256, lp::journal::sha256_hex(bytes)) << name;
            }
    // The period's two day recordings, not the one of the day before.
    ASSERT_EQ(m.recordings.size(), 2u);
    EXPECT_EQ(m.recordings[0].day, "2026-01-05");
    EXPECT_EQ(m.recordings[0].bytes, 40000u);
    EXPECT_EQ(m.recordings[0].sha256, lp::journal::sha256_hex(std::string(40000, 'a')));
    EXPECT_EQ(c.files.size(), 5u);  // the interest CSV is signed too
    for (const auto& [name, f] : c.files) EXPECT_TRUE(f.ok()) << name;
}

TEST_F(Package, AMemberSwappedWithTheZipToolIsNamed) {
    // The CSV of another package (same key, a report made a day earlier) put in its place.
    auto db = lp::db::open_store(*dir / "j.db");
    const auto other = write_package(db, ex::quarter_period(2026, 1), *config, lp::domain::zone("Asia/Ho_Chi_Minh"),
                                     {2026, 3, 5}, *dir / "khac", *evidence);
    EXPECT_EQ(other.file.filename(), "nhat-ky-2026Q1-den-2026-03-05.zip");  // within the period: both kept
    EXPECT_TRUE(other.manifest.partial);
    const auto work = *dir / "swap";
    std::filesystem::create_directories(work);
    const auto swapped = *dir / "swapped.zip";
    std::filesystem::copy_file(zip, swapped);
    for (const auto& [name, bytes] : members(other.file))
        if (name.ends_with(".csv")) spit(work / "nhat-ky-2026Q1.csv", bytes);
    const auto r = run_command("cd " + shell_quote(work.string()) + " && zip -q " + shell_quote(swapped.string()) +
                               " nhat-ky-2026Q1.csv");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto c = check(swapped);
    EXPECT_FALSE(c.ok());
    ASSERT_EQ(c.members.problems.size(), 1u) << all_problems(c);
    EXPECT_NE(c.members.problems[0].find("Tệp nhat-ky-2026Q1.csv trong gói đã bị thay hoặc sửa"), std::string::npos)
        << c.members.problems[0];
}

TEST_F(Package, AnEditedMemberAndAnAddedOneAreNamed) {
    auto entries = members();
    for (auto& [name, bytes] : entries)
        if (name == "nhat-ky-2026Q1.json") {
            const std::string title = lp::test::sample_items[0].title;
            const auto at = bytes.find(title);
            ASSERT_NE(at, std::string::npos);
            bytes.replace(at, title.size(), "Tin đã sửa");
        }
    entries.emplace_back("ghi-chu.txt", "thêm vào sau");
    const auto c = check(rezip(entries, "edited.zip"));
    EXPECT_FALSE(c.ok());
    const auto text = all_problems(c);
    EXPECT_NE(text.find("Tệp nhat-ky-2026Q1.json trong gói đã bị thay hoặc sửa"), std::string::npos) << text;
    EXPECT_NE(text.find("Tệp ghi-chu.txt trong gói không có trong bản kê"), std::string::npos) << text;
    // The file's own signature says so too.
    EXPECT_NE(text.find("nhat-ky-2026Q1.json: Nội dung tệp đã bị sửa sau khi ký"), std::string::npos) << text;
}

TEST_F(Package, AManifestEditedToMatchAnEditedMemberIsRefused) {
    auto entries = members();
    std::string csv_sha;
    for (auto& [name, bytes] : entries)
        if (name == "nhat-ky-2026Q1.csv") {
            bytes += "thêm một dòng\r\n";
            csv_sha = lp::journal::sha256_hex(bytes);
        }
    for (auto& [name, bytes] : entries)
        if (name == "manifest.json") {
            auto m = parse_manifest(bytes);
            for (auto& f : m.files)
                if (f.name.ends_with(".csv")) f.sha256 = csv_sha;
            bytes = manifest_json(m);
        }
    const auto c = check(rezip(entries, "manifest-edited.zip"));
    EXPECT_FALSE(c.ok());
    ASSERT_FALSE(c.members.manifest);
    ASSERT_EQ(c.members.problems.size(), 1u);
    EXPECT_NE(c.members.problems[0].find("Bản kê manifest.json đã bị sửa sau khi ký"), std::string::npos)
        << c.members.problems[0];
}

TEST_F(Package, AManifestSignedByAnotherKeyIsNamed) {
    auto entries = members();
    const auto stranger = make_key_pair();
    for (auto& [name, bytes] : entries)
        if (name == "manifest.json") {
            const auto manifest = bytes;
            for (auto& [n, b] : entries)
                if (n == "manifest.sig") b = sign_manifest(stranger, "2026Q1", manifest);
        }
    const auto c = check(rezip(entries, "other-key.zip"));
    EXPECT_FALSE(c.ok());
    EXPECT_TRUE(c.members.other_key);
    ASSERT_EQ(c.members.problems.size(), 1u);
    EXPECT_NE(c.members.problems[0].find("được ký bằng khóa khác (mã khóa " + key_id(stranger.public_hex)),
              std::string::npos)
        << c.members.problems[0];
    // And the right package checked with the stranger's key: the same finding, the other way.
    EXPECT_TRUE(check_package(zip, stranger.public_hex, {}).members.other_key);
}

TEST_F(Package, ADayRecordingEditedIsNamedAndOneThatGrewIsNot) {
    const auto day5 = *dir / "archive" / "2026-01-05.mp3";
    const auto day6 = *dir / "archive" / "2026-01-06.mp3";
    {
        std::ofstream grow(day6, std::ios::binary | std::ios::app);
        grow << std::string(1000, 'c');  // a programme appended later that day
    }
    EXPECT_TRUE(check(zip).ok()) << all_problems(check(zip));
    auto edited = std::string(40000, 'a');
    edited[20000] = 'x';
    spit(day5, edited);
    auto c = check(zip);
    EXPECT_FALSE(c.ok());
    ASSERT_EQ(c.recording_problems.size(), 1u) << all_problems(c);
    EXPECT_NE(c.recording_problems[0].find("Bản ghi lưu trữ ngày 05/01/2026"), std::string::npos);
    EXPECT_NE(c.recording_problems[0].find("đã bị sửa sau khi lập gói"), std::string::npos);
    std::filesystem::remove(day5);  // pruned by the retention: a note, not a finding
    c = check(zip);
    EXPECT_TRUE(c.ok()) << all_problems(c);
    ASSERT_EQ(c.notes.size(), 1u);
    EXPECT_NE(c.notes[0].find("Không tìm thấy bản ghi lưu trữ ngày 05/01/2026"), std::string::npos);
    spit(day5, std::string(40000, 'a'));
}

TEST(ZipWriter, WritesAnArchiveUnzipReadsBack) {
    lp::test::TempDir dir;
    const std::string big(100000, 'z');
    spit(dir / "a.zip", ex::zip_archive({{"mot.txt", "xin chào\n"}, {"b/big.bin", big}, {"empty", ""}}));
    const auto r = run_command("cd " + shell_quote(dir.path().string()) + " && unzip -q a.zip && cat mot.txt");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(r.output, "xin chào\n");
    EXPECT_EQ(read_file_bytes(dir / "b" / "big.bin"), big);
    EXPECT_EQ(std::filesystem::file_size(dir / "empty"), 0u);
    EXPECT_LT(std::filesystem::file_size(dir / "a.zip"), 2000u);  // deflated
}

}  // namespace
