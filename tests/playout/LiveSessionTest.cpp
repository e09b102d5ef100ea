#include <gtest/gtest.h>

#include "playout/LiveSession.hpp"

namespace {

lp::scheduler::Order order_of(const std::string& id, std::optional<std::int64_t> one_off) {
    lp::scheduler::Order o;
    o.id = id;
    o.cues.push_back({7, "", one_off});
    return o;
}

TEST(LiveSession, IsOnFromItsStartUntilTheProgrammeOfItsOrderIsDone) {
    lp::playout::LiveSession s;
    EXPECT_FALSE(s.on());
    s.begin({4, 7, "Trực tiếp: Nguyễn Văn An", "truc_tiep", "default", "Nguyễn Văn An", {}});
    EXPECT_TRUE(s.on());
    EXPECT_FALSE(s.programme()) << "not handed out yet";
    s.handed(order_of("Sáng@1/resume1", std::nullopt));
    s.handed(order_of("emergency#3@x", 3));
    EXPECT_FALSE(s.programme()) << "other orders are not the session's";
    s.handed(order_of("emergency#4@x", 4));
    ASSERT_TRUE(s.programme());
    EXPECT_EQ(*s.programme(), "emergency#4@x");
    s.done("Sáng@1/resume1");
    EXPECT_TRUE(s.on()) << "another programme's end does not end it";
    s.done("emergency#4@x");
    EXPECT_FALSE(s.on());
    EXPECT_FALSE(s.programme());
}

TEST(LiveSession, EndsWhenItsOneOffWillNotAir) {
    lp::playout::LiveSession s;
    s.begin({4, 7, "Tiếp sóng VOV1", "tiep_song", "http://127.0.0.1/vov1", "An", {}});
    s.not_aired(3);
    EXPECT_TRUE(s.on());
    s.not_aired(std::nullopt);
    EXPECT_TRUE(s.on());
    s.not_aired(4);
    EXPECT_FALSE(s.on());
}

}  // namespace
