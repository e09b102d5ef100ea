// The config file's slots and items (issue 10, point 11): applied only when the slot section
// changed, through the same import as `media add`, on a real SQLite file with audio made by
// the ffmpeg CLI.

#include <gtest/gtest.h>

#include <spdlog/sinks/ostream_sink.h>

#include <fstream>
#include <sstream>

#include "config/Load.hpp"
#include "db/Store.hpp"
#include "library/ConfigSeed.hpp"
#include "library/ItemStore.hpp"
#include "scheduler/RuleStore.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::test::shell_quote;

using lp::test::sha256sum;

const lp::scheduler::Slot* slot_named(const lp::scheduler::Rules& rules, const std::string& name) {
    for (const auto& s : rules.slots)
        if (s.name == name) return &s;
    return nullptr;
}

std::vector<std::int64_t> programme_items(const lp::scheduler::Slot& slot) {
    std::vector<std::int64_t> ids;
    for (const auto& e : slot.programme) ids.push_back(e.item);
    return ids;
}

class ConfigSeed : public testing::Test {
protected:
    lp::test::TempDir dir;
    std::filesystem::path media = dir / "media";
    lp::sqlite::Database db = lp::db::open_store(dir / "lp.db");
    std::ostringstream log_text;
    spdlog::logger log{"library", std::make_shared<spdlog::sinks::ostream_sink_st>(log_text)};

    void SetUp() override {
        std::filesystem::create_directories(media);
        lp::test::make_audio(media / "tin-một.wav", 1.0,
                             {.frequency = 440, .sample_rate = 48000, .channels = 1, .extra_args = ""});
        lp::test::make_audio(media / "bài hai.mp3", 1.5,
                             {.frequency = 660, .sample_rate = 48000, .channels = 1, .extra_args = "-af volume=-15dB"});
    }

    // The config as the daemon reads it (from a file in `dir`), with `slots` appended.
    lp::config::Config config(const std::string& slots) {
        const auto file = dir / "lp.toml";
        std::ofstream(file) << "[daemon]\ndatabase = \"lp.db\"\nmedia_dir = \"media\"\n"
                               "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                            << slots;
        return lp::config::load_file(file);
    }
    lp::library::ConfigSeedResult apply(const std::string& slots) {
        return lp::library::apply_config_slots(db, config(slots), log);
    }
};

constexpr const char* two_slots = R"(
[[slot]]
name = "Bản tin sáng"
start = "05:30"
max_length = "30m"
[[slot.item]]
file = "tin-một.wav"
title = "Dịch vụ công trực tuyến"
topic = "m"
form = "tin"
[[slot.item]]
file = "bài hai.mp3"
title = "Cải cách thủ tục"
topic = "i"
form = "bai"

[[slot]]
name = "Bản tin chiều"
start = "17:00"
[[slot.item]]
file = "bài hai.mp3"
title = "Cải cách thủ tục"
)";

