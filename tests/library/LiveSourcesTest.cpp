// Live sources in the library: every wrong address, length, kind or fallback refused with a
// Vietnamese message naming it before anything is saved; a good one read back by the
// scheduler as a live item. Then the operator's `loaphuong media add-source` on the real binary.

#include <gtest/gtest.h>

#include "tests/support/AlsaTap.hpp"

#include <fstream>

#include "db/Store.hpp"
#include "library/LiveSources.hpp"
#include "scheduler/RuleStore.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::library::LiveSourceError;

// The message a refused URL gets (empty: accepted).
std::string refusal(const std::string& url) {
    try {
        lp::library::check_live_url(url);
        return "";
    } catch (const LiveSourceError& e) {
        EXPECT_EQ(e.field(), "url");
        return e.what();
    }
}

bool says(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(LiveSources, AddressesAreCheckedAsFarAsTheyCanBeWithoutAiring) {
    lp::test::TempDir dir;
    EXPECT_EQ(refusal("http://radio.example.vn/vov1.mp3"), "");
    EXPECT_EQ(refusal("https://user:pw@radio.example.vn:8443/live/playlist.m3u8"), "");
    EXPECT_EQ(refusal("rtp://239.0.0.1:5004"), "");
    EXPECT_EQ(refusal("udp://@:1234"), "Địa chỉ nguồn \"udp://@:1234\" không hợp lệ: thiếu tên máy hoặc địa chỉ IP.");
    EXPECT_TRUE(says(refusal("ftp://radio.example.vn/a.mp3"), "Giao thức \"ftp\""));
    EXPECT_TRUE(says(refusal("radio.example.vn/vov1"), "cần dạng giao-thức://máy/đường-dẫn"));
    EXPECT_TRUE(says(refusal("http://radio example/vov1"), "có khoảng trắng"));
    EXPECT_TRUE(says(refusal("http:///vov1"), "thiếu tên máy"));
    EXPECT_TRUE(says(refusal("http://radio.example.vn:99999/x"), "cổng \"99999\""));
    EXPECT_TRUE(says(refusal(""), "Hãy nhập địa chỉ"));
    EXPECT_TRUE(says(refusal("mic"), "ghi dạng alsa:TÊN"));
    EXPECT_TRUE(says(refusal("hw:1,0"), "alsa:hw:1,0"));
    EXPECT_TRUE(says(refusal("alsa:"), "thiếu tên thiết bị thu âm"));
    // A capture device is checked by opening it: one of the test's ALSA config opens, a name
    // ALSA does not know, or a device whose file is gone, is refused with ALSA's reason.
    lp::test::AlsaTap alsa;
    const auto tone = dir / "tone.raw";
    std::ofstream(tone) << std::string(4, '\0');
    alsa.add_capture("mic", tone);
    EXPECT_EQ(refusal("alsa:mic"), "");
    EXPECT_TRUE(says(refusal("alsa:nosuch"),
                     "Thiết bị thu âm \"nosuch\" không có trên máy này (alsa:nosuch: "
                     "snd_pcm_open() failed: No such file or directory)"))
        << refusal("alsa:nosuch");
    std::filesystem::remove(tone);
    EXPECT_TRUE(says(refusal("alsa:mic"), "Thiết bị thu âm \"mic\" không có trên máy này")) << refusal("alsa:mic");
    const auto sdp = (dir / "station.sdp").string();
    EXPECT_TRUE(says(refusal(sdp), "không có tệp " + sdp));
    EXPECT_TRUE(says(refusal("file://" + sdp), "không có tệp"));
    std::ofstream(sdp) << "v=0\n";
    EXPECT_EQ(refusal(sdp), "");
}

TEST(LiveSources, ASourceIsSavedAsALiveItemTheSchedulerReads) {
    lp::test::TempDir dir;
    auto db = lp::db::open_store(dir / "lp.db");
    lp::library::LiveSourceRequest r;
    r.url = "http://radio.example.vn/vov1.mp3";
    r.title = "Thời sự VOV1";
    r.length = 30min;
    r.topics = {"a", "m"};
    r.form = "tin";
    const auto field_of = [&](const lp::library::LiveSourceRequest& bad) {
        try {
            lp::library::add_live_source(db, bad);
        } catch (const LiveSourceError& e) {
            return e.field();
        }
        return std::string{"accepted"};
    };
    auto bad = r;
    bad.length = 0s;
    EXPECT_EQ(field_of(bad), "length");
    bad = r;
    bad.kind = "radio";
    EXPECT_EQ(field_of(bad), "kind");
    bad = r;
    bad.title = " ";
    EXPECT_EQ(field_of(bad), "title");
    bad = r;
    bad.fallback = 42;
    EXPECT_EQ(field_of(bad), "fallback");
    const auto id = lp::library::add_live_source(db, r);
    EXPECT_EQ(field_of(r), "url") << "the same source twice";

    const auto rules = lp::scheduler::RuleStore(db).load();
    const auto* item = rules.item(id);
    ASSERT_NE(item, nullptr);
    EXPECT_TRUE(item->is_live());
    EXPECT_EQ(item->live_url, r.url);
    EXPECT_EQ(item->live_kind, "tiep_song");
    EXPECT_EQ(item->duration, 30min);
    EXPECT_EQ(item->topics, (std::vector<std::string>{"a", "m"}));
    EXPECT_EQ(item->form, "tin");
    EXPECT_FALSE(item->approved_by) << "a source needs approval like a recording";
}

TEST(LiveSources, TheOperatorAddsOneWithTheCliAndBadOnesExitTwoWithTheReason) {
    lp::test::TempDir dir;
    const auto config = (dir / "lp.toml").string();
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n";
    const auto run = [&](const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + lp::test::shell_quote(config) + " media " + args);
    };
    auto r = run("add-source --url http://radio.example.vn/vov1.mp3 --title 'Thời sự VOV1' --length 30m --topic a");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(says(r.output, "Đã thêm nguồn #1 \"Thời sự VOV1\" (tiếp sóng, 30m)")) << r.output;
    const std::vector<std::pair<std::string, std::string>> refused{
        {"--url ftp://x/y --title X --length 30m", "--url: Giao thức \"ftp\""},
        {"--url http://x/y --title X --length soon", "--length \"soon\" không hợp lệ"},
        {"--url http://x/y --title X --length 5m --fallback 9", "--fallback: Tin, bài dự phòng số 9"},
        {"--url http://x/y --title X --length 5m --topic zz", "--topic: không có mã nội dung"},
    };
    for (const auto& [args, message] : refused) {
        r = run("add-source " + args);
        EXPECT_EQ(r.exit_code, 2) << args;
        EXPECT_TRUE(says(r.output, message)) << r.output;
    }
}

}  // namespace
