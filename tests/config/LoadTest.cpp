#include <gtest/gtest.h>

#include <string>

#include "TempDir.hpp"
#include "config/ConfigError.hpp"
#include "config/Load.hpp"

namespace lp::config {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr std::string_view good_toml = R"(# Phường An Hải
[daemon]
database = "var/loaphuong.db"
media_dir = "media"
time_zone = "Asia/Ho_Chi_Minh"
log_level = "debug"
grace = "10m"

[organisation]
parent_body = "UBND PHƯỜNG AN HẢI"
issuing_body = "TRUNG TÂM DỊCH VỤ SỰ NGHIỆP CÔNG"
place = "Sơn Trà"
preparer_title = "NGƯỜI LẬP"
head_title = "PHÓ GIÁM ĐỐC"

[[output]]
name = "loa"
kind = "alsa"
device = "hw:0,0"
sample_rate = 44100
channels = 1

[[output]]
name = "ghi-am"
kind = "file"
path = "var/air/phat.wav"

[[output]]
name = "câm"
kind = "null"

[[slot]]
name = "Sáng"
days = ["t2", "t4", "t6", "cn"]
start = "05:30"
max_length = "1h30m"
outputs = ["loa", "ghi-am"]

[[slot.item]]
file = "cchc-01.mp3"
title = "Cải cách thủ tục hành chính"
topic = "dd"
form = "phong_su"

[[slot.item]]
file = "/srv/nhac/nhạc hiệu.ogg"

[[slot]]
name = "Chiều"
days = ["mon", "Fri", "sat"]
start = "17:45:15"
max_length = "90s"

[[slot.item]]
file = "sub/tin-chieu.wav"
topic = "a"
form = "tin"

[[slot]]
name = "Thử"
start = "+90s"

[[slot.item]]
file = "../thu.wav"
title = "Thử loa"
form = "thong_bao"

[[slot]]
name = "Sáng sớm"
start = 05:00:00
max_length = "15m"

[[slot.item]]
file = "x.mp3"
)";