TEST_F(ConfigSeed, ItemsAreImportedLikeMediaAddWithSha256AndLoudness) {
    const auto result = apply(two_slots);
    EXPECT_TRUE(result.applied);
    EXPECT_EQ(result.slots, 2u);
    EXPECT_EQ(result.imported, 2u);
    EXPECT_EQ(result.reused, 1u);  // the second slot names the same bytes again
    EXPECT_TRUE(result.failures.empty());

    const auto items = lp::library::ItemStore(db).list();
    ASSERT_EQ(items.size(), 2u);
    const std::vector<std::filesystem::path> sources{media / "tin-một.wav", media / "bài hai.mp3"};
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        ASSERT_TRUE(item.sha256.has_value()) << item.title;
        EXPECT_EQ(*item.sha256, sha256sum(sources[i]));
        EXPECT_EQ(sha256sum(item.file), *item.sha256) << "the managed copy holds the same bytes";
        EXPECT_EQ(item.file.parent_path(), media);
        EXPECT_EQ(item.file.stem(), *item.sha256);
        ASSERT_TRUE(item.loudness_lufs.has_value()) << item.title;
        ASSERT_TRUE(item.duration_ms.has_value());
    }
    EXPECT_EQ(items[0].title, "Dịch vụ công trực tuyến");
    EXPECT_EQ(items[0].topics, std::vector<std::string>{"m"});
    EXPECT_EQ(items[0].form, "tin");
    EXPECT_NEAR(static_cast<double>(*items[0].duration_ms), 1000.0, 30.0);
    // 15 dB quieter, as measured by EBU R128: gain can bring them to one level on air.
    EXPECT_NEAR(*items[0].loudness_lufs - *items[1].loudness_lufs, 15.0, 1.0);

    const auto rules = lp::scheduler::RuleStore(db).load();
    const auto* morning = slot_named(rules, "Bản tin sáng");
    ASSERT_NE(morning, nullptr);
    EXPECT_EQ(programme_items(*morning), (std::vector<std::int64_t>{items[0].id, items[1].id}));
    EXPECT_EQ(morning->start_of_day, std::chrono::hours(5) + std::chrono::minutes(30));
    for (const auto& item : items) EXPECT_EQ(rules.item(item.id)->approved_by, "tệp cấu hình");
    EXPECT_EQ(rules.item(items[0].id)->duration, std::chrono::milliseconds(*items[0].duration_ms));
}

TEST_F(ConfigSeed, RestartWithTheSameFileKeepsCliEditsAndRemovals) {
    ASSERT_TRUE(apply(two_slots).applied);
    lp::scheduler::RuleStore rules(db);
    // The operator, with the CLI: removes the evening slot, moves the morning one to 06:00 with
    // only its second item, and approves that item under their own name.
    ASSERT_TRUE(rules.remove_slot("Bản tin chiều"));
    auto morning = *slot_named(rules.load(), "Bản tin sáng");
    morning.start_of_day = std::chrono::hours(6);
    morning.programme.erase(morning.programme.begin());
    rules.save_slot(morning);
    ASSERT_TRUE(lp::library::ItemStore(db).approve(morning.programme[0].item, "Nguyễn Văn A"));

    const auto again = apply(two_slots);  // the daemon restarts; the file is the same
    EXPECT_FALSE(again.applied);
    EXPECT_EQ(again.imported + again.reused, 0u);
    const auto after = rules.load();
    EXPECT_EQ(slot_named(after, "Bản tin chiều"), nullptr) << "a removed slot came back";
    const auto* kept = slot_named(after, "Bản tin sáng");
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->start_of_day, std::chrono::hours(6));
    EXPECT_EQ(programme_items(*kept), programme_items(morning));
    EXPECT_EQ(after.item(morning.programme[0].item)->approved_by, "Nguyễn Văn A");
    EXPECT_NE(log_text.str().find("slots unchanged since applied at "), std::string::npos) << log_text.str();

    // Only comments and spacing changed: still the same section.
    EXPECT_FALSE(apply(std::string("# sửa ghi chú\n") + two_slots + "\n\n").applied);
}

TEST_F(ConfigSeed, ChangedFileIsAppliedAgainReusingImportedItems) {
    ASSERT_TRUE(apply(two_slots).applied);
    lp::scheduler::RuleStore rules(db);
    ASSERT_TRUE(rules.remove_slot("Bản tin chiều"));
    ASSERT_TRUE(lp::library::ItemStore(db).approve(lp::library::ItemStore(db).list()[1].id, "Nguyễn Văn A"));

    std::string changed = two_slots;
    changed.replace(changed.find("\"17:00\""), 7, "\"17:30\"");
    const auto result = apply(changed);
    EXPECT_TRUE(result.applied);
    EXPECT_EQ(result.imported, 0u);
    EXPECT_EQ(result.reused, 3u);
    EXPECT_EQ(lp::library::ItemStore(db).list().size(), 2u) << "the same bytes are one item";
    const auto after = rules.load();
    const auto* evening = slot_named(after, "Bản tin chiều");
    ASSERT_NE(evening, nullptr) << "the file's slot is back: the file changed";
    EXPECT_EQ(evening->start_of_day, std::chrono::hours(17) + std::chrono::minutes(30));
    // An approval someone gave is kept; the file approves only what nobody approved.
    EXPECT_EQ(after.item(evening->programme[0].item)->approved_by, "Nguyễn Văn A");
}

