// Sessions and the login rate limit on a virtual clock.

#include <gtest/gtest.h>

#include "auth/LoginLimiter.hpp"
#include "auth/Sessions.hpp"
#include "tests/auth/VirtualClock.hpp"

namespace {

using namespace lp::auth;
using namespace std::chrono_literals;

TEST(Sessions, CookieCsrfAndHandleAreDistinctSecrets) {
    lp::test::VirtualClock t;
    Sessions s(t.clock());
    const auto a = s.open("an", 0);
    const auto b = s.open("an", 0);
    EXPECT_EQ(a.cookie.size(), 43u) << "32 bytes, base64url without padding";
    EXPECT_EQ(a.cookie.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    EXPECT_NE(a.cookie, a.csrf);
    EXPECT_NE(a.cookie, a.handle);
    EXPECT_NE(a.cookie, b.cookie);
    EXPECT_NE(a.csrf, b.csrf);
    const auto found = s.find(a.cookie);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->account, "an");
    EXPECT_EQ(found->csrf, a.csrf);
    EXPECT_FALSE(s.find(a.csrf)) << "the CSRF token is not a session";
    EXPECT_FALSE(s.find(a.handle)) << "nor is the handle";
    EXPECT_FALSE(s.find(""));
}

TEST(Sessions, IdleExpiryAfterTwelveHours) {
    lp::test::VirtualClock t;
    Sessions s(t.clock());
    const auto a = s.open("an", 0);
    t.advance(11h + 59min);
    ASSERT_TRUE(s.find(a.cookie)) << "a request restarts the idle time";
    t.advance(11h + 59min);
    ASSERT_TRUE(s.find(a.cookie));
    t.advance(12h);
    EXPECT_FALSE(s.find(a.cookie));
    EXPECT_EQ(s.size(), 0u) << "an expired session is forgotten";
}

TEST(Sessions, AbsoluteExpiryAfterSevenDaysEvenWhenUsed) {
    lp::test::VirtualClock t;
    Sessions s(t.clock());
    const auto a = s.open("an", 0);
    for (int i = 0; i < 7 * 24 - 1; ++i) {
        t.advance(1h);
        ASSERT_TRUE(s.find(a.cookie)) << "hour " << i + 1;
    }
    t.advance(1h);
    EXPECT_FALSE(s.find(a.cookie));
}

TEST(Sessions, CloseAndCloseAccount) {
    lp::test::VirtualClock t;
    Sessions s(t.clock());
    const auto a1 = s.open("an", 0);
    const auto a2 = s.open("an", 0);
    const auto b = s.open("binh", 0);
    s.close(a1.handle);
    EXPECT_FALSE(s.find(a1.cookie));
    EXPECT_TRUE(s.find(a2.cookie));
    s.close_account("an");
    EXPECT_FALSE(s.find(a2.cookie));
    EXPECT_TRUE(s.find(b.cookie));
}

TEST(LoginLimiter, FiveFailuresInFiveMinutesRefuseUntilTheOldestLeaves) {
    lp::test::VirtualClock t;
    LoginLimiter l(t.clock());
    for (int i = 0; i < 5; ++i) {
        EXPECT_FALSE(l.refused_for("10.0.0.5", "an")) << i;
        l.failed("10.0.0.5", "an");
        t.advance(30s);
    }
    // Failures at 0, 30, 60, 90, 120 s; now 150 s: free at 300 s.
    const auto wait = l.refused_for("10.0.0.5", "an");
    ASSERT_TRUE(wait);
    EXPECT_EQ(*wait, 150s);
    EXPECT_TRUE(l.refused_for("10.0.0.9", "an")) << "per account name, from any address";
    EXPECT_TRUE(l.refused_for("10.0.0.5", "binh")) << "per address, for any name";
    EXPECT_FALSE(l.refused_for("10.0.0.9", "binh"));
    t.advance(149s);
    EXPECT_TRUE(l.refused_for("10.0.0.5", "an"));
    t.advance(1s);
    EXPECT_FALSE(l.refused_for("10.0.0.5", "an"));
}

TEST(LoginLimiter, SuccessResetsTheAccountNotTheAddress) {
    lp::test::VirtualClock t;
    LoginLimiter l(t.clock());
    for (int i = 0; i < 4; ++i) l.failed("10.0.0.5", "an");
    l.succeeded("an");
    l.failed("10.0.0.6", "an");
    EXPECT_FALSE(l.refused_for("10.0.0.6", "an")) << "the account's count started again";
    l.failed("10.0.0.5", "binh");
    EXPECT_TRUE(l.refused_for("10.0.0.5", "chi")) << "the address keeps its five failures";
}

TEST(LoginLimiter, AGuessingRunOverManyNamesIsForgottenOnceOld) {
    lp::test::VirtualClock t;
    LoginLimiter l(t.clock());
    for (int i = 0; i < 20000; ++i) l.failed("10.0.0." + std::to_string(i % 250), "name" + std::to_string(i));
    EXPECT_TRUE(l.refused_for("10.0.0.1", "x"));
    EXPECT_EQ(l.tracked(), 250u + 20000u);
    t.advance(5min);
    l.failed("10.0.0.1", "late");  // sweeps the old entries
    EXPECT_EQ(l.tracked(), 250u + 1u) << "the names are swept, the 250 addresses are few enough to keep";
    EXPECT_FALSE(l.refused_for("10.0.0.2", "name2"));
    EXPECT_FALSE(l.refused_for("10.0.0.1", "late"));
}

}  // namespace
