// The reason a failed airing gets in the journal reads in Vietnamese first, FFmpeg's text after.
#include <gtest/gtest.h>

#include "daemon/FailureNote.hpp"

namespace {

using lp::daemon::failure_note;

TEST(FailureNote, SaysWhatWentWrongInVietnameseThenKeepsTheTechnicalText) {
    const std::string missing = "/m/a.mp3: avformat_open_input() failed: No such file or directory";
    EXPECT_EQ(failure_note(missing), "Không tìm thấy tệp âm thanh. Chi tiết kỹ thuật: " + missing);
    EXPECT_TRUE(failure_note("/m/v.mp4: no audio stream").starts_with("Tệp không chứa âm thanh. "));
    EXPECT_TRUE(failure_note("/m/x.mp3: at 12.480 s: decoding failed: Invalid data found when processing input")
                    .starts_with("Tệp âm thanh bị hỏng giữa chừng"));
    EXPECT_TRUE(failure_note("/m/t.mp3: avformat_open_input() failed: Invalid data found when processing input")
                    .starts_with("Tệp không phải âm thanh hợp lệ hoặc đã hỏng. "));
    EXPECT_TRUE(failure_note("no output could be opened: loa: alsa 'hw:9': Input/output error")
                    .starts_with("Không mở được đầu ra nào (loa, luồng phát). "));
    EXPECT_TRUE(failure_note("every output failed: loa: ...").starts_with("Mọi đầu ra"));
}

TEST(FailureNote, TheReasonAloneLeavesTheTechnicalTextOut) {
    // For the journal's reason column; the technical text goes to the row's detail.
    EXPECT_EQ(lp::daemon::failure_reason("/m/a.mp3: avformat_open_input() failed: No such file or directory"),
              "Không tìm thấy tệp âm thanh");
    EXPECT_EQ(lp::daemon::failure_reason("something new"), "Không phát được");
}

TEST(FailureNote, AnUnknownReasonStillSaysItDidNotAir) {
    EXPECT_EQ(failure_note("something new"), "Không phát được. Chi tiết kỹ thuật: something new");
    EXPECT_EQ(failure_note(""), "Không phát được.");
}

}  // namespace
