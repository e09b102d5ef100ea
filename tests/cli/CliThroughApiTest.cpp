// `loaphuong` (the real binary) while "the daemon runs" (ServedApi: the real server, gate and
// handlers, and a status file naming a live process): state changes go through the API with
// the token of [http] cli_token_file and are recorded under the token's account; --json prints
// the API's answer; a missing, world-readable or refused token stops the command with a
// Vietnamese message and nothing changed; without the daemon the database is written directly.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "auth/Tokens.hpp"
#include "db/Store.hpp"
#include "tests/cli/ServedApi.hpp"
#include "tests/support/Command.hpp"

namespace lp::test {
namespace {

using nlohmann::json;

class CliThroughApi : public testing::Test {
protected:
    ServedApi served;
    std::filesystem::path dir = served.services.dir().path();
    std::filesystem::path token_file = dir / "cli.token";
    std::filesystem::path config = dir / "lp.toml";
    std::int64_t item = 0;

    void SetUp() override {
        item = served.services.import_tone(523, "Thông báo tiêm chủng");
        write_config();
        served.write_status_file();
    }

    void write_config(const std::string& http_extra = "") {
        std::ofstream(config) << "[daemon]\ndatabase = \"lp.db\"\nmedia_dir = \"media\"\n"
                                 "[http]\nlisten = \"127.0.0.1:"
                              << served.port() << "\"\ncli_token_file = \"cli.token\"\n"
                              << http_extra << "[[output]]\nname = \"loa-chinh\"\nkind = \"null\"\n";
    }

    void use_token(const std::string& token, mode_t mode = 0640) {
        std::filesystem::remove(token_file);
        std::ofstream(token_file) << token << "\n";
        ::chmod(token_file.c_str(), mode);
    }

    CommandResult run(const std::string& args) {
        return run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " " + args + " 2>&1");
    }

    // Runs with --json: the exit status and the JSON line on standard output.
    std::pair<int, json> run_json(const std::string& args) {
        const auto r = run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " " + args +
                                   " --json 2>/dev/null");
        return {r.exit_code, json::parse(r.output, nullptr, false)};
    }

    std::string scalar(const std::string& sql) {
        auto db = db::open_store(served.services.database_path());
        auto st = db.prepare(sql);
        if (!st.step()) return "<none>";
        return st.is_null(0) ? "<null>" : st.text(0);
    }
};

TEST_F(CliThroughApi, OneOffsGoThroughTheDaemonUnderTheTokensAccount) {
    use_token(served.token_for("lan", auth::Role::operator_));
    auto [rc, added] = run_json("oneoff add --item " + std::to_string(item) + " --at now --priority uu-tien");
    ASSERT_EQ(rc, 0) << added.dump();
    ASSERT_TRUE(added["id"].is_number_integer()) << added.dump();
    EXPECT_TRUE(added["warning"].is_string()) << "not approved yet: " << added.dump();
    EXPECT_EQ(scalar("SELECT created_by FROM one_off"), "lan");
    EXPECT_EQ(served.services.rules_changed_count, 1) << "the daemon was told, not a reload file";

    const auto id = std::to_string(added["id"].get<std::int64_t>());
    auto r = run("oneoff cancel " + id);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Đã huỷ lịch phát đột xuất số " + id), std::string::npos) << r.output;
    r = run("oneoff cancel " + id);  // the API's 404, in Vietnamese
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Không có lịch phát đột xuất số " + id + " (hoặc đã huỷ)"), std::string::npos) << r.output;

    r = run("oneoff add --item " + std::to_string(item) + " --at '01/12/2026 25:00'");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("--at"), std::string::npos) << r.output;
    EXPECT_EQ(served.services.count("one_off"), 1);
}

TEST_F(CliThroughApi, StopGoesToTheDaemonNamingTheAccount) {
    use_token(served.token_for("lan", auth::Role::operator_));
    auto [rc, stopped] = run_json("oneoff stop");
    ASSERT_EQ(rc, 0);
    EXPECT_EQ(stopped, json({{"stopped", false}}));
    served.services.playing = {{"title", "Bản tin sáng"}};
    const auto r = run("oneoff stop --reason 'Sai bản tin'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Đã dừng phát"), std::string::npos) << r.output;
    EXPECT_EQ(served.services.stops, (std::vector<std::string>{"lan", "lan"}));
}

