// Report files: listed from [reports] dir, downloaded only by a name in that listing; paths,
// "..", absolute names and files outside the folder refused.

#include <gtest/gtest.h>

#include <fstream>

#include "tests/api/TestServices.hpp"

namespace {

using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;

TEST(ReportApi, ListsAndDownloadsOnlyTheFolderFiles) {
    lp::test::TestServices s;
    const auto dir = s.config().reports.dir;
    std::filesystem::create_directories(dir / "sub");
    { std::ofstream(dir / "nhat-ky-2026Q3.csv") << "a,b\n"; }
    { std::ofstream(s.dir() / "secret.csv") << "x\n"; }
    std::filesystem::create_symlink(s.dir() / "secret.csv", dir / "link.csv");
    auto r = run(s, "GET", "/api/reports", call("GET", ""));
    ASSERT_EQ(r.body["files"].size(), 1u);
    EXPECT_EQ(r.body["files"][0]["name"], "nhat-ky-2026Q3.csv");
    EXPECT_EQ(r.body["files"][0]["size"], 4);
    r = run(s, "GET", "/api/reports/{name}", call("GET", "", nullptr, {{"name", "nhat-ky-2026Q3.csv"}}));
    ASSERT_TRUE(r.file);
    EXPECT_EQ(*r.file, dir / "nhat-ky-2026Q3.csv");
    EXPECT_EQ(r.download_name, "nhat-ky-2026Q3.csv");
    EXPECT_FALSE(r.remove_file_after);

    const auto refused = [&](const std::string& name, int status) {
        expect_refused(s, "GET", "/api/reports/{name}", call("GET", "", nullptr, {{"name", name}}), status, "name");
    };
    refused("../secret.csv", 422);
    refused((s.dir() / "secret.csv").string(), 422);
    refused("sub", 404);
    refused("link.csv", 404);
    refused("nhat-ky-2026Q4.csv", 404);
    refused("", 422);
}

}  // namespace
