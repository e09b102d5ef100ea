#include <gtest/gtest.h>

#include "domain/Time.hpp"
#include "playout/ProgrammeBuilder.hpp"

namespace {

using namespace std::chrono_literals;

lp::scheduler::Rules library() {
    lp::scheduler::Rules rules;
    lp::scheduler::ItemInfo news;
    news.id = 7;
    news.title = "Dịch vụ công trực tuyến";
    news.file = "/var/lib/loaphuong/media/ab.mp3";
    news.topics = {"m", "i"};
    news.form = "tin";
    news.duration = 40s;
    news.loudness_lufs = -23.5;
    news.sha256 = std::string(64, 'a');
    rules.items.push_back(news);
    return rules;
}

TEST(ProgrammeBuilder, EachCueGetsItsFileLoudnessLengthHashAndJournalPlan) {
    const auto at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    lp::scheduler::Order order{
        "Sáng@x", "Bản tin sáng", at, at + 2s, {{7, "cố định", std::nullopt}, {99, "", 5}}, {"loa"}, "", 0};
    const auto built = lp::playout::build_programme(order, library());
    EXPECT_EQ(built.programme.id, "Sáng@x");
    EXPECT_EQ(built.programme.start, at + 2s);
    EXPECT_EQ(built.programme.outputs, std::vector<std::string>{"loa"});
    ASSERT_EQ(built.programme.cues.size(), 2u);
    EXPECT_EQ(built.programme.cues[0].file, "/var/lib/loaphuong/media/ab.mp3");
    EXPECT_EQ(built.programme.cues[0].loudness_lufs, -23.5);
    EXPECT_EQ(built.programme.cues[0].length, 40s);
    EXPECT_EQ(built.sha256[0], std::string(64, 'a'));
    ASSERT_EQ(built.plans.size(), 2u);
    EXPECT_EQ(built.plans[0].scheduled_at, at);
    EXPECT_EQ(built.plans[0].slot, "Bản tin sáng");
    EXPECT_EQ(built.plans[0].media_item_id, 7);
    EXPECT_EQ(built.plans[0].length, 40s);
    // An item gone from the library is named by its id and fails at air time (no file).
    EXPECT_EQ(built.plans[1].title, "(tin, bài số 99 không còn trong thư viện)");
    EXPECT_EQ(built.plans[1].one_off, 5);
    EXPECT_TRUE(built.programme.cues[1].file.empty());
    EXPECT_TRUE(built.sha256[1].empty());
}

TEST(ProgrammeBuilder, ALiveSourceItemIsALiveCueForItsPlannedLengthWithItsFallbackAndKind) {
    const auto at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    auto rules = library();
    lp::scheduler::ItemInfo relay;
    relay.id = 8;
    relay.title = "Thời sự VOV1";
    relay.file = relay.live_url = "http://radio.example/vov1";
    relay.live_kind = "tiep_song";
    relay.live_fallback = 7;
    relay.topics = {"a"};
    relay.form = "tin";
    relay.duration = 30min;
    rules.items.push_back(relay);
    lp::scheduler::Order order{"Trưa@x", "Tiếp sóng trưa", at, at + 2s, {{8, "cố định", std::nullopt}}, {}, "", 0};
    const auto built = lp::playout::build_programme(order, rules);
    ASSERT_EQ(built.programme.cues.size(), 1u);
    const auto& cue = built.programme.cues[0];
    ASSERT_TRUE(cue.live);
    EXPECT_EQ(cue.live->url, "http://radio.example/vov1");
    EXPECT_EQ(cue.live->fallback, "/var/lib/loaphuong/media/ab.mp3");
    EXPECT_EQ(cue.live->fallback_loudness_lufs, -23.5);
    EXPECT_EQ(cue.length, 30min);
    EXPECT_TRUE(built.sha256[0].empty()) << "a stream has no file to check";
    EXPECT_EQ(built.plans[0].live_kind, "tiep_song");
    EXPECT_EQ(built.plans[0].live_source, "http://radio.example/vov1");
    EXPECT_EQ(built.plans[0].title, "Thời sự VOV1");
    EXPECT_EQ(built.plans[0].topics, std::vector<std::string>{"a"});
    // A source is never picked by a pool, whatever its topic.
    lp::scheduler::PoolFilter any;
    EXPECT_FALSE(any.matches(rules.items.back()));
    EXPECT_TRUE(any.matches(rules.items.front()));
}

}  // namespace
