// Period arithmetic and report totals: pure, no database.
#include <gtest/gtest.h>

#include "domain/Lists.hpp"
#include "domain/Time.hpp"
#include "export/Period.hpp"
#include "export/Report.hpp"

namespace {

using namespace std::chrono_literals;
using lp::domain::LocalDate;
using namespace lp::exporting;

TEST(Period, QuarterInWordsAndDates) {
    const auto q = parse_period("2026Q1");
    ASSERT_TRUE(q);
    EXPECT_EQ(q->kind, Period::Kind::quarter);
    EXPECT_EQ(q->first, (LocalDate{2026, 1, 1}));
    EXPECT_EQ(q->last, (LocalDate{2026, 3, 31}));
    EXPECT_EQ(q->words(), "Quý I năm 2026");
    EXPECT_EQ(q->words_with_dates(), "Quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)");
    EXPECT_EQ(q->code(), "2026Q1");
    EXPECT_EQ(parse_period("Q4/2026")->words_with_dates(), "Quý IV năm 2026 (từ ngày 01/10/2026 đến ngày 31/12/2026)");
    EXPECT_EQ(parse_period("2026-q2")->last, (LocalDate{2026, 6, 30}));
}

TEST(Period, MonthHalfYearCustom) {
    EXPECT_EQ(parse_period("2028-02")->last, (LocalDate{2028, 2, 29}));  // leap year
    EXPECT_EQ(parse_period("02/2027")->last, (LocalDate{2027, 2, 28}));
    EXPECT_EQ(parse_period("T3/2026")->words(), "Tháng 3 năm 2026");
    EXPECT_EQ(parse_period("2026H1")->words_with_dates(),
              "6 tháng đầu năm 2026 (từ ngày 01/01/2026 đến ngày 30/06/2026)");
    EXPECT_EQ(parse_period("H2/2026")->words(), "6 tháng cuối năm 2026");
    EXPECT_EQ(parse_period("2026")->words_with_dates(), "Năm 2026 (từ ngày 01/01/2026 đến ngày 31/12/2026)");
    const auto c = parse_period("05/01/2026-10/02/2026");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->words_with_dates(), "Từ ngày 05/01/2026 đến ngày 10/02/2026");
    EXPECT_EQ(c->code(), "2026-01-05..2026-02-10");
    EXPECT_EQ(parse_period(c->code()), c);  // the code reads back
    for (const auto& p : {"2026Q1", "2026H2", "2026-11", "2026"})
        EXPECT_EQ(parse_period(parse_period(p)->code()), parse_period(p));
}

TEST(Period, BadInputIsRejected) {
    for (const char* bad : {"", "2026Q5", "Q0/2026", "2026-13", "13/2026", "2026H3", "abc", "31/02/2026-01/03/2026",
                            "10/02/2026-05/01/2026", "99999", "2026Q1x"})
        EXPECT_FALSE(parse_period(bad).has_value()) << bad;
}

TEST(Period, ReportsFallDueInTheLastMonthBeforeThe8th) {
    EXPECT_TRUE(reports_due_on({2026, 2, 1}, 1).empty());
    EXPECT_TRUE(reports_due_on({2026, 3, 2}, 1).empty());
    EXPECT_EQ(reports_due_on({2026, 3, 1}, 1), (std::vector<Period>{quarter_period(2026, 1)}));
    EXPECT_EQ(reports_due_on({2026, 6, 5}, 5), (std::vector<Period>{quarter_period(2026, 2), half_period(2026, 1)}));
    EXPECT_EQ(reports_due_on({2026, 12, 1}, 1),
              (std::vector<Period>{quarter_period(2026, 4), half_period(2026, 2), year_period(2026)}));
    EXPECT_EQ(quarter_period(2026, 3).last_month_first_day(), (LocalDate{2026, 9, 1}));
}

