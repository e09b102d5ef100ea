#include "tests/cli/ServedApi.hpp"

#include <unistd.h>

#include <boost/asio/executor_work_guard.hpp>

#include <fstream>

#include "api/Routes.hpp"
#include "auth/Accounts.hpp"
#include "auth/Password.hpp"
#include "auth/Tokens.hpp"
#include "db/Store.hpp"

namespace lp::test {

ServedApi::ServedApi(http::ServerOptions options, const std::function<bool(const api::Route&)>& served) {
    gate_ = std::make_unique<auth::AccountsGate>(services.database_path(), !options.tls_cert.empty());
    auto routes = api::routes(services);
    std::erase_if(routes, [&](const api::Route& r) { return !served(r); });
    for (auto& r : gate_->routes()) routes.push_back(std::move(r));
    options.host = "127.0.0.1";
    options.port = 0;
    options.upload_dir = services.dir() / "uploads.tmp";
    server_ = std::make_unique<http::Server>(io_, std::move(options), *gate_, std::move(routes));
    server_->start();
    thread_ = std::thread([this] {
        auto guard = boost::asio::make_work_guard(io_);
        io_.run();
    });
}

ServedApi::~ServedApi() {
    io_.stop();
    thread_.join();
    server_.reset();
    remove_status_file();
}

std::string ServedApi::token_for(const std::string& account, auth::Role role) {
    auto db = db::open_store(services.database_path());
    auth::Accounts accounts(db);
    if (!accounts.exists(account)) accounts.add(account, role, auth::hash_password("mật khẩu của " + account));
    return auth::Tokens(db).create(account, "cli test").token;
}

void ServedApi::write_status_file() const {
    std::ofstream(db::status_file_for(services.database_path()))
        << "{\"pid\": " << ::getpid() << ", \"updated_at\": 0, \"status\": \"ok\"}\n";
}

void ServedApi::remove_status_file() const {
    std::error_code ec;
    std::filesystem::remove(db::status_file_for(services.database_path()), ec);
}

}  // namespace lp::test
