// The journal's operator writes over the API on a real database: one row by id, a manual entry
// in the caller's name, a correction; each sealed into the chain, each bad field refused with
// its name and nothing written; a busy database answered 503 without stalling.

#include <gtest/gtest.h>

#include <chrono>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "journal/ChainVerifier.hpp"
#include "journal/JournalStore.hpp"
#include "tests/api/TestServices.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;
using nlohmann::json;

json manual(json extra = json::object()) {
    json body{
        {"date", "10/01/2026"}, {"start", "19:00"}, {"duration", "15m"}, {"title", "Đọc tin: lịch tiếp công dân"}};
    body.update(extra);
    return body;
}

std::int64_t add_manual(lp::test::TestServices& s, json body, const std::string& account = "lan") {
    auto r = run(s, "POST", "/api/journal/manual",
                 call("POST", "/api/journal/manual", std::move(body), {}, lp::auth::Role::operator_, account));
    EXPECT_EQ(r.status, 201) << r.body.dump();
    return r.body["id"].get<std::int64_t>();
}

void expect_chain_ok(lp::test::TestServices& s, std::int64_t rows) {
    const auto report = lp::journal::verify_chain(s.database());
    EXPECT_TRUE(report.ok()) << lp::journal::describe(*report.first_break);
    EXPECT_EQ(report.rows_checked, rows);
}

TEST(JournalWriteApi, AManualEntryIsSealedInTheCallersName) {
    lp::test::TestServices s;
    const auto id = add_manual(
        s, manual({{"topic", "a"}, {"form", "toa_dam"}, {"kind", "tiep_song"}, {"note", "Máy phát hỏng"}}), "hoa");
    const auto row = lp::journal::JournalStore(s.database()).row(id);
    EXPECT_EQ(row.manual_by, "hoa");
    EXPECT_EQ(row.plan.title, "Đọc tin: lịch tiếp công dân");
    EXPECT_EQ(row.plan.topics, std::vector<std::string>{"a"});
    EXPECT_EQ(row.plan.form, "toa_dam");
    EXPECT_EQ(row.plan.slot, "Tiếp sóng Đài Phát thanh thành phố");
    EXPECT_EQ(row.reason, "Máy phát hỏng");
    EXPECT_EQ(row.status, lp::journal::Status::completed);
    EXPECT_EQ(row.played, 15min);
    const auto* tz = lp::domain::zone("Asia/Ho_Chi_Minh");
    EXPECT_EQ(row.started_at, lp::domain::start_of_day(tz, {2026, 1, 10}) + 19h);
    ASSERT_TRUE(row.chain_seq);
    EXPECT_FALSE(row.seal.empty());
    expect_chain_ok(s, 1);

    // Defaults: read live, topic and form "other"; GET /api/journal/{id} shows it.
    const auto plain = add_manual(s, manual({{"title", "Đọc thông báo"}}));
    const auto r = run(s, "GET", "/api/journal/{id}", call("GET", "", nullptr, {{"id", std::to_string(plain)}}));
    EXPECT_EQ(r.body["id"], plain);
    EXPECT_EQ(r.body["title"], "Đọc thông báo");
    EXPECT_EQ(r.body["slot"], "Đọc trực tiếp");
    EXPECT_EQ(r.body["form"], "other");
    EXPECT_EQ(r.body["entered_by"], "lan");
    EXPECT_EQ(r.body["date"], "10/01/2026");
    EXPECT_EQ(r.body["status"], "completed");
    expect_chain_ok(s, 2);
}

TEST(JournalWriteApi, OneRowByIdOr404) {
    lp::test::TestServices s;
    const auto id = add_manual(s, manual());
    EXPECT_EQ(run(s, "GET", "/api/journal/{id}", call("GET", "", nullptr, {{"id", std::to_string(id)}})).body["id"],
              id);
    for (const char* bad : {"99", "abc", "0", "-1"})
        expect_refused(s, "GET", "/api/journal/{id}", call("GET", "", nullptr, {{"id", bad}}), 404, "id");
}

TEST(JournalWriteApi, BadManualEntriesAreNamedAndNothingIsWritten) {
    lp::test::TestServices s;
    const auto refused = [&](json body, int status, const std::string& field) {
        expect_refused(s, "POST", "/api/journal/manual", call("POST", "", std::move(body)), status, field);
        EXPECT_EQ(s.count("journal"), 0) << field;
    };
    refused(json::array(), 400, "");
    for (const char* f : {"date", "start", "duration", "title"}) {
        auto body = manual();
        body.erase(f);
        refused(body, 400, f);
    }
    refused(manual({{"title", 42}}), 400, "title");
    refused(manual({{"topic", json::array({"a"})}}), 400, "topic");
    refused(manual({{"title", "   "}}), 422, "title");
    refused(manual({{"date", "31/02/2026"}}), 422, "date");
    refused(manual({{"start", "25:00"}}), 422, "start");
    refused(manual({{"duration", "0m"}}), 422, "duration");
    refused(manual({{"duration", "mười phút"}}), 422, "duration");
    refused(manual({{"duration", "25h"}}), 422, "duration");
    refused(manual({{"topic", "zz"}}), 422, "topic");
    refused(manual({{"form", "video"}}), 422, "form");
    refused(manual({{"kind", "thu_am"}}), 422, "kind");
    refused(manual({{"date", "01/01/2099"}}), 422, "start");  // only what aired is journaled
}