// `topics`: comma-separated codes.
lp::journal::JournalRow row(std::int64_t id, std::optional<std::int64_t> item, const char* title, const char* topics,
                            const char* form, lp::journal::Status status, std::chrono::milliseconds played) {
    lp::journal::JournalRow r;
    r.id = id;
    r.plan = {lp::domain::from_utc_text("2026-01-05T22:30:00.000Z") + std::chrono::hours(id),
              item,
              "",
              title,
              lp::domain::split_commas(topics),
              form,
              "Sáng"};
    if (lp::journal::reached_listeners(status)) r.started_at = r.plan.scheduled_at;
    r.ended_at = r.plan.scheduled_at + played;
    r.played = played;
    r.status = status;
    r.seal = std::string(64, static_cast<char>('a' + id % 6));
    return r;
}

TEST(Report, TotalsPerItemTopicFormWithCorrectionsFolded) {
    using S = lp::journal::Status;
    std::vector<lp::journal::JournalRow> rows{
        row(1, 1, "Dịch vụ công", "m", "tin", S::completed, 60s),
        row(2, 2, "Tiếp công dân", "b", "thong_bao", S::completed, 30s),
        row(3, 1, "Dịch vụ công", "m", "tin", S::interrupted, 20s),
        row(4, 1, "Dịch vụ công", "m", "tin", S::failed, 0s),
        row(5, std::nullopt, "Đọc trực tiếp: lịch trực", "b", "thong_bao", S::completed, 900s),
    };
    rows[4].manual_by = "Lan";
    auto fix = row(6, 2, "Tiếp công dân", "b", "phong_su", S::completed, 30s);
    fix.plan.scheduled_at = rows[1].plan.scheduled_at;
    fix.corrects = 2;
    fix.manual_by = "Minh";
    fix.reason = "Nhầm hình thức";
    rows.push_back(fix);
    rows[0].start_lateness = 700us;  // the two that opened their programmes
    rows[1].start_lateness = 300us;

    const auto r = build_report(quarter_period(2026, 1), {}, {2026, 4, 2}, rows, {6, std::string(64, 'f')});
    EXPECT_EQ(r.punctuality.programmes, 2);
    EXPECT_EQ(r.punctuality.max, 700us);
    EXPECT_EQ(r.lines[1].row.start_lateness, 300us);  // kept through the correction
    ASSERT_EQ(r.lines.size(), 5u);                    // the correction is folded into row 2
    EXPECT_EQ(r.lines[1].row.plan.form, "phong_su");
    EXPECT_NE(r.lines[1].note.find("Đính chính"), std::string::npos);
    EXPECT_NE(r.lines[1].note.find("\"Thông báo\" → \"Phóng sự\""), std::string::npos) << r.lines[1].note;
    EXPECT_NE(r.lines[1].note.find("Nhầm hình thức"), std::string::npos);
    EXPECT_EQ(r.lines[4].note, "Nhập tay: Lan");
    EXPECT_EQ(r.airings, 4);
    EXPECT_EQ(r.not_aired, 1);
    EXPECT_EQ(r.airtime, 1010s);
    ASSERT_EQ(r.items.size(), 3u);
    EXPECT_EQ(r.items[0].title, "Dịch vụ công");
    EXPECT_EQ(r.items[0].airings, 2);
    EXPECT_EQ(r.items[0].airtime, 80s);
    EXPECT_EQ(r.items[0].first, rows[0].started_at);
    EXPECT_EQ(r.items[0].last, rows[2].started_at);
    EXPECT_TRUE(r.items[2].manual);
    const auto topic = [&](const std::string& code) {
        for (const auto& g : r.topics)
            if (g.code == code) return g;
        return GroupTotal{};
    };
    EXPECT_EQ(topic("m").airings, 2);
    EXPECT_EQ(topic("b").airings, 2);
    EXPECT_EQ(topic("b").items, 2);
    EXPECT_EQ(topic("b").airtime, 930s);
    EXPECT_EQ(r.topics.size(), 14u);  // every heading of the plan, aired or not
    EXPECT_EQ(r.forms.size(), 8u);
    EXPECT_EQ(r.stamp.rows, 6);
    EXPECT_EQ(r.stamp.head_seq, 6);
    EXPECT_EQ(r.stamp.digest, seal_digest(rows));
    EXPECT_EQ(place_and_date(r), "An Hải, ngày 02 tháng 04 năm 2026");
}