TEST_F(ConfigSeed, ItemThatFailsImportIsLoggedAndLeftOutTheSlotAirsTheRest) {
    // Damaged in the middle: FFmpeg cannot decode it all.
    lp::test::make_audio(media / "hỏng.mp3", 20.0);
    {
        std::fstream f(media / "hỏng.mp3", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(media / "hỏng.mp3") / 2));
        for (int i = 0; i < 4000; ++i) f.put(static_cast<char>((i * 37) & 0xff));
    }
    const auto result = apply(R"(
[[slot]]
name = "Bản tin sáng"
start = "05:30"
[[slot.item]]
file = "không-có.wav"
[[slot.item]]
file = "tin-một.wav"
[[slot.item]]
file = "hỏng.mp3"
)");
    EXPECT_TRUE(result.applied);
    ASSERT_EQ(result.failures.size(), 2u);
    EXPECT_EQ(result.failures[0].file, media / "không-có.wav");
    EXPECT_EQ(result.failures[1].file, media / "hỏng.mp3");
    const auto text = log_text.str();
    EXPECT_NE(text.find("item " + (media / "không-có.wav").string() + " left out of slot \"Bản tin sáng\": "),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("No such file or directory"), std::string::npos) << text;
    EXPECT_NE(text.find("item " + (media / "hỏng.mp3").string() + " left out of slot"), std::string::npos) << text;

    const auto items = lp::library::ItemStore(db).list();
    ASSERT_EQ(items.size(), 1u);
    const auto rules = lp::scheduler::RuleStore(db).load();  // outlives the slot pointer
    const auto* slot = slot_named(rules, "Bản tin sáng");
    ASSERT_NE(slot, nullptr);
    EXPECT_EQ(programme_items(*slot), std::vector<std::int64_t>{items[0].id});
}

TEST(ConfigSlotsFingerprint, ChangesWithEveryValue) {
    const auto base = lp::config::parse("[[slot]]\nname = \"S\"\nstart = \"05:30\"\n[[slot.item]]\nfile = \"a.wav\"\n",
                                        "t.toml", "/srv/lp");
    const auto fp = lp::library::slots_fingerprint(base.slots);
    EXPECT_EQ(fp.size(), 64u);
    EXPECT_EQ(fp, lp::library::slots_fingerprint(base.slots));
    const auto variant = [&](auto change) {
        auto slots = base.slots;
        change(slots[0]);
        return lp::library::slots_fingerprint(slots);
    };
    EXPECT_NE(fp, variant([](auto& s) { s.name = "T"; }));
    EXPECT_NE(fp, variant([](auto& s) { s.days = {1, 3}; }));
    EXPECT_NE(fp, variant([](auto& s) { s.start_of_day += std::chrono::seconds(1); }));
    EXPECT_NE(fp, variant([](auto& s) { s.relative_start = std::chrono::seconds(19800); }));
    EXPECT_NE(fp, variant([](auto& s) { s.max_length = std::chrono::minutes(30); }));
    EXPECT_NE(fp, variant([](auto& s) { s.outputs = {"loa"}; }));
    EXPECT_NE(fp, variant([](auto& s) { s.items[0].file = "/srv/lp/b.wav"; }));
    EXPECT_NE(fp, variant([](auto& s) { s.items[0].title = "A"; }));
    EXPECT_NE(fp, variant([](auto& s) { s.items[0].topic = "m"; }));
    EXPECT_NE(fp, variant([](auto& s) { s.items[0].form = "tin"; }));
    EXPECT_NE(fp, variant([](auto& s) { s.items.push_back(s.items[0]); }));
    EXPECT_NE(fp, lp::library::slots_fingerprint({}));
}

}  // namespace