TEST_F(CliThroughApi, MediaChangesGoThroughTheDaemon) {
    use_token(served.token_for("hoa", auth::Role::approver));
    auto [rc, approved] = run_json("media approve " + std::to_string(item));
    ASSERT_EQ(rc, 0) << approved.dump();
    EXPECT_EQ(approved["approval"]["state"], "approved");
    EXPECT_EQ(approved["approval"]["by"], "hoa");
    auto r = run("media revoke " + std::to_string(item));
    EXPECT_EQ(r.exit_code, 2) << r.output;  // the comment is asked for before anything is sent
    EXPECT_NE(r.output.find("Cần --comment"), std::string::npos) << r.output;
    r = run("media revoke " + std::to_string(item) + " --comment 'Hết hạn'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Đã thu hồi duyệt tin, bài #" + std::to_string(item)), std::string::npos) << r.output;
    EXPECT_EQ(scalar("SELECT state FROM approval WHERE media_item_id = " + std::to_string(item)), "revoked");

    // An approver may not edit the library: the daemon's 403, nothing changed.
    r = run("media edit " + std::to_string(item) + " --title 'Tên mới'");
    EXPECT_EQ(r.exit_code, 4) << r.output;
    EXPECT_NE(r.output.find("không có quyền này"), std::string::npos) << r.output;
    EXPECT_EQ(scalar("SELECT title FROM media_item"), "Thông báo tiêm chủng");

    use_token(served.token_for("lan", auth::Role::operator_));
    auto [rc2, edited] = run_json("media edit " + std::to_string(item) + " --title 'Tên mới' --valid-until 31/12/2026");
    ASSERT_EQ(rc2, 0) << edited.dump();
    EXPECT_EQ(edited["title"], "Tên mới");
    EXPECT_EQ(edited["valid_until"], "31/12/2026");
    r = run("tag " + std::to_string(item) + " --add y-te,tiem-chung");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("tiem-chung, y-te"), std::string::npos) << r.output;
    auto [rc3, retired] = run_json("media retire " + std::to_string(item));
    ASSERT_EQ(rc3, 0) << retired.dump();
    EXPECT_EQ(retired["retired"], true);
    r = run("media retire " + std::to_string(item));  // the API's 409
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("đã ngừng dùng từ trước"), std::string::npos) << r.output;
}

TEST_F(CliThroughApi, NoUsableTokenStopsTheCommandWithNothingChanged) {
    const std::string add = "oneoff add --item " + std::to_string(item) + " --at now --by 'Chủ tịch'";
    auto r = run(add);  // no token file yet
    EXPECT_EQ(r.exit_code, 4) << r.output;
    EXPECT_NE(r.output.find("chưa có tệp mã truy cập \"" + token_file.string() + "\""), std::string::npos) << r.output;

    const auto token = served.token_for("lan", auth::Role::operator_);
    use_token(token, 0644);
    r = run(add);
    EXPECT_EQ(r.exit_code, 4) << r.output;
    EXPECT_NE(r.output.find("có quyền 0644: mọi người dùng trên máy đều đọc hoặc sửa được"), std::string::npos)
        << r.output;

    use_token("lp_khongphaimathat");
    r = run(add);
    EXPECT_EQ(r.exit_code, 4) << r.output;
    EXPECT_NE(r.output.find("loaphuongd không nhận mã truy cập trong tệp"), std::string::npos) << r.output;

    use_token(token);
    {
        auto db = db::open_store(served.services.database_path());
        auth::Tokens tokens(db);
        for (const auto& t : tokens.list()) tokens.remove(t.id);  // revoked
    }
    r = run(add);
    EXPECT_EQ(r.exit_code, 4) << r.output;
    EXPECT_NE(r.output.find("không nhận mã truy cập"), std::string::npos) << r.output;

    use_token(served.token_for("xem", auth::Role::viewer));
    auto [rc, refused] = run_json(add);
    EXPECT_EQ(rc, 4);
    EXPECT_TRUE(refused["error"].is_object()) << refused.dump();
    EXPECT_EQ(served.services.count("one_off"), 0);
    EXPECT_EQ(served.services.stops.size(), 0u);
}

