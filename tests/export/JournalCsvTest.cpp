#include <gtest/gtest.h>

#include "domain/Time.hpp"
#include "export/Csv.hpp"
#include "export/JournalTable.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::JournalRow;
using lp::journal::Status;

JournalRow completed_row() {
    JournalRow r;
    r.id = 7;
    r.plan = {lp::domain::from_utc_text("2026-03-31T22:30:00.000Z"),
              3,
              "/m/a.mp3",
              "Dịch vụ công trực tuyến, \"một cửa\"",
              {"m"},
              "phong_su",
              "Sáng"};
    r.started_at = r.plan.scheduled_at + 4ms;
    r.ended_at = r.plan.scheduled_at + 185s;
    r.outputs = {"loa", "ghi-am"};
    r.played = 185s;
    r.ordinal = 12;
    r.status = Status::completed;
    return r;
}

TEST(JournalCsv, StartsWithBomAndHasVietnameseHeaders) {
    const auto csv = lp::exporting::journal_csv({}, lp::domain::zone("Asia/Ho_Chi_Minh"));
    ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(csv.substr(3),
              "STT,Ngày,Giờ theo lịch,Giờ bắt đầu,Giờ kết thúc,Thời lượng,\"Tên tin, bài\",Nội dung,Hình thức,"
              "Lượt phát thứ,Khung giờ,Đầu ra,Kết quả,Ghi chú,Chi tiết kỹ thuật\r\n");
}

TEST(JournalCsv, ShowsLocalDateAndTimeLabelsAndQuotes) {
    // 22:30 UTC on 31/03 is 05:30 on 01/04 in Vietnam: the local day is the one shown.
    const auto table = lp::exporting::journal_table({completed_row()}, lp::domain::zone("Asia/Ho_Chi_Minh"));
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0],
              (std::vector<std::string>{"1", "01/04/2026", "05:30:00", "05:30:00", "05:33:05", "00:03:05",
                                        "Dịch vụ công trực tuyến, \"một cửa\"",
                                        "Dịch vụ công trực tuyến, đường dây nóng, tiếp nhận phản ánh, kiến nghị",
                                        "Phóng sự", "12", "Sáng", "loa, ghi-am", "Đã phát", "", ""}));
    const auto csv = lp::exporting::journal_csv({completed_row()}, lp::domain::zone("Asia/Ho_Chi_Minh"));
    EXPECT_NE(csv.find("\"Dịch vụ công trực tuyến, \"\"một cửa\"\"\""), std::string::npos);
}

TEST(JournalCsv, AFailedRowShowsItsScheduledTimeAndReason) {
    JournalRow r = completed_row();
    r.started_at.reset();
    r.ended_at = r.plan.scheduled_at + 1s;
    r.played = 0ms;
    r.ordinal.reset();
    r.status = Status::failed;
    r.outputs.clear();
    r.reason = "Không tìm thấy tệp âm thanh";
    r.detail = "/m/a.mp3: avformat_open_input() failed: No such file or directory";
    const auto table = lp::exporting::journal_table({r}, lp::domain::zone("Asia/Ho_Chi_Minh"));
    EXPECT_EQ(table.rows[0][1], "01/04/2026");
    EXPECT_EQ(table.rows[0][3], "");
    EXPECT_EQ(table.rows[0][9], "");
    EXPECT_EQ(table.rows[0][12], "Không phát được");
    EXPECT_EQ(table.rows[0][13], r.reason);
    EXPECT_EQ(table.rows[0][14], r.detail);  // a column of its own
}

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
    lp::exporting::CsvWriter w;
    w.row({"a", "b,c", "d\"e", "f\ng"});
    EXPECT_EQ(w.text(),
              "\xEF\xBB\xBF"
              "a,\"b,c\",\"d\"\"e\",\"f\ng\"\r\n");
}

}  // namespace
