// The interest section from traffic sent to the real daemon: residents play items on the public
// listener (three clients, one twice, one fetching too little), scan QR codes, fetch the feed and
// rate an item; the approver approves through `loaphuong feedback`, the operator records feedback
// from Zalo and a residential-group meeting. GET /api/interest and the signed quarter report show
// exactly those figures; feedback approved after the report is a note when the report is checked
// against the database, not a mismatch. Bad input to `loaphuong feedback` is named, exit 2,
// nothing recorded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>
#include <thread>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "tests/e2e/PublicDaemon.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/HttpClient.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::http_request;
using lp::test::shell_quote;
using nlohmann::json;

class InterestReport : public ::testing::Test {
protected:
    void SetUp() override {
        port = lp::test::free_port();
        public_port = lp::test::free_port();
        lp::test::write_public_config(dir.path(), {port, public_port}, "cli_token_file = \"cli.token\"\n",
                                      "[reports]\ndir = \"bao-cao\"\n");
        std::ofstream(dir / "pw") << "mat-khau-thu-nghiem\n";
        lp::test::make_audio(dir / "dvc.mp3", 3);
        lp::test::make_audio(dir / "lich.mp3", 3,
                             {.frequency = 660.0, .sample_rate = 48000, .channels = 1, .extra_args = ""});
        ASSERT_EQ(cli("media add " + shell_quote((dir / "dvc.mp3").string()) +
                      " --title 'Dịch vụ công trực tuyến' --topic m --form tin")
                      .exit_code,
                  0);
        ASSERT_EQ(cli("media add " + shell_quote((dir / "lich.mp3").string()) +
                      " --title 'Lịch tiếp công dân' --topic b --form thong_bao")
                      .exit_code,
                  0);
        {
            // One airing of each an hour ago (left open: the daemon closes them at start), the
            // first measured on two stream outputs.
            lp::test::open_airings_of_every_item(dir / "lp.db");
            auto db = lp::db::open_store(dir / "lp.db");
            db.exec(
                "INSERT INTO airing_listeners (journal_id, output, peak, mean, samples) VALUES "
                "(1, 'web', 4, 3.0, 12), (1, 'loa-ip', 2, 1.5, 12)");
        }
        lp::test::start_public_daemon(daemon, LP_DAEMON, dir.path(), {port, public_port});
        if (HasFatalFailure()) return;
        const auto status_file = dir / "lp.db.status.json";
        for (const auto deadline = std::chrono::steady_clock::now() + 20s;
             !std::filesystem::exists(status_file) && std::chrono::steady_clock::now() < deadline;)
            std::this_thread::sleep_for(20ms);
        ASSERT_TRUE(std::filesystem::exists(status_file)) << daemon->log();
        ASSERT_EQ(cli("user add quantri --role admin --password-file " + shell_quote((dir / "pw").string())).exit_code,
                  0);
        ASSERT_EQ(cli("token add --for-cli --account quantri").exit_code, 0);
        std::ifstream(dir / "cli.token") >> token;
    }
    void TearDown() override {
        daemon->signal(SIGTERM);
        EXPECT_EQ(daemon->wait_exit(20s), 0) << daemon->log();
    }
    lp::test::CommandResult cli(const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " --config " + shell_quote((dir / "lp.toml").string()) +
                                     " " + args + " 2>&1");
    }
    lp::test::HttpResponse as_resident(const std::string& ua, const std::string& target,
                                       const std::string& range = "") {
        lp::test::Headers h{{"User-Agent", ua}};
        if (!range.empty()) h["Range"] = range;
        return http_request(public_port, "GET", target, "", h);
    }
    json api(const std::string& method, const std::string& target, const std::string& body = "") {
        const auto r = http_request(port, method, target, body,
                                    {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
        EXPECT_LT(r.result_int(), 300) << method << " " << target << " " << r.body();
        return json::parse(r.body(), nullptr, false);
    }
    std::int64_t scalar(const std::string& sql) {
        lp::sqlite::Database db(dir / "lp.db", lp::sqlite::Database::Access::read_only);
        auto st = db.prepare(sql);
        st.step();
        return st.integer(0);
    }
    static const json& item(const json& in, std::int64_t id) {
        for (const auto& i : in["items"])
            if (i["id"] == id) return i;
        throw std::runtime_error("no item " + std::to_string(id));
    }

    lp::test::TempDir dir;
    unsigned short port = 0;
    unsigned short public_port = 0;
    std::string token;
    std::unique_ptr<lp::test::DaemonProcess> daemon;
};

TEST_F(InterestReport, FiguresFollowTheTrafficAndTheReviewedFeedback) {
    const auto today = lp::domain::display_date_text(
        lp::domain::local_date(lp::domain::zone("Asia/Ho_Chi_Minh"), lp::domain::wall_now()));
    // Three residents play item 1 whole; the first twice (counts once); one fetches 100 bytes of item 2.
    for (const char* ua : {"dien-thoai-a", "dien-thoai-b", "may-tinh-c", "dien-thoai-a"}) {
        const auto got = as_resident(ua, "/nghe/1");
        ASSERT_EQ(got.result_int(), 200) << got.body() << daemon->log();
    }
    ASSERT_EQ(as_resident("dien-thoai-b", "/nghe/2", "bytes=0-99").result_int(), 206);
    // QR scans: item 1 by two residents, the page by one; the feed fetched by two.
    ASSERT_EQ(as_resident("dien-thoai-a", "/tin/1?from=qr").result_int(), 200);
    ASSERT_EQ(as_resident("dien-thoai-b", "/tin/1?from=qr").result_int(), 200);
    ASSERT_EQ(as_resident("may-tinh-c", "/?from=qr").result_int(), 200);
    ASSERT_EQ(as_resident("dien-thoai-a", "/rss.xml").result_int(), 200);
    ASSERT_EQ(as_resident("dien-thoai-b", "/rss.xml").result_int(), 200);
    const auto form = [&](int item, const std::string& body) {
        return http_request(public_port, "POST", "/tin/" + std::to_string(item) + "/y-kien", body,
                            {{"Content-Type", "application/x-www-form-urlencoded"}, {"User-Agent", "dien-thoai-a"}});
    };
    ASSERT_EQ(form(1, "rating=4&comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E+R%C3%B5+r%C3%A0ng").result_int(), 200);
    ASSERT_EQ(form(2, "rating=2").result_int(), 200);
    // Listens are written once the bytes are out: wait for the third, with a deadline.
    for (const auto deadline = std::chrono::steady_clock::now() + 10s;
         scalar("SELECT COALESCE(SUM(count), 0) FROM reach_count WHERE kind = 'listen'") < 3 &&
         std::chrono::steady_clock::now() < deadline;)
        std::this_thread::sleep_for(20ms);

    // The approver's review and the operator's records, through the CLI and the daemon's API.
    auto r = cli("feedback list --pending --json");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto pending = json::parse(r.output)["feedback"];
    ASSERT_EQ(pending.size(), 2u) << r.output;
    const auto first_id = std::to_string(pending[1]["id"].get<std::int64_t>());  // newest first
    const auto second_id = std::to_string(pending[0]["id"].get<std::int64_t>());
    r = cli("feedback approve " + first_id);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Đã duyệt ý kiến #" + first_id), std::string::npos) << r.output;
    r = cli("feedback add --channel zalo --date " + today + " --item 1 --rating 2 --comment 'Nên phát lại buổi tối'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Đã ghi ý kiến"), std::string::npos) << r.output;
    r = cli("feedback add --channel hop_to_dan_pho --date " + today + " --topic b --comment 'Cần niêm yết lịch'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = cli("feedback list");
    EXPECT_NE(r.output.find("Ý kiến đã duyệt (3)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("[Zalo, " + today + "] «Dịch vụ công trực tuyến» 2/5: Nên phát lại buổi tối"),
              std::string::npos)
        << r.output;

    // Bad input: named, exit 2, nothing recorded.
    const auto rows = scalar("SELECT count(*) FROM feedback");
    for (const auto& [args, says] : std::vector<std::pair<std::string, std::string>>{
             {"--channel fax --date " + today + " --item 1 --rating 3", "--channel \"fax\" không có"},
             {"--channel web --date " + today + " --item 1 --rating 3", "--channel \"web\" không có"},
             {"--channel zalo --date 31/02/2026 --item 1 --rating 3", "--date \"31/02/2026\" không hợp lệ"},
             {"--channel zalo --date " + today + " --item 1 --topic b --rating 3", "Chỉ ghi một trong hai"},
             {"--channel zalo --date " + today + " --rating 3", "Cần --item"},
             {"--channel zalo --date " + today + " --item 1 --rating 9", "--rating 9 không hợp lệ"},
             {"--channel zalo --date " + today + " --item 1", "Cần --rating (1-5) hoặc --comment"},
             {"--channel zalo --date " + today + " --topic zz --rating 3", "zz"},
             {"--channel zalo --date " + today + " --item 99 --rating 3", "Không có tin, bài số 99"},
         }) {
        r = cli("feedback add " + args);
        EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.output;
        EXPECT_NE(r.output.find(says), std::string::npos) << args << "\n" << r.output;
    }
    r = cli("feedback approve 999");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Không có ý kiến số 999"), std::string::npos) << r.output;
    r = cli("feedback reject " + first_id);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("đã được xem xét trước đó"), std::string::npos) << r.output;
    EXPECT_EQ(scalar("SELECT count(*) FROM feedback"), rows);
    EXPECT_EQ(scalar("SELECT count(*) FROM feedback WHERE status = 'pending'"), 1);

    // The operator's view of the quarter.
    const auto got = api("GET", "/api/interest");
    const auto& in = got["interest"];
    const auto& dvc = item(in, 1);
    EXPECT_EQ(dvc["airings"], 1);
    EXPECT_EQ(dvc["listens"], 3);
    EXPECT_EQ(dvc["qr_scans"], 2);
    EXPECT_EQ(dvc["feedback"], 2);
    EXPECT_DOUBLE_EQ(dvc["rating"].get<double>(), 3.0);
    EXPECT_EQ(dvc["listeners_peak"], 6);
    EXPECT_DOUBLE_EQ(dvc["listeners_mean"].get<double>(), 4.5);
    EXPECT_EQ(dvc["score"], 7);
    const auto& lich = item(in, 2);
    EXPECT_EQ(lich["listens"], 0);   // 100 bytes are not a listen
    EXPECT_EQ(lich["feedback"], 0);  // its rating waits for review
    EXPECT_EQ(in["feed_fetches"], 2);
    EXPECT_EQ(in["page_qr"], 1);
    EXPECT_EQ(in["most"], json::array({1}));
    EXPECT_EQ(in["least"], json::array({2}));
    ASSERT_EQ(in["comments"].size(), 3u);
    for (const auto& t : in["by_topic"])
        if (t["code"] == "b") {
            EXPECT_EQ(t["feedback"], 1);  // the meeting's comment names the topic
        }
    EXPECT_EQ(http_request(port, "GET", "/api/interest?period=2026Q5", "", {{"Authorization", "Bearer " + token}})
                  .result_int(),
              422);

    // The quarter's report, signed: the same figures in the JSON, its own CSV, and both check.
    const auto made = api("POST", "/api/reports", json{{"period", got["period"]}}.dump());
    std::string json_name, interest_name;
    for (const auto& f : made["files"]) {
        const auto name = f.get<std::string>();
        if (name.ends_with(".json")) json_name = name;
        if (name.ends_with("-quan-tam.csv")) interest_name = name;
    }
    ASSERT_FALSE(json_name.empty()) << made.dump();
    ASSERT_FALSE(interest_name.empty()) << made.dump();
    std::ifstream json_file(dir / "bao-cao" / json_name);
    const auto report = json::parse(json_file);
    EXPECT_EQ(item(report["interest"], 1)["listens"], 3);
    EXPECT_EQ(report["interest"]["comments"].size(), 3u);
    const auto pub = (dir / "var" / "signing.key.pub").string();
    for (const auto& name : {json_name, interest_name}) {
        const auto file = shell_quote((dir / "bao-cao" / name).string());
        r = cli("verify-export " + file + " --key " + shell_quote(pub));
        EXPECT_EQ(r.exit_code, 0) << name << "\n" << r.output;
        r = cli("journal verify --export " + file);
        EXPECT_EQ(r.exit_code, 0) << name << "\n" << r.output;
        EXPECT_EQ(r.output.find("Ghi chú: số liệu đánh giá"), std::string::npos) << r.output;
    }
    // Approved after the report: the file still matches; the change is a note.
    r = cli("feedback approve " + second_id);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = cli("journal verify --export " + shell_quote((dir / "bao-cao" / json_name).string()));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("khớp với cơ sở dữ liệu"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Ghi chú: số liệu đánh giá mức độ quan tâm của người dân là số đo"), std::string::npos)
        << r.output;
}

}  // namespace
