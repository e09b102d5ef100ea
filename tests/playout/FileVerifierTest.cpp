#include <gtest/gtest.h>

#include <fstream>

#include "playout/FileVerifier.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::audio::FailureKind;

void write(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

TEST(FileVerifier, AFileThatChangedSinceImportIsCaughtBeforeItAirs) {
    lp::test::TempDir dir;
    const auto file = dir / "a.mp3";
    write(file, "recorded bytes");
    const auto sha = lp::playout::file_sha256(file);
    // sha256("abc"), a known vector, checks the hashing itself.
    write(dir / "abc", "abc");
    EXPECT_EQ(lp::playout::file_sha256(dir / "abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    lp::playout::FileVerifier verifier;
    EXPECT_FALSE(verifier.check(file, sha).get());
    write(file, "recorded bytez");  // one byte of disk rot
    const auto changed = verifier.check(file, sha).get();
    EXPECT_EQ(changed.kind, FailureKind::file_changed);
    EXPECT_NE(changed.detail.find(sha), std::string::npos);
    EXPECT_EQ(verifier.check(dir / "gone.mp3", sha).get().kind, FailureKind::file_missing);
    EXPECT_FALSE(verifier.check(dir / "gone.mp3", "").get());  // never hashed: not checked
}

TEST(FileVerifier, AttachGivesEachHashedCueItsCheck) {
    lp::test::TempDir dir;
    write(dir / "a", "a");
    lp::audio::Programme p{"p", {{dir / "a"}, {dir / "b"}}, {}, {}};
    lp::playout::FileVerifier verifier;
    verifier.attach(p, {lp::playout::file_sha256(dir / "a"), ""});
    ASSERT_TRUE(p.cues[0].check.valid());
    EXPECT_FALSE(p.cues[0].check.get());
    EXPECT_FALSE(p.cues[1].check.valid());
}

}  // namespace
