// Stream listeners (issue 13): a real icecast2 on 127.0.0.1 with a station on its mount and
// real listeners (curl) connecting and leaving during an airing; the airing's journal row (a
// real SQLite file, through the JournalWriter) gets the peak and the time-weighted mean of what
// the sampler read at instants the test drives. A server that is down or refuses the admin
// account gives no figures, a warning, and the airing's row all the same.

#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <future>

#include "daemon/StreamListeners.hpp"
#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "journal/ListenerRecord.hpp"
#include "journal/RowJson.hpp"
#include "reach/IcecastProbe.hpp"
#include "tests/support/Icecast.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
namespace ev = lp::audio::event;
using lp::journal::TimePoint;

const TimePoint at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");

lp::audio::OutputSpec web_stream(const lp::test::IcecastServer& server, const std::string& password) {
    lp::audio::OutputSpec spec;
    spec.name = "web";
    spec.kind = "icecast";
    spec.options = {{"server", "127.0.0.1:" + std::to_string(server.port())},
                    {"mount", "/loa.mp3"},
                    {"admin_user", "admin"},
                    {"admin_password", password},
                    {"listeners_every", "10"}};
    return spec;
}

// Logs of the "reach" component, kept for the test to read.
struct ReachLog {
    ReachLog() : sink(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64)) {
        spdlog::drop("reach");
        spdlog::register_logger(std::make_shared<spdlog::logger>("reach", sink));
    }
    ~ReachLog() { spdlog::drop("reach"); }
    std::string text() const {
        std::string all;
        for (const auto& line : sink->last_formatted()) all += line;
        return all;
    }
    std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink;
};

// The daemon's journal path and the listener wiring on one loop, with the sampler's instants
// driven by the test (no periodic samples; the virtual clock gives their instants).
struct Airing {
    Airing(const std::filesystem::path& db_file, const lp::audio::OutputSpec& spec)
        : db(lp::db::open_store(db_file)), writer(db), recorder(writer), listeners(loop, writer, recorder, options()) {
        listeners.outputs({spec});
    }
    lp::reach::SamplerOptions options() {
        lp::reach::SamplerOptions o;
        o.periodic = false;
        o.timeout = 1s;
        o.now = [this] { return at + std::chrono::seconds{clock.load()}; };
        return o;
    }
    void event(lp::audio::PlayerEvent e) {
        listeners.before_recorded(e);
        recorder.record(e);
        listeners.after_recorded(e);
    }
    void start() {
        begin_airing();
        settle();
    }
    // The airing starts (the loop's part only).
    void begin_airing() {
        lp::journal::AiringPlan plan;
        plan.scheduled_at = at;
        plan.file = "/m/tin.mp3";
        plan.title = "Tin cải cách hành chính";
        plan.topics = {"a"};
        plan.form = "tin";
        plan.slot = "Sáng";
        plan.length = 30s;
        recorder.expect("Sáng@1", at, {plan}, {"web"});
        event({"Sáng@1", 0, ev::Started{at, {"web"}}});
    }
    // Everything handed to the sampler so far is done.
    void settle() {
        std::promise<void> done;
        listeners.sampler().then([&] { done.set_value(); });
        ASSERT_EQ(done.get_future().wait_for(10s), std::future_status::ready);
    }
    void sample_at(int seconds) {
        clock = seconds;
        std::promise<void> done;
        listeners.sampler().sample_now([&] { done.set_value(); });
        ASSERT_EQ(done.get_future().wait_for(10s), std::future_status::ready);
    }
    void finish_at(int seconds) {
        clock = seconds;
        event(
            {"Sáng@1", 0, ev::Finished{at + std::chrono::seconds{seconds}, 30s, lp::audio::CueResult::completed, {}}});
        settle();
        loop.poll();  // the figures come back to the loop and go to the journal
        loop.restart();
    }
    std::int64_t row() {
        auto st = db.prepare("SELECT id, status FROM journal");
        EXPECT_TRUE(st.step());
        EXPECT_EQ(st.text(1), "completed");
        return st.integer(0);
    }

    std::atomic<int> clock{0};
    boost::asio::io_context loop;
    lp::sqlite::Database db;
    lp::journal::JournalWriter writer;
    lp::journal::AiringRecorder recorder;
    lp::daemon::StreamListeners listeners;
};

// A listener: curl fetching the mount until it is killed.
std::unique_ptr<lp::test::Process> listener(const lp::test::IcecastServer& server) {
    return std::make_unique<lp::test::Process>(
        std::vector<std::string>{"curl", "-s", "-o", "/dev/null", server.listen_url("loa.mp3")});
}

// Waits until the server's own statistics say `holds`.
template <class Holds>
bool server_says(const lp::audio::OutputSpec& spec, Holds holds) {
    const auto source = *lp::reach::stats_source(spec);
    for (auto deadline = std::chrono::steady_clock::now() + 10s; std::chrono::steady_clock::now() < deadline;) {
        if (holds(lp::reach::fetch_stats(source, 1s))) return true;
        std::this_thread::sleep_for(20ms);  // the server's own statistics, polled
    }
    return false;
}
bool server_counts(const lp::audio::OutputSpec& spec, int n) {
    return server_says(spec, [&](const std::string& xml) { return lp::reach::mount_listeners(xml, "/loa.mp3") == n; });
}