TEST(LoadFile, ReadsEveryField) {
    test::TempDir dir;
    const fs::path file = dir.write("etc/loaphuong.toml", good_toml);
    const fs::path base = dir.path() / "etc";

    const Config c = load_file(file);
    EXPECT_EQ(c.source, file);
    EXPECT_EQ(c.database, base / "var/loaphuong.db");
    EXPECT_EQ(c.media_dir, base / "media");
    EXPECT_EQ(c.time_zone, "Asia/Ho_Chi_Minh");
    EXPECT_EQ(c.log_level, "debug");
    EXPECT_EQ(c.grace, 10min);

    EXPECT_EQ(c.organisation.parent_body, "UBND PHƯỜNG AN HẢI");
    EXPECT_EQ(c.organisation.issuing_body, "TRUNG TÂM DỊCH VỤ SỰ NGHIỆP CÔNG");
    EXPECT_EQ(c.organisation.place, "Sơn Trà");
    EXPECT_EQ(c.organisation.preparer_title, "NGƯỜI LẬP");
    EXPECT_EQ(c.organisation.head_title, "PHÓ GIÁM ĐỐC");

    ASSERT_EQ(c.outputs.size(), 3u);
    EXPECT_EQ(c.outputs[0].name, "loa");
    EXPECT_EQ(c.outputs[0].kind, "alsa");
    EXPECT_EQ(c.outputs[0].target, "hw:0,0");
    EXPECT_EQ(c.outputs[0].format.sample_rate, 44100);
    EXPECT_EQ(c.outputs[0].format.channels, 1);
    EXPECT_EQ(c.outputs[1].name, "ghi-am");
    EXPECT_EQ(c.outputs[1].kind, "file");
    EXPECT_EQ(c.outputs[1].target, (base / "var/air/phat.wav").string());
    EXPECT_EQ(c.outputs[1].format.sample_rate, 48000);
    EXPECT_EQ(c.outputs[1].format.channels, 2);
    EXPECT_EQ(c.outputs[2].name, "câm");
    EXPECT_EQ(c.outputs[2].kind, "null");
    EXPECT_TRUE(c.outputs[2].target.empty());

    ASSERT_EQ(c.slots.size(), 4u);
    const SlotConfig& morning = c.slots[0];
    EXPECT_EQ(morning.name, "Sáng");
    EXPECT_EQ(morning.days, (std::vector<unsigned>{0, 1, 3, 5}));
    EXPECT_EQ(morning.start_of_day, 5h + 30min);
    EXPECT_FALSE(morning.relative_start.has_value());
    EXPECT_EQ(morning.max_length, 90min);
    EXPECT_EQ(morning.outputs, (std::vector<std::string>{"loa", "ghi-am"}));
    ASSERT_EQ(morning.items.size(), 2u);
    EXPECT_EQ(morning.items[0].file, base / "media/cchc-01.mp3");
    EXPECT_EQ(morning.items[0].title, "Cải cách thủ tục hành chính");
    EXPECT_EQ(morning.items[0].topic, "dd");
    EXPECT_EQ(morning.items[0].form, "phong_su");
    EXPECT_EQ(morning.items[1].file, fs::path("/srv/nhac/nhạc hiệu.ogg"));
    EXPECT_EQ(morning.items[1].title, "nhạc hiệu");
    EXPECT_EQ(morning.items[1].topic, "other");
    EXPECT_EQ(morning.items[1].form, "other");

    const SlotConfig& evening = c.slots[1];
    EXPECT_EQ(evening.name, "Chiều");
    EXPECT_EQ(evening.days, (std::vector<unsigned>{1, 5, 6}));
    EXPECT_EQ(evening.start_of_day, 17h + 45min + 15s);
    EXPECT_EQ(evening.max_length, 90s);
    EXPECT_TRUE(evening.outputs.empty());
    ASSERT_EQ(evening.items.size(), 1u);
    EXPECT_EQ(evening.items[0].file, base / "media/sub/tin-chieu.wav");
    EXPECT_EQ(evening.items[0].title, "tin-chieu");
    EXPECT_EQ(evening.items[0].topic, "a");
    EXPECT_EQ(evening.items[0].form, "tin");

    const SlotConfig& trial = c.slots[2];
    EXPECT_EQ(trial.days, (std::vector<unsigned>{0, 1, 2, 3, 4, 5, 6}));
    ASSERT_TRUE(trial.relative_start.has_value());
    EXPECT_EQ(*trial.relative_start, 90s);
    EXPECT_EQ(trial.max_length, 60min);
    ASSERT_EQ(trial.items.size(), 1u);
    EXPECT_EQ(trial.items[0].file, base / "thu.wav");  // "media/../thu.wav", normalised
    EXPECT_EQ(trial.items[0].title, "Thử loa");
    EXPECT_EQ(trial.items[0].form, "thong_bao");

    const SlotConfig& early = c.slots[3];  // a TOML local time works too
    EXPECT_EQ(early.start_of_day, 5h);
    EXPECT_EQ(early.max_length, 15min);
}

TEST(LoadFile, MinimalFileGetsDefaults) {
    test::TempDir dir;
    const Config c = load_file(dir.write("empty.toml", ""));
    EXPECT_EQ(c.database, dir.path() / "var/loaphuong.db");
    EXPECT_EQ(c.media_dir, dir.path() / "var/media");
    EXPECT_EQ(c.time_zone, "Asia/Ho_Chi_Minh");
    EXPECT_EQ(c.log_level, "info");
    EXPECT_EQ(c.grace, 5min);
    EXPECT_EQ(c.organisation.place, "An Hải");
    EXPECT_TRUE(c.outputs.empty());
    EXPECT_TRUE(c.slots.empty());
}

