// An operator's emergency from a typed text, through the API's own handlers, to the real
// daemon: with [http] emergency_needs_approver the order waits; an approver confirms it; the
// daemon (told as the CLI tells it, by the reload flag) cuts the slot, airs the spoken text and
// resumes. Its journal row names the ordering and the approving account, sealed, and the chain
// verifies. Then a play-next ordered while the slot plays airs after it, cutting nothing.
//
// The handlers run in this process on the daemon's database file (as the CLI does) until the
// daemon serves them over HTTP; what is shown here is everything after the handler.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>

#include "api/Routes.hpp"
#include "config/Load.hpp"
#include "db/Store.hpp"
#include "journal/ChainVerifier.hpp"
#include "journal/Seal.hpp"
#include "library/Speech.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;

// api::Services over the daemon's database file: a change of rules is announced the CLI's way.
class BesideTheDaemon final : public lp::api::Services {
public:
    explicit BesideTheDaemon(const std::filesystem::path& config_file)
        : config_(lp::config::load_file(config_file)), db_(lp::db::open_store(config_.database)) {}
    lp::sqlite::Database& database() override { return db_; }
    std::filesystem::path database_path() const override { return config_.database; }
    std::shared_ptr<const lp::config::Config> config() const override {
        return std::make_shared<const lp::config::Config>(config_);
    }
    void rules_changed() override { lp::db::announce_schedule_change(config_.database); }
    void rules_changed_from_worker() override { rules_changed(); }
    bool stop_now(const std::string&) override { return false; }
    std::optional<lp::playout::LiveSessionInfo> live_session() override { return std::nullopt; }
    void live_begun(lp::playout::LiveSessionInfo) override {}
    bool end_live() override { return false; }
    nlohmann::json now_playing() override { return nullptr; }
    nlohmann::json next_up() override { return nullptr; }
    nlohmann::json outputs() override { return nlohmann::json::array(); }
    std::int64_t journal_waiting() override { return 0; }
    void publish(std::string_view, const nlohmann::json&) override {}

    lp::api::Reply run(const std::string& method, const std::string& pattern, nlohmann::json body,
                       std::map<std::string, std::string> params, lp::auth::Role role, const std::string& account) {
        for (auto& r : lp::api::routes(*this)) {
            if (r.method != method || r.pattern != pattern) continue;
            lp::api::Call c;
            c.method = method;
            c.path = pattern;
            c.body = std::move(body);
            c.params = std::move(params);
            c.caller = {account, role, false, ""};
            return r.handler(c);
        }
        throw std::logic_error("no route " + pattern);
    }

private:
    lp::config::Config config_;
    lp::sqlite::Database db_;
};

TEST(EmergencyOrder, AnOperatorsTextConfirmedByAnApproverAirsAndItsRowSealsBothAccounts) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "dai.flac", 8.0,
                         {.frequency = 500, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "tiep.wav", 1.0,
                         {.frequency = 700, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "sau.wav", 1.0,
                         {.frequency = 900, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    const auto config = dir / "lp.toml";
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                             "[http]\nenabled = false\nemergency_needs_approver = true\n"
                             "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                             "[[slot]]\nname = \"Bản tin\"\nstart = \"+1s\"\n"
                             "[[slot.item]]\nfile = \"dai.flac\"\ntitle = \"Bài dài\"\n"
                             "[[slot.item]]\nfile = \"tiep.wav\"\ntitle = \"Tin tiếp theo\"\n"
                             "[[slot]]\nname = \"Dự phòng\"\nstart = \"+3600s\"\n"
                             "[[slot.item]]\nfile = \"sau.wav\"\ntitle = \"Tin phát sau\"\n";

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" (Bản tin) started", 20s)) << daemon.log();
    BesideTheDaemon api(config);
    const std::string text = "Thông báo khẩn: nước lên nhanh, bà con di dời ngay.";
    auto r =
        api.run("POST", "/api/emergency", {{"text", text}, {"outputs", {"loa"}}}, {}, lp::auth::Role::operator_, "lan");
    ASSERT_EQ(r.status, 202) << r.body;
    const auto request = std::to_string(r.body["request"].get<std::int64_t>());
    r = api.run("POST", "/api/emergency/requests/{id}/confirm", nullptr, {{"id", request}}, lp::auth::Role::approver,
                "minh");
    ASSERT_EQ(r.status, 201) << r.body;
    const auto oneoff = r.body["oneoff"].get<std::int64_t>();
    ASSERT_TRUE(daemon.wait_for_log("(Phát khẩn cấp) started", 20s)) << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" (Bản tin) resumed", 20s)) << daemon.log();
    // While the slot plays again: play next, ordered by the operator; it must not cut.
    std::int64_t after = 0;
    {
        auto st = api.database().prepare("SELECT id FROM media_item WHERE title = 'Tin phát sau'");
        ASSERT_TRUE(st.step());
        after = st.integer(0);
    }
    r = api.run("POST", "/api/player/play-next", {{"item", after}}, {}, lp::auth::Role::operator_, "lan");
    ASSERT_EQ(r.status, 201) << r.body;
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin phát sau\" completed", 30s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();

    auto db = lp::db::open_store(dir / "var" / "lp.db");
    auto st = db.prepare(
        "SELECT title, slot, status, coalesce(ordered_by, ''), coalesce(approved_by, ''), seal_version, "
        "seal IS NOT NULL FROM journal ORDER BY id");
    std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string>> rows;
    while (st.step()) {
        rows.emplace_back(st.text(0), st.text(1), st.text(2), st.text(3), st.text(4));
        EXPECT_EQ(st.integer(5), lp::journal::current_seal_version) << st.text(0);  // covers both accounts (v3 on)
        EXPECT_EQ(st.integer(6), 1) << st.text(0);
    }
    ASSERT_EQ(rows.size(), 5u) << daemon.log();
    using Row = std::tuple<std::string, std::string, std::string, std::string, std::string>;
    EXPECT_EQ(rows[0], (Row{"Bài dài", "Bản tin", "interrupted", "", ""}));
    EXPECT_EQ(rows[1], (Row{lp::library::title_from_text(text), "Phát khẩn cấp", "completed", "lan", "minh"}));
    EXPECT_EQ(rows[2], (Row{"Bài dài", "Bản tin", "completed", "", ""}));
    EXPECT_EQ(rows[3], (Row{"Tin tiếp theo", "Bản tin", "completed", "", ""}));
    EXPECT_EQ(rows[4], (Row{"Tin phát sau", "Phát tiếp theo", "completed", "lan", ""}));
    const auto report = lp::journal::verify_chain(db);
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.rows_checked, 5);
    // The order itself says who asked and who approved.
    auto o = db.prepare("SELECT created_by, approved_by FROM one_off WHERE id = ?");
    o.bind(1, oneoff);
    ASSERT_TRUE(o.step());
    EXPECT_EQ(o.text(0), "lan");
    EXPECT_EQ(o.text(1), "minh");
}

}  // namespace
