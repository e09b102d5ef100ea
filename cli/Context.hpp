#pragma once
#include <string>

#include "config/Config.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::cli {

// What every command needs: the daemon's configuration (the embedded default when no file is
// given) and, on demand, its database.
struct Context {
    std::string config_file;
    config::Config config;

    void load();  // throws config::ConfigError
    // Opens the existing database; throws OperatorError when it does not exist yet.
    sqlite::Database open_database() const;
};

}  // namespace lp::cli