TEST(LoadFile, RelativeStartInMinutesAndAbsoluteMediaDir) {
    test::TempDir dir;
    const Config c = load_file(dir.write("a.toml", R"(
[daemon]
media_dir = "/srv/media"
database = "/var/lib/loaphuong/lp.db"
[[slot]]
name = "x"
start = "+2m"
[[slot.item]]
file = "a.wav"
)"));
    EXPECT_EQ(c.database, fs::path("/var/lib/loaphuong/lp.db"));
    ASSERT_EQ(c.slots.size(), 1u);
    EXPECT_EQ(c.slots[0].relative_start, std::optional<std::chrono::seconds>(120s));
    EXPECT_EQ(c.slots[0].items[0].file, fs::path("/srv/media/a.wav"));
}

TEST(LoadFile, MissingFile) {
    test::TempDir dir;
    const fs::path file = dir.path() / "nope.toml";
    try {
        load_file(file);
        FAIL() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_EQ(std::string(e.what()), file.string() + ": cannot read: No such file or directory");
    }
}

TEST(LoadFile, FolderInsteadOfFile) {
    test::TempDir dir;
    try {
        load_file(dir.path());
        FAIL() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_EQ(std::string(e.what()), dir.path().string() + ": cannot read: Is a directory");
    }
}

TEST(LoadFile, ErrorsNameTheFileAsGiven) {
    test::TempDir dir;
    const fs::path file = dir.write("demo.toml", "[daemon]\nlog_level = \"info\"\ndatabse = \"x.db\"\n");
    try {
        load_file(file);
        FAIL() << "no error";
    } catch (const ConfigError& e) {
        EXPECT_EQ(std::string(e.what()), file.string() + ":3: daemon.databse: unknown key");
    }
}

TEST(Parse, RelativeBaseDirIsMadeAbsolute) {
    const Config c = parse("[daemon]\ndatabase = \"lp.db\"\n", "x.toml", "conf");
    EXPECT_EQ(c.source, fs::path("x.toml"));
    EXPECT_EQ(c.database, fs::current_path() / "conf/lp.db");
}

TEST(EmbeddedDefault, IsTheDemo) {
    const Config c = embedded_default();
    const fs::path cwd = fs::current_path();
    EXPECT_EQ(c.source, fs::path("<embedded>"));
    EXPECT_EQ(c.database, cwd / "var/loaphuong.db");
    EXPECT_EQ(c.media_dir, cwd / "var/media");
    EXPECT_EQ(c.time_zone, "Asia/Ho_Chi_Minh");
    EXPECT_EQ(c.log_level, "info");
    ASSERT_EQ(c.outputs.size(), 2u);
    EXPECT_EQ(c.outputs[0].name, "loa");
    EXPECT_EQ(c.outputs[0].kind, "alsa");
    EXPECT_EQ(c.outputs[0].target, "null");
    EXPECT_EQ(c.outputs[1].name, "ghi-am");
    EXPECT_EQ(c.outputs[1].kind, "file");
    EXPECT_EQ(c.outputs[1].target, (cwd / "var/air/demo.wav").string());
    ASSERT_EQ(c.slots.size(), 1u);
    const SlotConfig& s = c.slots[0];
    EXPECT_EQ(s.name, "Bản tin CCHC (demo)");
    EXPECT_EQ(s.relative_start, std::optional<std::chrono::seconds>(60s));
    EXPECT_EQ(s.max_length, 10min);
    EXPECT_TRUE(s.outputs.empty());
    ASSERT_EQ(s.items.size(), 1u);
    EXPECT_EQ(s.items[0].file, cwd / "var/media/demo.wav");
    EXPECT_EQ(s.items[0].title, "Bản tin cải cách hành chính (demo)");
    EXPECT_EQ(s.items[0].topic, "a");
    EXPECT_EQ(s.items[0].form, "tin");
}

}  // namespace
}  // namespace lp::config
