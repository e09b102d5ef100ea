#pragma once
#include <string>

#include "config/Config.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::cli {

// The file `loaphuong` reads when neither --config nor $LOAPHUONG_CONFIG names one.
inline constexpr const char* default_config_file = "/etc/loaphuong/loaphuong.toml";

// What every command needs: the daemon's configuration and, on demand, its database.
struct Context {
    std::string config_file;  // --config
    bool demo = false;        // --demo: the embedded demo configuration (./var), said on stderr
    config::Config config;

    // --config FILE, else $LOAPHUONG_CONFIG, else /etc/loaphuong/loaphuong.toml; the demo only
    // when asked for, so a typo never quietly makes a second database. Throws
    // config::ConfigError for a bad file, OperatorError when there is none to read.
    void load();
    // Opens the existing database; throws OperatorError when it does not exist yet.
    sqlite::Database open_database() const;
    // Opens the database, creating it when it does not exist yet (the first admin account is
    // made before the daemon ever ran). A new file gets the owner of its folder, so that a
    // root shell does not leave the service a database it cannot write.
    sqlite::Database open_or_create_database() const;
};

}  // namespace lp::cli
