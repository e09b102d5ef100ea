#pragma once
// api::Services over a real database file in a temporary folder: what the handlers see of
// the daemon, with rules_changed() and publish() counted for the tests.

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"
#include "tests/support/TempDir.hpp"

namespace lp::test {

class TestServices : public api::Services {
public:
    TestServices();

    sqlite::Database& database() override { return db_; }
    std::filesystem::path database_path() const override { return config_.database; }
    std::shared_ptr<const config::Config> config() const override {
        return std::make_shared<const config::Config>(config_);
    }
    void rules_changed() override { ++rules_changed_count; }
    void rules_changed_from_worker() override { ++rules_changed_count; }
    bool stop_now(const std::string& account) override;
    std::optional<playout::LiveSessionInfo> live_session() override { return live; }
    void live_begun(playout::LiveSessionInfo info) override { live = std::move(info); }
    bool end_live() override {
        const bool on = live.has_value();
        live.reset();
        return on;
    }
    nlohmann::json now_playing() override { return playing; }
    nlohmann::json next_up() override { return next; }
    nlohmann::json outputs() override;
    std::int64_t journal_waiting() override { return waiting; }
    void publish(std::string_view event, const nlohmann::json& data) override;

    const TempDir& dir() const { return dir_; }
    config::Config& config_to_change() { return config_; }  // e.g. [http] emergency_needs_approver
    // Makes a distinct audio file (its own frequency) and imports it; returns its id.
    std::int64_t import_tone(double frequency, const std::string& title);
    // A count of rows of a table (to check nothing changed after a refused call).
    std::int64_t count(const std::string& table);

    int rules_changed_count = 0;
    std::vector<std::string> stops;
    std::vector<std::pair<std::string, nlohmann::json>> events;
    nlohmann::json playing = nullptr;
    std::optional<playout::LiveSessionInfo> live;
    nlohmann::json next = nullptr;
    std::int64_t waiting = 0;  // journal writes the daemon could not land yet

private:
    TempDir dir_;
    config::Config config_;
    sqlite::Database db_;
    std::mutex mutex_;
};

// A call as the server would hand it to the handler.
api::Call call(std::string method, std::string path, nlohmann::json body = nullptr,
               std::map<std::string, std::string> params = {}, auth::Role role = auth::Role::admin,
               std::string account = "lan");

// The route for (method, pattern) in api::routes, run with `c`. Fails the test when absent.
api::Reply run(api::Services& s, const std::string& method, const std::string& pattern, api::Call c);

// Runs and expects an ApiError with this status and field.
void expect_refused(api::Services& s, const std::string& method, const std::string& pattern, api::Call c, int status,
                    const std::string& field);

}  // namespace lp::test
