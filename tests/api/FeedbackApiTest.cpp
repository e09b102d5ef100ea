// Residents' feedback through the operator's API: pending rows reach the operator's list only
// once approved, each decided once, in the approver's name; feedback from the other channels
// recorded with channel, date and item or topic; bad fields refused with nothing stored.

#include <gtest/gtest.h>

#include "domain/Time.hpp"
#include "reach/FeedbackStore.hpp"
#include "tests/api/TestServices.hpp"

namespace {

using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;
using nlohmann::json;

std::int64_t resident_says(lp::test::TestServices& s, std::int64_t item, int rating, const std::string& comment) {
    lp::reach::Feedback f;
    f.item = item;
    f.day = *lp::domain::parse_date("2026-12-01");
    f.rating = rating;
    f.comment = comment;
    return lp::reach::FeedbackStore(s.database()).add(f);
}

TEST(FeedbackApi, PendingFeedbackIsShownOnlyAfterReview) {
    lp::test::TestServices s;
    const auto item = s.import_tone(440, "Thủ tục đất đai");
    const auto first = resident_says(s, item, 5, "<b>Rất</b> hữu ích");
    const auto second = resident_says(s, item, 1, "quảng cáo");
    EXPECT_TRUE(run(s, "GET", "/api/feedback", call("GET", "")).body["feedback"].empty());
    const auto pending = run(s, "GET", "/api/feedback/pending", call("GET", "")).body["feedback"];
    ASSERT_EQ(pending.size(), 2u);
    EXPECT_EQ(pending[0]["id"], second);
    EXPECT_EQ(pending[1]["comment"], "<b>Rất</b> hữu ích");
    EXPECT_EQ(pending[1]["channel_label"], "Trang nghe lại");
    EXPECT_EQ(pending[1]["item_title"], "Thủ tục đất đai");
    EXPECT_EQ(pending[1]["date"], "01/12/2026");

    const auto id = std::to_string(first);
    const auto approved = run(s, "POST", "/api/feedback/{id}/approve",
                              call("POST", "", nullptr, {{"id", id}}, lp::auth::Role::approver, "duyet"));
    EXPECT_EQ(approved.body["status"], "approved");
    EXPECT_EQ(approved.body["decided_by"], "duyet");
    run(s, "POST", "/api/feedback/{id}/reject", call("POST", "", nullptr, {{"id", std::to_string(second)}}));
    const auto shown = run(s, "GET", "/api/feedback", call("GET", "")).body["feedback"];
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0]["id"], first);
    EXPECT_TRUE(run(s, "GET", "/api/feedback/pending", call("GET", "")).body["feedback"].empty());
    expect_refused(s, "POST", "/api/feedback/{id}/reject", call("POST", "", nullptr, {{"id", id}}), 409, "id");
    expect_refused(s, "POST", "/api/feedback/{id}/approve", call("POST", "", nullptr, {{"id", "987654"}}), 404, "id");
    expect_refused(s, "POST", "/api/feedback/{id}/approve", call("POST", "", nullptr, {{"id", "abc"}}), 404, "id");
}

TEST(FeedbackApi, TheOperatorRecordsFeedbackFromOtherChannels) {
    lp::test::TestServices s;
    const auto item = s.import_tone(440, "Thủ tục đất đai");
    const auto r = run(s, "POST", "/api/feedback",
                       call("POST", "",
                            {{"channel", "hop_to_dan_pho"},
                             {"date", "28/11/2026"},
                             {"item", item},
                             {"rating", 4},
                             {"comment", "Tổ 5 đề nghị phát thêm vào buổi tối"}},
                            {}, lp::auth::Role::operator_, "vanhanh"));
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(r.body["status"], "approved");
    EXPECT_EQ(r.body["recorded_by"], "vanhanh");
    EXPECT_EQ(r.body["channel_label"], "Họp tổ dân phố");
    EXPECT_EQ(r.body["date"], "28/11/2026");
    const auto topic = run(s, "POST", "/api/feedback",
                           call("POST", "",
                                {{"channel", "hotline"},
                                 {"date", "2026-11-30"},
                                 {"topic", "dd"},
                                 {"comment", "Hỏi về thủ tục khai sinh"}}));
    EXPECT_EQ(topic.body["topic"], "dd");
    EXPECT_TRUE(topic.body["item"].is_null());
    EXPECT_TRUE(topic.body["rating"].is_null());
    EXPECT_EQ(run(s, "GET", "/api/feedback", call("GET", "", nullptr, {{"item", std::to_string(item)}}))
                  .body["feedback"]
                  .size(),
              1u);
    EXPECT_EQ(s.count("feedback"), 2);
}

TEST(FeedbackApi, BadFieldsAreRefusedWithNothingStored) {
    lp::test::TestServices s;
    const auto item = s.import_tone(440, "Thủ tục đất đai");
    const json good{{"channel", "zalo"}, {"date", "28/11/2026"}, {"item", item}, {"rating", 3}};
    const auto with = [&](const std::string& key, json value) {
        json body = good;
        if (value.is_null())
            body.erase(key);
        else
            body[key] = std::move(value);
        return call("POST", "", body);
    };
    expect_refused(s, "POST", "/api/feedback", with("channel", nullptr), 400, "channel");
    expect_refused(s, "POST", "/api/feedback", with("channel", "web"), 422, "channel");
    expect_refused(s, "POST", "/api/feedback", with("channel", "fax"), 422, "channel");
    expect_refused(s, "POST", "/api/feedback", with("date", "31/02/2026"), 422, "date");
    expect_refused(s, "POST", "/api/feedback", with("item", 987654), 404, "item");
    expect_refused(s, "POST", "/api/feedback", with("item", "7"), 400, "item");
    expect_refused(s, "POST", "/api/feedback", with("rating", 6), 422, "rating");
    expect_refused(s, "POST", "/api/feedback", with("rating", 0), 422, "rating");
    expect_refused(s, "POST", "/api/feedback", with("topic", "zz"), 422, "topic");
    expect_refused(s, "POST", "/api/feedback", with("comment", std::string(4001, 'a')), 422, "comment");
    expect_refused(s, "POST", "/api/feedback",
                   call("POST", "", {{"channel", "zalo"}, {"date", "28/11/2026"}, {"rating", 3}}), 422, "item");
    expect_refused(s, "POST", "/api/feedback",
                   call("POST", "", {{"channel", "zalo"}, {"date", "28/11/2026"}, {"item", item}}), 422, "comment");
    EXPECT_EQ(s.count("feedback"), 0);
}

}  // namespace
