#pragma once
// A journal database in a temp folder, a JournalWriter on it driven in virtual time (retries
// run when the test calls flush()), and a second connection that can hold the write lock as
// another process would.

#include <gtest/gtest.h>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <sstream>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "journal/ChainVerifier.hpp"
#include "journal/JournalStore.hpp"
#include "journal/JournalWriter.hpp"
#include "tests/support/TempDir.hpp"

namespace lp::test {

// What a writer logs, for tests to read.
struct LogCapture {
    std::ostringstream text;
    std::shared_ptr<spdlog::logger> logger =
        std::make_shared<spdlog::logger>("journal", std::make_shared<spdlog::sinks::ostream_sink_st>(text));
    LogCapture() { logger->set_level(spdlog::level::debug); }
    std::size_t count(const std::string& what) const {
        const auto all = text.str();
        std::size_t n = 0;
        for (auto at = all.find(what); at != std::string::npos; at = all.find(what, at + 1)) ++n;
        return n;
    }
};

class WriterFixture : public ::testing::Test {
protected:
    using Clock = journal::JournalWriter::Clock;

    TempDir dir;
    std::filesystem::path file = dir / "j.db";
    sqlite::Database db = db::open_store(file);
    journal::JournalStore journal{db};
    sqlite::Database other{file};  // another process's connection
    Clock::time_point now{};       // the writer's (virtual) clock
    LogCapture log;
    const journal::TimePoint t0 = domain::from_utc_text("2026-03-02T22:30:00.000Z");

    journal::WriterOptions options() {
        journal::WriterOptions o;
        o.now = [this] { return now; };
        o.log = log.logger;
        o.busy_timeout = std::chrono::milliseconds{200};
        o.retry_busy_timeout = std::chrono::milliseconds{10};
        return o;
    }
    std::unique_ptr<journal::JournalWriter> make_writer() { return make_writer(options()); }
    std::unique_ptr<journal::JournalWriter> make_writer(journal::WriterOptions o) {
        return std::make_unique<journal::JournalWriter>(db, std::move(o));
    }

    void lock() { other.exec("BEGIN IMMEDIATE"); }
    void unlock() { other.exec("COMMIT"); }

    journal::AiringPlan plan(const std::string& title, std::chrono::minutes offset = std::chrono::minutes{0}) {
        return {t0 + offset, std::nullopt, "/m/" + title + ".mp3", title, {"m"}, "tin", "Sáng"};
    }
    std::vector<journal::JournalRow> rows() {
        return journal.between(t0 - std::chrono::hours{1}, t0 + std::chrono::hours{24});
    }
    std::int64_t count(const std::string& table) {
        auto st = db.prepare("SELECT count(*) FROM " + table);
        st.step();
        return st.integer(0);
    }
    // Every row closed and sealed, and the chain verifies.
    void expect_sealed_and_verified() {
        for (const auto& r : rows()) {
            EXPECT_NE(r.status, journal::Status::playing) << r.id;
            EXPECT_TRUE(r.chain_seq.has_value()) << r.id;
        }
        const auto report = journal::verify_chain(db);
        EXPECT_TRUE(report.ok());
        EXPECT_EQ(report.rows_checked, static_cast<std::int64_t>(rows().size()));
    }
};

}  // namespace lp::test
