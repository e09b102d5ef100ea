// The player's side of the meters: peak of what each live output is fed, failures and retries.
#include <gtest/gtest.h>

#include "audio/PlayerHealth.hpp"

using lp::audio::PlayerHealth;
using lp::audio::Sample;

TEST(PlayerHealth, PeakIsTheMaximumSinceTheReaderTookIt) {
    PlayerHealth h({"loa", "web"});
    const std::vector<Sample> loud{0, 16384, -32768, 100};
    const std::vector<Sample> quiet{0, 33, -10, 2};
    h.fed(loud, {"loa"});
    h.fed(quiet, {"loa", "web"});
    auto meters = h.meters();
    EXPECT_FLOAT_EQ(meters[0].peak.exchange(0), 1.0f);
    EXPECT_NEAR(meters[1].peak.exchange(0), 33.0 / 32768, 1e-6);
    EXPECT_EQ(meters[0].chunks.load(), 2u);
    EXPECT_EQ(meters[1].chunks.load(), 1u);
    EXPECT_TRUE(meters[1].live.load());
    h.fed(quiet, {"loa"});
    EXPECT_FALSE(meters[1].live.load());
    EXPECT_NEAR(meters[0].peak.load(), 33.0 / 32768, 1e-6);
    h.closed();
    EXPECT_FALSE(meters[0].live.load());
}

TEST(PlayerHealth, FailuresCountErrorsAndReopeningsCountRetries) {
    PlayerHealth h({"loa", "loa2"});
    const std::vector<Sample> chunk{1000, -1000};
    std::vector<std::string> failures;
    std::size_t seen = 0;
    h.fed(chunk, {"loa", "loa2"});
    failures.push_back("loa2: write failed");  // drops out while playing
    h.failed(failures, seen);
    failures.push_back("loa2: cannot open");  // the first reopen fails
    h.failed(failures, seen);
    h.fed(chunk, {"loa"});
    h.fed(chunk, {"loa", "loa2"});  // the second reopen works
    EXPECT_EQ(seen, 2u);
    EXPECT_EQ(h.meters()[1].errors.load(), 2u);
    EXPECT_EQ(h.meters()[1].retries.load(), 2u);
    EXPECT_EQ(h.meters()[0].errors.load(), 0u);
    EXPECT_EQ(h.meters()[0].retries.load(), 0u);
}