TEST(JournalWriteApi, ACorrectionKeepsTheOriginalAndIsSealed) {
    lp::test::TestServices s;
    const auto original = add_manual(s, manual({{"topic", "a"}, {"form", "tin"}}));
    auto r = run(s, "POST", "/api/journal/{id}/correct",
                 call("POST", "", {{"reason", "Ghi nhầm hình thức"}, {"form", "bai"}, {"topics", {"a", "m"}}},
                      {{"id", std::to_string(original)}}, lp::auth::Role::operator_, "minh"));
    EXPECT_EQ(r.status, 201);
    const auto fix = r.body["id"].get<std::int64_t>();
    EXPECT_EQ(r.body["corrects"], original);
    lp::journal::JournalStore store(s.database());
    const auto row = store.row(fix);
    EXPECT_EQ(row.corrects, original);
    EXPECT_EQ(row.manual_by, "minh");
    EXPECT_EQ(row.reason, "Ghi nhầm hình thức");
    EXPECT_EQ(row.plan.form, "bai");
    EXPECT_EQ(row.plan.topics, (std::vector<std::string>{"a", "m"}));
    EXPECT_EQ(store.row(original).plan.form, "tin");  // the original stays as it was
    // A correction of the correction names the original airing.
    r = run(s, "POST", "/api/journal/{id}/correct",
            call("POST", "", {{"reason", "Sai tên"}, {"title", "Đọc tin (bản đúng)"}}, {{"id", std::to_string(fix)}}));
    EXPECT_EQ(r.body["corrects"], original);
    EXPECT_EQ(store.row(r.body["id"].get<std::int64_t>()).plan.form, "bai");
    expect_chain_ok(s, 3);
}

TEST(JournalWriteApi, BadCorrectionsAreNamedAndNothingIsWritten) {
    lp::test::TestServices s;
    const auto id = std::to_string(add_manual(s, manual({{"form", "tin"}})));
    // An airing still playing.
    s.database()
        .prepare(
            "INSERT INTO journal (scheduled_at, started_at, title, topic, form, slot, outputs, status) "
            "VALUES ('2026-01-11T00:00:00.000Z', '2026-01-11T00:00:00.000Z', 'Đang phát', 'a', 'tin', 'Sáng', "
            "'loa-chinh', 'playing')")
        .run();
    const auto playing = std::to_string(s.database().last_insert_rowid());
    const auto rows = s.count("journal");
    const auto refused = [&](const std::string& row, json body, int status, const std::string& field) {
        expect_refused(s, "POST", "/api/journal/{id}/correct", call("POST", "", std::move(body), {{"id", row}}), status,
                       field);
        EXPECT_EQ(s.count("journal"), rows) << field;
    };
    refused("9999", {{"reason", "x"}, {"form", "bai"}}, 404, "id");
    refused("abc", {{"reason", "x"}, {"form", "bai"}}, 404, "id");
    refused(playing, {{"reason", "x"}, {"form", "bai"}}, 409, "id");
    refused(id, {{"form", "bai"}}, 400, "reason");
    refused(id, {{"reason", 3}, {"form", "bai"}}, 400, "reason");
    refused(id, {{"reason", " "}, {"form", "bai"}}, 422, "reason");
    refused(id, {{"reason", "x"}}, 422, "");
    refused(id, {{"reason", "x"}, {"form", "tin"}}, 422, "");  // changes nothing
    refused(id, {{"reason", "x"}, {"form", "video"}}, 422, "form");
    refused(id, {{"reason", "x"}, {"topics", json::array()}}, 422, "topics");
    refused(id, {{"reason", "x"}, {"topics", {"a", "zz"}}}, 422, "topics");
    refused(id, {{"reason", "x"}, {"topics", "a"}}, 400, "topics");
    refused(id, {{"reason", "x"}, {"title", ""}}, 422, "title");
    expect_chain_ok(s, 1);
}

TEST(JournalWriteApi, ABusyDatabaseIsAnswered503AndNothingIsWritten) {
    lp::test::TestServices s;
    const auto id = std::to_string(add_manual(s, manual()));
    const auto refused = [&] {
        expect_refused(s, "POST", "/api/journal/manual", call("POST", "", manual({{"title", "Khác"}})), 503, "");
        expect_refused(s, "POST", "/api/journal/{id}/correct",
                       call("POST", "", {{"reason", "x"}, {"form", "bai"}}, {{"id", id}}), 503, "");
        EXPECT_EQ(s.count("journal"), 1);
    };
    // The daemon's own journal writes wait (the database refused them): nothing is tried.
    s.waiting = 2;
    refused();
    s.waiting = 0;
    // Another process holds the write lock: refused after a short wait, not the connection's 5 s.
    auto other = lp::db::open_store(s.database_path());
    other.exec("BEGIN IMMEDIATE");
    const auto t0 = std::chrono::steady_clock::now();
    refused();
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
    other.exec("ROLLBACK");
    EXPECT_EQ(s.database().busy_timeout(), 5000ms);  // the loop connection's own timeout is back
    add_manual(s, manual({{"title", "Khác"}}));
    expect_chain_ok(s, 2);
}

}  // namespace
