#pragma once
// api::Services against the running Daemon: what the API handlers may ask of it. Lives on the
// loop (loop routes call it there); publish() is thread-safe and hands the event to whatever
// the HTTP server registered with set_publisher().

#include <functional>
#include <mutex>

#include "api/Services.hpp"

namespace lp::daemon {

class Daemon;

class ApiServices final : public api::Services {
public:
    using Publisher = std::function<void(std::string_view event, const nlohmann::json& data)>;

    explicit ApiServices(Daemon& daemon);

    sqlite::Database& database() override;
    std::filesystem::path database_path() const override;
    std::shared_ptr<const config::Config> config() const override;
    void rules_changed() override;
    void rules_changed_from_worker() override;
    bool stop_now(const std::string& account) override;
    std::optional<playout::LiveSessionInfo> live_session() override;
    void live_begun(playout::LiveSessionInfo info) override;
    bool end_live() override;
    nlohmann::json now_playing() override;
    nlohmann::json next_up() override;
    nlohmann::json outputs() override;
    std::int64_t journal_waiting() override;
    void publish(std::string_view event, const nlohmann::json& data) override;

    // The SSE side of the HTTP server (http/): receives every published event.
    void set_publisher(Publisher publisher);

private:
    Daemon& daemon_;
    std::mutex publisher_mutex_;
    Publisher publisher_;
};

}  // namespace lp::daemon
