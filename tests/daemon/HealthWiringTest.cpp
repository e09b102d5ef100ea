// What the HTTP server's /metrics and /healthz get from the daemon's health wiring, driven on
// a real Asio loop with real meters: an airing on two outputs, one fed sound and one never
// fed, raises the dead-air alarm on the second only; metrics, health JSON and the status
// file say so; the lateness histogram and the airings by status count what happened.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <fstream>
#include <future>
#include <stdexcept>

#include "daemon/HealthWiring.hpp"
#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "journal/JournalWriter.hpp"
#include "reach/ListenerSampler.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
namespace ev = lp::audio::event;

// The wiring on a real database and a real Asio loop, for outputs named `names` (dead air after 1 s).
struct Wired {
    explicit Wired(const std::vector<std::string>& names) {
        config.database = dir / "lp.db";
        config.alarm.dead_air = 1s;
        for (const auto& name : names) config.outputs.emplace_back().name = name;
        health = std::make_unique<lp::daemon::HealthWiring>(io, config, lp::domain::zone("Asia/Ho_Chi_Minh"), writer,
                                                            loop_errors);
    }
    // A one-minute programme "p1" on all outputs, started `late` after its time on `live`.
    lp::scheduler::Order air(std::chrono::milliseconds late, const std::vector<std::string>& live) {
        lp::scheduler::Order order;
        order.id = "p1";
        order.slot_name = "Bản tin";
        order.start = std::chrono::system_clock::now() - 10ms;
        lp::audio::Programme programme;
        programme.id = "p1";
        programme.cues.resize(1);
        programme.cues[0].length = 60s;
        health->aired(order, programme, {"Tin trưa"});
        health->player_event({"p1", 0, ev::Started{order.start + late, live}});
        return order;
    }

    lp::test::TempDir dir;
    lp::config::Config config;
    lp::sqlite::Database db = lp::db::open_store(dir / "lp.db");
    lp::journal::JournalWriter writer{db};
    boost::asio::io_context io;
    const std::uint64_t loop_errors = 0;
    std::unique_ptr<lp::daemon::HealthWiring> health;
};

TEST(HealthWiring, AnOutputNeverFedRaisesItsAlarmInMetricsHealthAndTheStatusFile) {
    Wired w{{"loa", "ghi"}};
    auto& health = *w.health;
    auto& io = w.io;
    const auto& config = w.config;
    const auto now = std::chrono::system_clock::now();
    w.air(3ms, {"loa"});  // 3 ms late
    health.start();

    const std::vector<lp::audio::Sample> tone{12000, -12000, 8000, -8000};
    auto* loa = health.player_health()->find("loa");
    ASSERT_NE(loa, nullptr);
    // The loop runs for real; the "player" feeds loa each 100 ms, never ghi.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (health.health_json()["alarms"].empty() && std::chrono::steady_clock::now() < deadline) {
        health.player_health()->fed(tone, {"loa"});
        io.run_one_for(100ms);
    }
    const auto j = health.health_json();
    ASSERT_EQ(j["alarms"].size(), 1u) << j.dump(2);
    EXPECT_EQ(j["alarms"][0]["output"], "ghi");
    EXPECT_EQ(j["alarms"][0]["reason"], "failing");
    EXPECT_EQ(j["status"], "degraded");
    EXPECT_EQ(j["now_playing"]["title"], "Tin trưa");
    EXPECT_EQ(j["outputs"][0]["dead_air"], false);

    health.player_event({"p1", 0, ev::Finished{now + 60s, 60s, lp::audio::CueResult::completed, {}}});
    health.not_aired(lp::journal::Status::skipped);
    const auto m = health.metrics_text();
    EXPECT_NE(m.find("# TYPE loaphuong_dead_air_alarms_active gauge\nloaphuong_dead_air_alarms_active 1\n"),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("loaphuong_dead_air_alarms_total 1\n"), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong_airings_total{status=\"completed\"} 1\n"), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong_airings_total{status=\"skipped\"} 1\n"), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong_start_lateness_seconds_bucket{le=\"0.0025\"} 0\n"), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong_start_lateness_seconds_bucket{le=\"0.005\"} 1\n"), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong_start_lateness_seconds_count 1\n"), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong_journal_writes_waiting 0\n"), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong_database_disk_free_bytes "), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong_output_errors_total{output=\"ghi\"} 0\n"), std::string::npos) << m;

    // The status file for `loaphuong status`, gone at stop.
    const auto file = lp::db::status_file_for(config.database);
    std::ifstream in(file);
    const auto saved = nlohmann::json::parse(in);
    EXPECT_EQ(saved["alarms"][0]["output"], "ghi");
    health.stop();
    EXPECT_FALSE(std::filesystem::exists(file));
}