TEST_F(CliThroughApi, WithoutTheDaemonTheDatabaseIsWrittenDirectly) {
    served.remove_status_file();  // no daemon, and no token file either: none is needed
    auto [rc, added] = run_json("oneoff add --item " + std::to_string(item) + " --at now --by 'Chủ tịch'");
    ASSERT_EQ(rc, 0) << added.dump();
    EXPECT_TRUE(added["id"].is_number_integer());
    EXPECT_EQ(scalar("SELECT created_by FROM one_off"), "Chủ tịch");
    EXPECT_EQ(served.services.rules_changed_count, 0) << "the API was not used";
    auto r = run("oneoff add --item " + std::to_string(item) + " --at now");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Cần --by"), std::string::npos) << r.output;
    auto [rc2, stopped] = run_json("oneoff stop");
    EXPECT_EQ(rc2, 0);
    EXPECT_EQ(stopped, json({{"stopped", false}}));
    auto [rc3, approved] = run_json("media approve " + std::to_string(item) + " --by 'Lê Duyệt'");
    ASSERT_EQ(rc3, 0) << approved.dump();
    EXPECT_EQ(approved["approval"]["by"], "Lê Duyệt");
}

TEST_F(CliThroughApi, TheDaemonWithoutHttpCannotBeStopped) {
    write_config("enabled = false\n");
    const auto r = run("oneoff stop");
    EXPECT_EQ(r.exit_code, 4) << r.output;
    EXPECT_NE(r.output.find("tắt [http]"), std::string::npos) << r.output;
}

TEST_F(CliThroughApi, TokenAddForCliWritesTheConfiguredFile) {
    served.token_for("an", auth::Role::admin);
    const auto r = run("token add --for-cli --account an");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    struct stat st {};
    ASSERT_EQ(::stat(token_file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
    const auto [rc, stopped] = run_json("oneoff stop");
    EXPECT_EQ(rc, 0);
    EXPECT_EQ(stopped, json({{"stopped", false}}));
    EXPECT_EQ(served.services.stops, (std::vector<std::string>{"an"}));
}

// A daemon older than the command (no POST /api/oneoffs): the server's own 404, not a handler's;
// the command writes the database as it did before the API, and says so.
TEST(CliAndAnOlderDaemon, ARouteTheDaemonDoesNotServeIsWrittenDirectly) {
    ServedApi served({}, [](const api::Route& r) { return !(r.method == "POST" && r.pattern == "/api/oneoffs"); });
    const auto item = served.services.import_tone(587, "Tin cũ");
    const auto dir = served.services.dir().path();
    std::ofstream(dir / "lp.toml")
        << "[daemon]\ndatabase = \"lp.db\"\nmedia_dir = \"media\"\n[http]\nlisten = \"127.0.0.1:" << served.port()
        << "\"\ncli_token_file = \"cli.token\"\n[[output]]\nname = \"loa-chinh\"\nkind = \"null\"\n";
    std::ofstream(dir / "cli.token") << served.token_for("lan", auth::Role::operator_) << "\n";
    ::chmod((dir / "cli.token").c_str(), 0640);
    served.write_status_file();
    const auto r = run_command(std::string(LP_CLI) + " -c " + shell_quote((dir / "lp.toml").string()) +
                               " oneoff add --item " + std::to_string(item) + " --at now --by 'Chủ tịch' 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("chưa nhận lệnh này qua API (POST /api/oneoffs); ghi thẳng vào cơ sở dữ liệu"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(served.services.count("one_off"), 1);
    EXPECT_EQ(served.services.rules_changed_count, 0);
}

}  // namespace
}  // namespace lp::test
