// The interest section's rules, pure: the report's lines joined with measured facts.
#include <gtest/gtest.h>

#include "domain/Lists.hpp"
#include "domain/Time.hpp"
#include "export/Interest.hpp"
#include "export/Report.hpp"

namespace {

using namespace std::chrono_literals;
using namespace lp::exporting;
using lp::journal::Status;

lp::journal::JournalRow row(std::int64_t id, std::optional<std::int64_t> item, const char* title, const char* topics,
                            Status status, std::chrono::milliseconds played) {
    lp::journal::JournalRow r;
    r.id = id;
    r.plan.scheduled_at = lp::domain::from_utc_text("2026-01-05T22:30:00.000Z") + std::chrono::hours(id);
    r.plan.media_item_id = item;
    r.plan.title = title;
    r.plan.topics = lp::domain::split_commas(topics);
    r.plan.form = "tin";
    if (lp::journal::reached_listeners(status)) r.started_at = r.plan.scheduled_at;
    r.played = played;
    r.status = status;
    r.seal = std::string(64, 'a');
    return r;
}

std::vector<ReportLine> lines() {
    return {
        {row(1, 10, "Dịch vụ công trực tuyến", "m", Status::completed, 120s), ""},
        {row(2, 10, "Dịch vụ công trực tuyến", "m", Status::completed, 120s), ""},
        {row(3, 11, "Chuyển đổi số", "k,m", Status::completed, 300s), ""},
        {row(4, 12, "Lịch tiếp công dân", "b", Status::completed, 60s), ""},
        {row(5, 12, "Lịch tiếp công dân", "b", Status::failed, 0s), ""},
        {row(6, 13, "Nhạc hiệu", "other", Status::completed, 20s), ""},
    };
}

InterestFacts facts() {
    InterestFacts f;
    f.listeners[1] = {7, 4.5};  // two outputs summed by the store
    f.listeners[2] = {3, 2.5};
    f.listeners[5] = {99, 99};                // a failed airing: not counted
    f.listens = {{10, 4}, {11, 9}, {14, 2}};  // 14: heard again, not aired in the period
    f.qr = {{11, 3}};
    f.feed_fetches = 12;
    f.page_qr = 5;
    f.feedback = {{10, "", "web", {2026, 1, 7}, 5, "Rất hữu ích"},
                  {10, "", "zalo", {2026, 1, 6}, 3, ""},
                  {std::nullopt, "b", "hop_to_dan_pho", {2026, 1, 8}, std::nullopt, "Nên phát lịch tiếp dân sớm hơn"}};
    f.items[14] = {"Hỏi đáp thủ tục đất đai", {"i"}, "bai"};
    return f;
}

const InterestItem& item(const Interest& in, std::int64_t id) {
    for (const auto& i : in.items)
        if (i.id == id) return i;
    throw std::runtime_error("no item " + std::to_string(id));
}

const InterestTopic& topic(const Interest& in, const std::string& code) {
    for (const auto& t : in.topics)
        if (t.code == code) return t;
    throw std::runtime_error("no topic " + code);
}

TEST(Interest, PerItemFiguresJoinAiringsListenersCountsAndFeedback) {
    const auto in = build_interest(lines(), facts());
    const auto& a = item(in, 10);
    EXPECT_EQ(a.figures.airings, 2);
    EXPECT_EQ(a.figures.airtime, 240s);
    EXPECT_EQ(a.figures.measured, 2);
    EXPECT_EQ(a.figures.peak, 7);
    EXPECT_DOUBLE_EQ(a.figures.mean, 3.5);
    EXPECT_EQ(a.figures.listens, 4);
    EXPECT_EQ(a.figures.feedback, 2);
    EXPECT_DOUBLE_EQ(a.figures.rating, 4.0);
    EXPECT_EQ(a.figures.score(), 6);
    const auto& c = item(in, 12);
    EXPECT_EQ(c.figures.airings, 1);  // the failed airing did not reach listeners
    EXPECT_EQ(c.figures.measured, 0);
    const auto& never_aired = item(in, 14);
    EXPECT_EQ(never_aired.title, "Hỏi đáp thủ tục đất đai");
    EXPECT_EQ(never_aired.figures.airings, 0);
    EXPECT_EQ(never_aired.figures.listens, 2);
    EXPECT_EQ(in.feed_fetches, 12);
    EXPECT_EQ(in.page_qr, 5);
}

TEST(Interest, TopicsCountEachTopicOfAnItemAndTopicOnlyFeedback) {
    const auto in = build_interest(lines(), facts());
    EXPECT_EQ(topic(in, "m").figures.airings, 3);   // items 10 (twice) and 11
    EXPECT_EQ(topic(in, "m").figures.listens, 13);  // 4 + 9
    EXPECT_EQ(topic(in, "k").figures.listens, 9);
    EXPECT_EQ(topic(in, "k").figures.qr, 3);
    EXPECT_EQ(topic(in, "b").figures.feedback, 1);  // the meeting's comment names the topic
    EXPECT_EQ(topic(in, "b").figures.rated, 0);
    EXPECT_EQ(topic(in, "i").figures.listens, 2);  // from the library's topics of the item not aired
    EXPECT_EQ(in.total.listens, 15);
    EXPECT_EQ(in.total.feedback, 3);
    EXPECT_EQ(in.total.airings, 5);
}

TEST(Interest, RankingByScoreThenRatingMostAndLeast) {
    const auto in = build_interest(lines(), facts());
    // Scores: 11 → 12, 10 → 6, 14 → 2, 12 → 0, 13 → 0.
    ASSERT_EQ(in.items.size(), 5u);
    EXPECT_EQ(in.items[0].id, 11);
    EXPECT_EQ(in.items[1].id, 10);
    EXPECT_EQ(in.most, (std::vector<std::int64_t>{11, 10, 14}));
    // The least: aired in the period, not among the most, lowest first.
    EXPECT_EQ(in.least, (std::vector<std::int64_t>{13, 12}));
    const auto text = interest_ranking_lines(in);
    EXPECT_EQ(text[0],
              "Tin, bài được quan tâm nhiều nhất: Chuyển đổi số (12 điểm); Dịch vụ công trực tuyến (6 điểm); Hỏi đáp "
              "thủ tục đất đai (2 điểm).");
}

TEST(Interest, EqualScoresGoByRatingThenFewerAirings) {
    InterestFacts f;
    f.listens = {{10, 1}, {11, 1}, {12, 1}};
    f.feedback = {{11, "", "web", {2026, 1, 7}, 4, ""}, {12, "", "web", {2026, 1, 7}, 5, ""}};
    f.listens[10] = 2;  // 10: 2 listens, no rating; 11 and 12: 1 listen + 1 feedback
    const auto in = build_interest(lines(), f);
    EXPECT_EQ(in.items[0].id, 12);  // 2 points, rated 5
    EXPECT_EQ(in.items[1].id, 11);  // 2 points, rated 4
    EXPECT_EQ(in.items[2].id, 10);  // 2 points, no rating
}

TEST(Interest, JinglesAreShownButNotRanked) {
    auto with_jingle = lines();
    with_jingle[5].row.plan.form = "am_nhac";  // item 13, "Nhạc hiệu"
    const auto in = build_interest(with_jingle, facts());
    EXPECT_EQ(in.least, (std::vector<std::int64_t>{12}));
    EXPECT_EQ(item(in, 13).figures.airings, 1);
}

TEST(Interest, CommentsByDayWithChannelAndWhatTheyConcern) {
    const auto in = build_interest(lines(), facts());
    const auto t = interest_comment_table(in);
    ASSERT_EQ(t.rows.size(), 2u);  // a rating alone is not a comment
    EXPECT_EQ(t.rows[0], (std::vector<std::string>{"1", "Dịch vụ công trực tuyến", "Trang nghe lại", "07/01/2026", "5",
                                                   "Rất hữu ích"}));
    EXPECT_EQ(t.rows[1][1], "Vai trò, trách nhiệm của người đứng đầu trong CCHC");
    EXPECT_EQ(t.rows[1][2], "Họp tổ dân phố");
    EXPECT_EQ(t.rows[1][4], "");
}

TEST(Interest, TablesShowTheFigures) {
    const auto in = build_interest(lines(), facts());
    const auto items = interest_item_table(in);
    EXPECT_EQ(items.rows[1], (std::vector<std::string>{"2", "Dịch vụ công trực tuyến",
                                                       "Dịch vụ công trực tuyến, đường dây nóng, tiếp nhận phản ánh, "
                                                       "kiến nghị",
                                                       "2", "4,0", "7", "3,5", "4", "0", "2", "4,0", "6"}));
    const auto topics = interest_topic_table(in);
    EXPECT_EQ(topics.rows.back()[1], "Tổng cộng");
    EXPECT_EQ(topics.rows.back()[6], "15");
    EXPECT_TRUE(reports_interest(*parse_period("2026Q1")));
    EXPECT_TRUE(reports_interest(*parse_period("2026H1")));
    EXPECT_TRUE(reports_interest(*parse_period("2026")));
    EXPECT_FALSE(reports_interest(*parse_period("2026-03")));
}

}  // namespace