TEST(StreamListeners, ListenersComingAndGoingDuringAnAiringGiveItsPeakAndTimeWeightedMean) {
    lp::test::TempDir dir;
    lp::test::IcecastServer server;
    const auto station = lp::test::tone_station(server, "loa.mp3", dir / "station.log");
    const auto spec = web_stream(server, lp::test::IcecastServer::admin_password());
    ASSERT_TRUE(server_says(spec, [](const std::string& xml) {
        return xml.find("<source mount=\"/loa.mp3\">") != std::string::npos;
    })) << "the station is on the air";
    Airing airing(dir / "j.db", spec);

    airing.start();  // t=0: nobody yet
    std::vector<std::unique_ptr<lp::test::Process>> listeners;
    for (int i = 0; i < 3; ++i) listeners.push_back(listener(server));
    ASSERT_TRUE(server_counts(spec, 3));
    airing.sample_at(10);  // three from 10 s
    listeners.pop_back();
    ASSERT_TRUE(server_counts(spec, 2));
    airing.sample_at(20);  // two from 20 s
    listeners.push_back(listener(server));
    listeners.push_back(listener(server));
    ASSERT_TRUE(server_counts(spec, 4));
    airing.sample_at(25);  // four from 25 s
    listeners.clear();
    ASSERT_TRUE(server_counts(spec, 0));
    airing.finish_at(30);  // nobody at the end

    const auto row = airing.row();
    const auto figures = lp::journal::load_listeners(airing.db, row);
    ASSERT_EQ(figures.size(), 1u);
    EXPECT_EQ(figures[0].output, "web");
    EXPECT_EQ(figures[0].peak, 4);
    EXPECT_EQ(figures[0].samples, 5);
    // (0*10 + 3*10 + 2*5 + 4*5 + 0*0) / 30
    EXPECT_DOUBLE_EQ(figures[0].mean, 60.0 / 30.0);
    const auto json = lp::journal::row_json(lp::journal::JournalStore(airing.db).row(row),
                                            lp::domain::zone("Asia/Ho_Chi_Minh"), airing.db);
    ASSERT_EQ(json.at("listeners").size(), 1u);
    EXPECT_EQ(json.at("listeners")[0].at("output"), "web");
    EXPECT_EQ(json.at("listeners")[0].at("peak"), 4);
    EXPECT_DOUBLE_EQ(json.at("listeners")[0].at("mean").get<double>(), 2.0);
    EXPECT_EQ(airing.listeners.sampler().failures(), 0u);
}

// The airing's row is written, with no listener figures beside it; the sampler counted
// `failures` and said `why` in the log.
void expect_row_alone(Airing& airing, std::uint64_t failures, const ReachLog& log, const std::string& why) {
    airing.row();  // completed
    auto st = airing.db.prepare("SELECT count(*) FROM airing_listeners");
    st.step();
    EXPECT_EQ(st.integer(0), 0);
    EXPECT_EQ(airing.listeners.sampler().failures(), failures);
    EXPECT_NE(log.text().find(why), std::string::npos) << log.text();
    EXPECT_NE(log.text().find("no listener figures for output 'web'"), std::string::npos) << log.text();
}

TEST(StreamListeners, AWrongAdminPasswordOrADownServerGivesNoFiguresAWarningAndTheRowAllTheSame) {
    lp::test::TempDir dir;
    lp::test::IcecastServer server;
    {
        ReachLog log;
        Airing airing(dir / "refused.db", web_stream(server, "not-the-password"));
        airing.start();
        airing.sample_at(10);
        airing.finish_at(30);
        expect_row_alone(airing, 3, log, "answered 401");
    }
    server.kill();
    ReachLog log;
    Airing airing(dir / "down.db", web_stream(server, lp::test::IcecastServer::admin_password()));
    airing.start();
    airing.finish_at(30);
    expect_row_alone(airing, 2, log, "refused");
}

TEST(StreamListeners, AHungServerCostsTheSamplerItsTimeoutAndNeverTheLoop) {
    lp::test::TempDir dir;
    ReachLog log;
    lp::test::IcecastServer server;
    const auto spec = web_stream(server, lp::test::IcecastServer::admin_password());
    server.pause();
    Airing airing(dir / "j.db", spec);
    const auto before = std::chrono::steady_clock::now();
    airing.begin_airing();
    EXPECT_LT(std::chrono::steady_clock::now() - before, 200ms) << "the loop never waits for the server";
    airing.settle();
    EXPECT_GE(std::chrono::steady_clock::now() - before, 1s) << "the fetch waited out its timeout";
    server.resume();
    airing.finish_at(30);
    EXPECT_EQ(lp::journal::load_listeners(airing.db, airing.row()).size(), 1u)
        << "the server answered again at the end: " << log.text();
    EXPECT_NE(log.text().find("no answer within 1000 ms"), std::string::npos) << log.text();
}

}  // namespace