TEST(Report, AnItemWithSeveralTopicsCountsUnderEachAndTheTotalLineCountsItOnce) {
    using S = lp::journal::Status;
    const std::vector<lp::journal::JournalRow> rows{
        row(1, 1, "Chuyển đổi số trong thủ tục hành chính", "k,m", "bai", S::completed, 300s),
        row(2, 1, "Chuyển đổi số trong thủ tục hành chính", "k,m", "bai", S::completed, 300s),
        row(3, 2, "Tiếp công dân", "b", "thong_bao", S::completed, 60s),
    };
    const auto r = build_report(quarter_period(2026, 1), {}, {2026, 4, 2}, rows, {3, std::string(64, 'f')});
    const auto topic = [&](const std::string& code) {
        for (const auto& g : r.topics)
            if (g.code == code) return g;
        return GroupTotal{};
    };
    EXPECT_EQ(topic("k").airings, 2);
    EXPECT_EQ(topic("m").airings, 2);  // not only the first topic
    EXPECT_EQ(topic("m").items, 1);
    EXPECT_EQ(topic("m").airtime, 600s);
    EXPECT_EQ(topic("b").airings, 1);
    EXPECT_EQ(r.items[0].topics, (std::vector<std::string>{"k", "m"}));
    // The lines add up to 5 airings; the total line says what aired: 3 airings of 2 items.
    const auto t = group_table(r.topics, "Nội dung", r);
    EXPECT_EQ(t.rows.back(), (std::vector<std::string>{"", "Tổng cộng", "2", "3", "00:11:00"}));
    // Both topics are named wherever the row is shown.
    const auto* tz = lp::domain::zone("Asia/Ho_Chi_Minh");
    EXPECT_EQ(detail_table(r, tz).rows[0][6],
              "Chương trình CCHC thành phố gắn với chuyển đổi số; "
              "Dịch vụ công trực tuyến, đường dây nóng, tiếp nhận phản ánh, kiến nghị");
}

TEST(Report, PunctualityIsNearestRankOverTheProgrammesThatCarryIt) {
    std::vector<std::chrono::microseconds> lateness;
    for (int i = 100; i >= 1; --i) lateness.push_back(std::chrono::microseconds{i * 10});  // 10 µs .. 1 ms, reversed
    const auto p = punctuality_of(lateness);
    EXPECT_EQ(p.programmes, 100);
    EXPECT_EQ(p.p50, 500us);
    EXPECT_EQ(p.p99, 990us);
    EXPECT_EQ(p.max, 1000us);
    const auto one = punctuality_of({2300us});
    EXPECT_EQ(one.p50, 2300us);
    EXPECT_EQ(one.p99, 2300us);
    EXPECT_EQ(punctuality_of({}).programmes, 0);
    // Three values: p50 is the 2nd, p99 the 3rd.
    const auto three = punctuality_of({900us, 100us, 400us});
    EXPECT_EQ(three.p50, 400us);
    EXPECT_EQ(three.p99, 900us);
    EXPECT_EQ(punctuality_line(three),
              "Độ đúng giờ (âm thanh đầu tiên so với giờ phát đã định, 3 lần mở đầu chương trình): trung vị 0,4 ms; "
              "99% không chậm quá 0,9 ms; chậm nhất 0,9 ms.");
}

TEST(Report, StampMarkerReadsBackFromText) {
    const ChainStamp s{"2026Q1", 12, 40, std::string(64, 'a'), std::string(64, 'b')};
    const auto found = ChainStamp::find_in("xx <t>" + s.marker() + "</t> yy");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->marker(), s.marker());
    EXPECT_FALSE(ChainStamp::find_in("LP-SEAL/1 period=2026Q1 rows=x").has_value());
}

}  // namespace
