#pragma once
// The real daemon with both listeners (the operator's and the public listen-again side) on free
// loopback ports, for tests of the public side: the config's text and the start that waits for
// both listeners (the operator's starts first, and the log is read forward).

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "tests/e2e/Daemon.hpp"

namespace lp::test {

struct PublicPorts {
    unsigned short api = 0;
    unsigned short open = 0;
};

// Writes `dir`/lp.toml: lp.db, media/, [http] on ports.api, [public] on ports.open, a null
// output, and `extra` ([http] keys first: it is appended inside the [http] table).
inline void write_public_config(const std::filesystem::path& dir, PublicPorts ports, const std::string& http_extra = "",
                                const std::string& extra = "") {
    std::ofstream(dir / "lp.toml") << "[daemon]\ndatabase = \"lp.db\"\nmedia_dir = \"media\"\n[http]\nlisten = "
                                      "\"127.0.0.1:"
                                   << ports.api << "\"\n"
                                   << http_extra << "[public]\nlisten = \"127.0.0.1:" << ports.open
                                   << "\"\nbase_url = \"http://nghe.test\"\n"
                                   << extra << "[[output]]\nname = \"loa\"\nkind = \"null\"\n";
}

// One airing of every library item an hour ago, left open as an unclean stop leaves it (the
// daemon closes such rows at start): items the public side lists. Ids follow the items'.
inline void open_airings_of_every_item(const std::filesystem::path& db_file) {
    auto db = db::open_store(db_file);
    db.prepare(
          "INSERT INTO journal (scheduled_at, started_at, media_item_id, title, topic, form, slot, outputs, status, "
          "file) SELECT ?1, ?1, id, title, topic, form, 'Sáng', 'loa', 'playing', file FROM media_item ORDER BY id")
        .bind(1, domain::to_utc_text(std::chrono::system_clock::now() - std::chrono::hours(1)))
        .run();
}

// Starts loaphuongd on `dir`/lp.toml and waits for both listeners (fails the test otherwise).
inline void start_public_daemon(std::unique_ptr<DaemonProcess>& daemon, const char* binary,
                                const std::filesystem::path& dir, PublicPorts ports) {
    using namespace std::chrono_literals;
    daemon = std::make_unique<DaemonProcess>(binary, std::vector<std::string>{"--config", (dir / "lp.toml").string()});
    ASSERT_TRUE(daemon->wait_for_log("web server: http://127.0.0.1:" + std::to_string(ports.api), 30s))
        << daemon->log();
    ASSERT_TRUE(daemon->wait_for_log("public listen-again side: http://127.0.0.1:" + std::to_string(ports.open), 30s))
        << daemon->log();
}

}  // namespace lp::test
