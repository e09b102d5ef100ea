#pragma once
// What the API handlers need from the running daemon. daemon/ApiServices implements it
// against the Daemon; the tests implement it over a real database file.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "config/Config.hpp"
#include "db/sqlite/Database.hpp"
#include "playout/LiveSession.hpp"

namespace lp::api {

class Services {
public:
    virtual ~Services() = default;

    // The loop's connection. Only routes with on_worker = false may use it (they run on the loop).
    virtual sqlite::Database& database() = 0;
    // The database file: worker routes open their own connection with db::open_store.
    virtual std::filesystem::path database_path() const = 0;
    // A snapshot of the running configuration. Worker routes read it off the loop while SIGHUP
    // may replace the daemon's configuration on the loop: the snapshot they hold stays whole.
    virtual std::shared_ptr<const config::Config> config() const = 0;
    // Slots, programmes, one-offs or approvals changed: the daemon reloads them into the
    // scheduler engine (as Daemon::reload does). Called on the loop.
    virtual void rules_changed() = 0;
    // The same from a worker route (an emergency spoken from a text): thread-safe, returns at
    // once; the loop reloads the rules as soon as it is free, and an emergency due now airs then.
    virtual void rules_changed_from_worker() = 0;
    // Cuts what plays now; the airing is journaled interrupted with a reason naming `account`.
    // False when nothing played.
    virtual bool stop_now(const std::string& account) = 0;
    // The live session (POST /api/live) on air or about to be; none when there is none.
    virtual std::optional<playout::LiveSessionInfo> live_session() = 0;
    // A live session was ordered (its emergency one-off saved): called before rules_changed(),
    // so that the order the reload hands out is known for the session's.
    virtual void live_begun(playout::LiveSessionInfo info) = 0;
    // Ends the live session now (its airing completes with what it aired, the programme it cut
    // resumes); false when none is on.
    virtual bool end_live() = 0;
    // What plays now: null when nothing plays, else {"title","item","programme","priority",
    // "started_at" (UTC text),"position_s","length_s","outputs"}.
    virtual nlohmann::json now_playing() = 0;
    // The next scheduled start: null, or {"slot","at" (UTC text)}.
    virtual nlohmann::json next_up() = 0;
    // Each output: [{"name","state","last_error",...}]; state: "ok" (carrying sound), "idle"
    // (nothing to play), "failing" (should play, being retried), "dead_air" (silent or failing
    // past the alarm time), "unknown" (not metered yet).
    virtual nlohmann::json outputs() = 0;
    // Journal writes waiting (the spill backlog and pending writes).
    virtual std::int64_t journal_waiting() = 0;
    // A Server-Sent Event to every client of GET /api/events. Thread-safe.
    virtual void publish(std::string_view event, const nlohmann::json& data) = 0;
};

}  // namespace lp::api