// SIGHUP adds and removes outputs (Daemon::reload_config calls outputs_changed()): an output
// added gets a meter the player can feed and a dead-air alarm; one removed loses its alarm and
// is no longer shown, while its counters stay in the metrics.
TEST(HealthWiring, OutputsAddedByAReloadGetAMeterAndAnAlarmAndRemovedOnesLoseThem) {
    Wired w{{"loa"}};
    auto& health = *w.health;
    auto& io = w.io;
    auto& config = w.config;
    EXPECT_EQ(health.player_health()->find("moi"), nullptr);

    // The reload: "moi" added (an archive, so that the archive size is measured), the config
    // object the wiring reads replaced as Daemon::reload_config does.
    auto added = config.outputs[0];
    added.name = "moi";
    added.kind = "archive";
    added.target = (w.dir / "luu").string();
    config.outputs.push_back(added);
    health.outputs_changed();
    ASSERT_NE(health.player_health()->find("moi"), nullptr);
    EXPECT_NE(health.player_health()->find("loa"), nullptr);

    w.air(0ms, {"loa", "moi"});
    health.start();

    const std::vector<lp::audio::Sample> tone{12000, -12000, 8000, -8000};
    // The player feeds loa and, for a while, moi; then moi goes quiet and raises its alarm.
    for (int i = 0; i < 5; ++i) {
        health.player_health()->fed(tone, {"loa", "moi"});
        io.run_one_for(100ms);
    }
    EXPECT_TRUE(health.health_json()["alarms"].empty()) << health.health_json().dump(2);
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (health.health_json()["alarms"].empty() && std::chrono::steady_clock::now() < deadline) {
        health.player_health()->fed(tone, {"loa"});
        io.run_one_for(100ms);
    }
    auto j = health.health_json();
    ASSERT_EQ(j["alarms"].size(), 1u) << j.dump(2);
    EXPECT_EQ(j["alarms"][0]["output"], "moi");
    ASSERT_EQ(j["outputs"].size(), 2u);
    EXPECT_EQ(j["outputs"][1]["name"], "moi");
    EXPECT_NE(health.metrics_text().find("loaphuong_output_errors_total{output=\"moi\"} 0\n"), std::string::npos);

    // The next reload removes moi: its alarm goes, the loop goes on.
    config.outputs.pop_back();
    health.outputs_changed();
    const auto cleared = std::chrono::steady_clock::now() + 5s;
    while (!health.health_json()["alarms"].empty() && std::chrono::steady_clock::now() < cleared) {
        health.player_health()->fed(tone, {"loa"});
        io.run_one_for(100ms);
    }
    j = health.health_json();
    EXPECT_TRUE(j["alarms"].empty()) << j.dump(2);
    ASSERT_EQ(j["outputs"].size(), 1u) << j.dump(2);
    EXPECT_EQ(j["outputs"][0]["name"], "loa");
    EXPECT_NE(health.metrics_text().find("loaphuong_dead_air_alarms_active 0\n"), std::string::npos);
    health.stop();
}

// The listener sampler's fetches are counted on /metrics by result: an output whose Icecast
// answers and one whose Icecast does not, each sampled at the airing's start and end.
TEST(HealthWiring, ListenerSamplesAreCountedByResult) {
    Wired w{{"web", "du-phong"}};
    lp::reach::SamplerOptions options;
    options.periodic = false;
    options.fetch = [](const lp::reach::StatsSource& s, std::chrono::milliseconds) {
        if (s.output == "du-phong") throw std::runtime_error("127.0.0.1:9: Connection refused");
        return 3;
    };
    lp::reach::ListenerSampler sampler{options};
    w.health->count_listener_samples(sampler);
    sampler.begin(1, {{{"web", "127.0.0.1:8000", "/loa.mp3", "admin", "x"}, 1s},
                      {{"du-phong", "127.0.0.1:9", "/loa.mp3", "admin", "x"}, 1s}});
    std::promise<lp::reach::ListenerSampler::Figures> figures;
    sampler.end(1, [&](lp::reach::ListenerSampler::Figures f) { figures.set_value(std::move(f)); });
    const auto delivered = figures.get_future().get();
    ASSERT_EQ(delivered.size(), 1u) << "only the output that answered has figures";
    EXPECT_EQ(delivered[0].peak, 3);

    w.health->start();
    const auto m = w.health->metrics_text();
    EXPECT_NE(m.find("# TYPE loaphuong_listener_samples_total counter\n"), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong_listener_samples_total{result=\"ok\"} 2\n"), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong_listener_samples_total{result=\"failed\"} 2\n"), std::string::npos) << m;
    w.health->stop();
}

}  // namespace
