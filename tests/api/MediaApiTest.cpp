// The media handlers against a real database and real audio: list and search, show, listen,
// upload through the importer, edit, tags, approve / reject / revoke (the scheduler's rules
// follow), retire; every bad input refused with the field named and nothing changed.

#include <gtest/gtest.h>

#include <fstream>

#include "scheduler/RuleStore.hpp"
#include "tests/api/TestServices.hpp"
#include "tests/support/MakeAudio.hpp"

namespace {

using lp::auth::Role;
using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;

std::optional<std::string> approved_by_in_rules(lp::test::TestServices& s, std::int64_t id) {
    const auto rules = lp::scheduler::RuleStore(s.database()).load();
    return rules.item(id)->approved_by;
}

TEST(MediaApi, ListsSearchesWithoutDiacriticsAndShows) {
    lp::test::TestServices s;
    const auto a = s.import_tone(440, "Thông báo cải cách hành chính");
    s.import_tone(550, "Bản tin sáng");
    auto r = run(s, "GET", "/api/media", call("GET", "/api/media", nullptr, {{"search", "cai cach"}}));
    ASSERT_EQ(r.body["items"].size(), 1u);
    EXPECT_EQ(r.body["items"][0]["id"], a);
    EXPECT_EQ(r.body["items"][0]["approval"]["state"], "pending");
    EXPECT_EQ(r.body["items"][0]["airable_today"], false);
    r = run(s, "GET", "/api/media", call("GET", "/api/media"));
    EXPECT_EQ(r.body["items"].size(), 2u);
    r = run(s, "GET", "/api/media/{id}", call("GET", "/api/media/1", nullptr, {{"id", std::to_string(a)}}));
    EXPECT_EQ(r.body["title"], "Thông báo cải cách hành chính");
    EXPECT_TRUE(r.body["sha256"].is_string());
    EXPECT_GT(r.body["duration_s"].get<double>(), 0.9);
}

TEST(MediaApi, ListRefusesUnknownCodesAndBadDates) {
    lp::test::TestServices s;
    expect_refused(s, "GET", "/api/media", call("GET", "/api/media", nullptr, {{"topic", "zz"}}), 422, "topic");
    expect_refused(s, "GET", "/api/media", call("GET", "/api/media", nullptr, {{"form", "video"}}), 422, "form");
    expect_refused(s, "GET", "/api/media", call("GET", "/api/media", nullptr, {{"valid_on", "31/02/2026"}}), 422,
                   "valid_on");
    expect_refused(s, "GET", "/api/media", call("GET", "/api/media", nullptr, {{"approval", "maybe"}}), 422,
                   "approval");
}

TEST(MediaApi, ShowAndListenRefuseUnknownOrMalformedIds) {
    lp::test::TestServices s;
    expect_refused(s, "GET", "/api/media/{id}", call("GET", "", nullptr, {{"id", "99"}}), 404, "id");
    expect_refused(s, "GET", "/api/media/{id}", call("GET", "", nullptr, {{"id", "../etc/passwd"}}), 404, "id");
    expect_refused(s, "GET", "/api/media/{id}/audio", call("GET", "", nullptr, {{"id", "-1"}}), 404, "id");
}

TEST(MediaApi, ListenGivesTheLibrarysOwnFile) {
    lp::test::TestServices s;
    const auto id = s.import_tone(660, "Nhạc hiệu");
    const auto r = run(s, "GET", "/api/media/{id}/audio", call("GET", "", nullptr, {{"id", std::to_string(id)}}));
    ASSERT_TRUE(r.file);
    EXPECT_TRUE(std::filesystem::exists(*r.file));
    EXPECT_TRUE(r.file->string().starts_with((s.dir() / "media").string()));
    EXPECT_EQ(r.content_type, "audio/wav");
    EXPECT_FALSE(r.remove_file_after);
}

TEST(MediaApi, UploadImportsWithTheDescriptionFromTheQuery) {
    lp::test::TestServices s;
    // The server streams the body into a file of its own naming (no audio extension).
    const auto upload = s.dir() / "upload.tmp";
    lp::test::make_audio(s.dir() / "upload.wav", 1.0,
                         {.frequency = 770, .sample_rate = 48000, .channels = 1, .extra_args = {}});
    std::filesystem::rename(s.dir() / "upload.wav", upload);
    auto c = call("POST", "/api/media", nullptr,
                  {{"topic", "e,a"}, {"form", "thong_bao"}, {"valid_until", "31/12/2099"}}, Role::operator_);
    c.upload = upload;
    c.upload_name = "tiem-chung.wav";
    const auto r = run(s, "POST", "/api/media", c);
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(r.body["item"]["title"], "tiem-chung");
    EXPECT_EQ(r.body["item"]["topics"], nlohmann::json({"e", "a"}));
    EXPECT_EQ(r.body["item"]["form"], "thong_bao");
    EXPECT_EQ(r.body["item"]["valid_until"], "31/12/2099");
    EXPECT_EQ(r.body["item"]["original_name"], "tiem-chung.wav");
    EXPECT_EQ(r.body["duplicate"], false);
    ASSERT_EQ(s.events.size(), 1u);
    EXPECT_EQ(s.events[0].first, "media");
    // The same audio again: the existing item, nothing added.
    const auto again = run(s, "POST", "/api/media", c);
    EXPECT_EQ(again.body["duplicate"], true);
    EXPECT_EQ(s.count("media_item"), 1);
}

TEST(MediaApi, UploadRefusesNonAudioAndBadFieldsWithNothingStored) {
    lp::test::TestServices s;
    const auto text = s.dir() / "notes.tmp";
    { std::ofstream(text) << "không phải âm thanh"; }
    auto c = call("POST", "/api/media", nullptr, {}, Role::operator_);
    c.upload = text;
    expect_refused(s, "POST", "/api/media", c, 415, "file");
    const auto audio = s.dir() / "ok.tmp";
    lp::test::make_audio(s.dir() / "ok.wav", 1.0,
                         {.frequency = 880, .sample_rate = 48000, .channels = 1, .extra_args = {}});
    std::filesystem::rename(s.dir() / "ok.wav", audio);
    c.upload = audio;
    c.params = {{"topic", "q"}};
    expect_refused(s, "POST", "/api/media", c, 422, "topic");
    c.params = {{"valid_from", "02/01/2027"}, {"valid_until", "01/01/2027"}};
    expect_refused(s, "POST", "/api/media", c, 422, "valid_until");
    c.params = {{"valid_from", "hôm nay"}};
    expect_refused(s, "POST", "/api/media", c, 422, "valid_from");
    c.upload.reset();
    c.params.clear();
    expect_refused(s, "POST", "/api/media", c, 400, "");
    EXPECT_EQ(s.count("media_item"), 0);
    EXPECT_TRUE(!std::filesystem::exists(s.dir() / "media") || std::filesystem::is_empty(s.dir() / "media"));
}

TEST(MediaApi, EditChangesTheFieldsGivenAndRefusesBadOnes) {
    lp::test::TestServices s;
    const auto id = s.import_tone(990, "Cũ");
    const std::map<std::string, std::string> p{{"id", std::to_string(id)}};
    auto r = run(s, "PATCH", "/api/media/{id}",
                 call("PATCH", "", {{"title", "Mới"}, {"topics", {"m"}}, {"valid_from", "01/01/2026"}}, p));
    EXPECT_EQ(r.body["title"], "Mới");
    EXPECT_EQ(r.body["topics"], nlohmann::json({"m"}));
    EXPECT_EQ(r.body["valid_from"], "01/01/2026");
    EXPECT_EQ(s.rules_changed_count, 1);
    r = run(s, "PATCH", "/api/media/{id}", call("PATCH", "", {{"valid_from", nullptr}}, p));
    EXPECT_TRUE(r.body["valid_from"].is_null());

    expect_refused(s, "PATCH", "/api/media/{id}", call("PATCH", "", {{"title", 5}}, p), 400, "title");
    expect_refused(s, "PATCH", "/api/media/{id}", call("PATCH", "", {{"title", "  "}}, p), 422, "title");
    expect_refused(s, "PATCH", "/api/media/{id}", call("PATCH", "", {{"topics", "m"}}, p), 400, "topics");
    expect_refused(s, "PATCH", "/api/media/{id}", call("PATCH", "", {{"form", "x"}}, p), 422, "form");
    expect_refused(s, "PATCH", "/api/media/{id}", call("PATCH", "", {{"valid_until", "32/01/2026"}}, p), 422,
                   "valid_until");
    expect_refused(s, "PATCH", "/api/media/{id}", call("PATCH", "", nlohmann::json::array(), p), 400, "");
    expect_refused(s, "PATCH", "/api/media/{id}", call("PATCH", "", {{"title", "X"}}, {{"id", "7"}}), 404, "id");
    r = run(s, "GET", "/api/media/{id}", call("GET", "", nullptr, p));
    EXPECT_EQ(r.body["title"], "Mới");
    EXPECT_EQ(s.rules_changed_count, 2);
}

TEST(MediaApi, ApproveRejectRevokeAreRecordedInTheCallersNameAndTheSchedulerFollows) {
    lp::test::TestServices s;
    const auto id = s.import_tone(1100, "Tin");
    const std::map<std::string, std::string> p{{"id", std::to_string(id)}};
    auto r = run(s, "POST", "/api/media/{id}/approve", call("POST", "", nullptr, p, Role::approver, "hoa"));
    EXPECT_EQ(r.body["approval"]["state"], "approved");
    EXPECT_EQ(r.body["approval"]["by"], "hoa");
    EXPECT_EQ(approved_by_in_rules(s, id), "hoa");

    r = run(s, "POST", "/api/media/{id}/revoke",
            call("POST", "", {{"comment", "Hết thời sự"}}, p, Role::approver, "minh"));
    EXPECT_EQ(r.body["approval"]["state"], "revoked");
    EXPECT_EQ(r.body["approval"]["comment"], "Hết thời sự");
    EXPECT_EQ(approved_by_in_rules(s, id), std::nullopt);
    expect_refused(s, "POST", "/api/media/{id}/revoke", call("POST", "", {{"comment", "lại"}}, p), 409, "id");

    r = run(s, "POST", "/api/media/{id}/reject", call("POST", "", {{"comment", "Sai tên phường"}}, p));
    EXPECT_EQ(r.body["approval"]["state"], "rejected");
    EXPECT_EQ(approved_by_in_rules(s, id), std::nullopt);
    EXPECT_EQ(r.body["airable_today"], false);

    r = run(s, "GET", "/api/media/{id}", call("GET", "", nullptr, p));
    ASSERT_EQ(r.body["approvals"].size(), 3u);
    EXPECT_EQ(r.body["approvals"][0]["by"], "hoa");
    EXPECT_EQ(r.body["approvals"][1]["state"], "revoked");
    EXPECT_EQ(r.body["approvals"][2]["comment"], "Sai tên phường");
    EXPECT_EQ(s.rules_changed_count, 3);
}

TEST(MediaApi, RejectNeedsACommentAndNothingChangesWhenRefused) {
    lp::test::TestServices s;
    const auto id = s.import_tone(1200, "Tin");
    const std::map<std::string, std::string> p{{"id", std::to_string(id)}};
    expect_refused(s, "POST", "/api/media/{id}/reject", call("POST", "", nullptr, p), 400, "comment");
    expect_refused(s, "POST", "/api/media/{id}/reject", call("POST", "", {{"comment", ""}}, p), 422, "comment");
    expect_refused(s, "POST", "/api/media/{id}/reject", call("POST", "", {{"comment", 3}}, p), 400, "comment");
    expect_refused(s, "POST", "/api/media/{id}/approve", call("POST", "", nullptr, {{"id", "55"}}), 404, "id");
    EXPECT_EQ(s.count("approval"), 0);
    EXPECT_EQ(s.count("approval_history"), 0);
    EXPECT_EQ(s.rules_changed_count, 0);
}

TEST(MediaApi, TagsAndRetire) {
    lp::test::TestServices s;
    const auto id = s.import_tone(1300, "Tin");
    const std::map<std::string, std::string> p{{"id", std::to_string(id)}};
    auto r = run(s, "POST", "/api/media/{id}/tags", call("POST", "", {{"add", {"y-te", "cu"}}}, p));
    EXPECT_EQ(r.body["tags"], nlohmann::json({"cu", "y-te"}));
    r = run(s, "POST", "/api/media/{id}/tags", call("POST", "", {{"remove", {"cu"}}}, p));
    EXPECT_EQ(r.body["tags"], nlohmann::json({"y-te"}));
    expect_refused(s, "POST", "/api/media/{id}/tags", call("POST", "", {{"add", {"a,b"}}}, p), 422, "add");
    expect_refused(s, "POST", "/api/media/{id}/tags", call("POST", "", nlohmann::json::object(), p), 400, "add");

    r = run(s, "POST", "/api/media/{id}/retire", call("POST", "", nullptr, p));
    EXPECT_EQ(r.body["retired"], true);
    expect_refused(s, "POST", "/api/media/{id}/retire", call("POST", "", nullptr, p), 409, "id");
    expect_refused(s, "POST", "/api/media/{id}/approve", call("POST", "", nullptr, p), 409, "id");
    expect_refused(s, "PATCH", "/api/media/{id}", call("PATCH", "", {{"title", "X"}}, p), 409, "id");
    r = run(s, "GET", "/api/media", call("GET", "/api/media"));
    EXPECT_TRUE(r.body["items"].empty());
    r = run(s, "GET", "/api/media", call("GET", "/api/media", nullptr, {{"all", "1"}}));
    EXPECT_EQ(r.body["items"].size(), 1u);
}

}  // namespace
