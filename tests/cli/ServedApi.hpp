#pragma once
// What the CLI meets when loaphuongd runs, without the player: the real http::Server on a
// loopback port with the real AccountsGate and the real API handlers (api::routes) over
// TestServices' database file, its loop on a thread, and the daemon's status file naming a live
// process (this one), so `loaphuong` finds "the daemon" running.

#include <boost/asio/io_context.hpp>

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "auth/AccountsGate.hpp"
#include "auth/Role.hpp"
#include "http/Server.hpp"
#include "tests/api/TestServices.hpp"

namespace lp::test {

class ServedApi {
public:
    // `served`: which of the API's routes the "daemon" has (all by default; an older daemon lacks some).
    explicit ServedApi(
        http::ServerOptions options = {},
        const std::function<bool(const api::Route&)>& served = [](const api::Route&) { return true; });
    ~ServedApi();
    ServedApi(const ServedApi&) = delete;
    ServedApi& operator=(const ServedApi&) = delete;

    std::uint16_t port() const { return server_->port(); }
    // An account with this role and a bearer token for it (the raw token).
    std::string token_for(const std::string& account, auth::Role role);
    // <database>.status.json with this process's pid (present: "the daemon runs").
    void write_status_file() const;
    void remove_status_file() const;

    TestServices services;

private:
    std::unique_ptr<auth::AccountsGate> gate_;
    boost::asio::io_context io_;
    std::unique_ptr<http::Server> server_;
    std::thread thread_;
};

}  // namespace lp::test
