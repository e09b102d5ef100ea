// The SIGHUP diff: which outputs are added, removed or changed (by name, any setting), which
// sections apply live, and which settings need a restart and keep their old value.
#include <gtest/gtest.h>

#include "daemon/ConfigChange.hpp"

namespace lp::daemon {
namespace {

config::OutputConfig output(const std::string& name, const std::string& kind = "null") {
    config::OutputConfig o;
    o.name = name;
    o.kind = kind;
    return o;
}

config::Config base() {
    config::Config c;
    c.outputs = {output("a"), output("b"), output("c")};
    return c;
}

TEST(ConfigChange, SameConfigChangesNothing) {
    const auto change = diff(base(), base());
    EXPECT_FALSE(change.any());
    EXPECT_EQ(describe(change), "nothing changed");
}

TEST(ConfigChange, OutputsAddedRemovedAndChangedByName) {
    auto next = base();
    next.outputs.erase(next.outputs.begin());    // a removed
    next.outputs[0].format.sample_rate = 44100;  // b changed
    next.outputs.push_back(output("d"));         // d added
    const auto change = diff(base(), next);
    EXPECT_EQ(change.outputs_added, std::vector<std::string>{"d"});
    EXPECT_EQ(change.outputs_removed, std::vector<std::string>{"a"});
    EXPECT_EQ(change.outputs_changed, std::vector<std::string>{"b"});
    EXPECT_FALSE(change.audio);
    EXPECT_TRUE(change.needs_restart.empty());
    EXPECT_EQ(describe(change), "outputs added: d; outputs removed: a; outputs changed: b");
}

TEST(ConfigChange, AnySettingOfAnOutputCounts) {
    for (auto edit : std::vector<void (*)(config::OutputConfig&)>{
             [](auto& o) { o.kind = "file"; }, [](auto& o) { o.target = "/x.wav"; },
             [](auto& o) { o.codec = audio::Codec::opus; }, [](auto& o) { o.sdp_path = "/x.sdp"; },
             [](auto& o) { o.keep_days = 3; }, [](auto& o) { o.min_free_bytes = 1; },
             [](auto& o) { o.bitrate = 64000; }, [](auto& o) { o.options["x"] = "y"; }}) {
        auto next = base();
        edit(next.outputs[2]);
        EXPECT_EQ(diff(base(), next).outputs_changed, std::vector<std::string>{"c"});
    }
    auto reordered = base();
    std::swap(reordered.outputs[0], reordered.outputs[2]);
    EXPECT_FALSE(diff(base(), reordered).outputs());
}

TEST(ConfigChange, LiveSections) {
    auto next = base();
    next.audio.loudness_target = -23.0;
    next.organisation.place = "Hải Châu";
    next.slots.push_back(config::SlotConfig{});
    next.grace = std::chrono::minutes(2);
    const auto change = diff(base(), next);
    EXPECT_TRUE(change.audio);
    EXPECT_TRUE(change.organisation);
    EXPECT_TRUE(change.slots);
    EXPECT_TRUE(change.grace);
    EXPECT_TRUE(change.needs_restart.empty());
    next = base();
    next.audio.fade_ms = 30;
    EXPECT_TRUE(diff(base(), next).audio);
    next = base();
    next.audio.loudness_target.reset();  // "off"
    EXPECT_TRUE(diff(base(), next).audio);
}

TEST(ConfigChange, RestartOnlySettingsKeepTheirOldValue) {
    auto next = base();
    next.database = "/elsewhere.db";
    next.time_zone = "UTC";
    next.media_dir = "/m";
    next.backup.keep = 3;
    next.audio.gap_ms = 500;
    next.live.stall_timeout = std::chrono::seconds{9};
    const auto change = diff(base(), next);
    EXPECT_EQ(change.needs_restart,
              (std::vector<std::string>{"daemon.database", "daemon.media_dir", "daemon.time_zone", "backup", "live"}));
    EXPECT_EQ(describe(change),
              "[audio] from the next item; needs a restart (old values kept): daemon.database, daemon.media_dir, "
              "daemon.time_zone, backup, live");
    const auto kept = applied(base(), next);
    EXPECT_EQ(kept.database, base().database);
    EXPECT_EQ(kept.time_zone, "Asia/Ho_Chi_Minh");
    EXPECT_EQ(kept.media_dir, base().media_dir);
    EXPECT_EQ(kept.backup.keep, 14);
    EXPECT_EQ(kept.live.stall_timeout, std::chrono::seconds{3});
    EXPECT_EQ(kept.audio.gap_ms, 500);  // applied
}

}  // namespace
}  // namespace lp::daemon
