#pragma once
// What a period's report says, pure: the journal rows of the period (corrections folded into
// the airing they correct), totals per item, per topic and per form, and the chain stamp that
// lets the file be checked against the database. Every export format renders a Report.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/Config.hpp"
#include "export/Filing.hpp"
#include "export/Interest.hpp"
#include "export/JournalTable.hpp"
#include "export/Period.hpp"
#include "journal/Airing.hpp"
#include "journal/JournalStore.hpp"

namespace date {
class time_zone;
}

namespace lp::exporting {

// One airing as the report shows it: its latest state and what the reader should know.
struct ReportLine {
    journal::JournalRow row;  // with corrections applied
    std::string note;         // reason, manual entry, corrections ("Ghi chú")
};

struct ItemTotal {
    std::string title;
    std::vector<std::string> topics;
    std::string form;
    bool manual = false;
    int airings = 0;  // airings that reached listeners
    std::chrono::milliseconds airtime{0};
    std::optional<journal::TimePoint> first;
    std::optional<journal::TimePoint> last;
};

struct GroupTotal {
    std::string code;
    std::string label;
    int items = 0;  // distinct items aired
    int airings = 0;
    std::chrono::milliseconds airtime{0};
};

// Binds a file to the database: the period's rows (count and a digest of their seals) and the
// chain head when it was made. Written into every format as one ASCII line (marker()).
struct ChainStamp {
    std::string period_code;
    std::int64_t rows = 0;  // journal rows of the period, corrections included
    std::int64_t head_seq = 0;
    std::string head_seal;
    std::string digest;  // SHA-256 over the period's row seals, in order

    std::string marker() const;  // "LP-SEAL/1 period=2026Q1 rows=12 head=40:<hex> digest=<hex>"
    static std::optional<ChainStamp> find_in(std::string_view text);
};

// SHA-256 over the rows' seals in the given order ("open:<id>" for a row not closed yet).
std::string seal_digest(const std::vector<journal::JournalRow>& rows);

// How late the first sample of each programme left against its start instant (the player's
// own measure, journal.start_lateness_us), over the period: nearest-rank percentiles.
struct Punctuality {
    int programmes = 0;  // rows that carry the measure
    std::chrono::microseconds p50{0};
    std::chrono::microseconds p99{0};
    std::chrono::microseconds max{0};
};

// Pure: the percentiles of `lateness` (any order); all zero when it is empty.
Punctuality punctuality_of(std::vector<std::chrono::microseconds> lateness);

// How many of the airings that reached listeners were timed by a synchronised clock.
struct ClockTrust {
    int known = 0;   // airings whose row says whether the clock was synchronised
    int synced = 0;  // of them, synchronised
};

// The airings that count for the CCHC figures: neither jingles (form am_nhac) nor items whose
// only topic is "other". The others stay in the journal and its totals, and are shown apart.
struct CchcTotals {
    int items = 0;
    int airings = 0;
    std::chrono::milliseconds airtime{0};
    int other_airings = 0;  // jingles and non-CCHC items
    std::chrono::milliseconds other_airtime{0};
};
bool counts_for_cchc(const journal::JournalRow& row);

struct Report {
    Period period;
    config::Organisation organisation;
    domain::LocalDate made_on;  // the date in the header ("An Hải, ngày … tháng … năm …")
    std::vector<ReportLine> lines;
    std::vector<ItemTotal> items;  // by first airing
    // Every topic of the plan, in its order; an airing counts under each topic of its item.
    std::vector<GroupTotal> topics;
    std::vector<GroupTotal> forms;  // every form, in order
    int airings = 0;
    std::chrono::milliseconds airtime{0};
    int not_aired = 0;  // failed, skipped, missed
    Punctuality punctuality;
    ClockTrust clock;
    CchcTotals cchc;
    Filing filing;  // the number and the operator's narrative (load_report reads them)
    // Residents' interest (quarter, half year and year reports: load_report reads it). Measured,
    // not journaled: it may change after the report (feedback approved later), see
    // evidence/ExportAgainstDb.hpp.
    std::optional<Interest> interest;
    ChainStamp stamp;
    // The box's signing key (evidence/Signing.hpp fingerprint) and the file's signature line
    // (evidence/Checkpoint.hpp, LP-SIGN/1); empty when the report is not signed.
    std::string key_fingerprint;
    std::string signature_line;
};

// Made on or before the period's last day (in the due window, before the 8th of its last month):
// it holds the rows up to the day it was made, and says so; a final version is made after.
bool made_within_period(const Report& r);

// `rows`: the journal rows of the period as JournalStore::between returns them (taken: pass
// them with std::move when they are not needed afterwards).
Report build_report(const Period& period, const config::Organisation& organisation, domain::LocalDate made_on,
                    std::vector<journal::JournalRow> rows, const journal::ChainHead& head);

inline constexpr const char* journal_title = "NHẬT KÝ PHÁT THANH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH";

// For a report made within its period: "Số liệu tính đến hết ngày 05/03/2026 …"; empty otherwise.
std::string coverage_line(const Report& r);
// "Số: 12/BC-TTDVSNC", or "Số:      /BC-TTDVSNC" with room to write the number.
std::string number_line(const Report& r);
// "Số liệu CCHC (không kể nhạc hiệu và nội dung khác): …"
std::string cchc_line(const Report& r);
// The narrative's three headings with the operator's text (empty when not written).
std::vector<std::pair<std::string, std::string>> narrative_sections(const Report& r);
inline constexpr const char* narrative_heading = "ĐÁNH GIÁ CHUNG";
// "Nơi nhận": "- UBND phường An Hải;", …, "- Lưu: VT." from the ';'-separated setting.
std::vector<std::string> recipient_lines(const Report& r);

// "An Hải, ngày 05 tháng 03 năm 2026"
std::string place_and_date(const Report& r);
// The official detail columns (sheet 1): STT … Ghi chú.
Table detail_table(const Report& r, const date::time_zone* tz);
Table item_table(const Report& r, const date::time_zone* tz);
// One line per group, then "Tổng cộng" with the report's real totals (distinct items,
// airings, airtime): by topic the lines may add up to more (texts::counted_under_each_topic).
Table group_table(const std::vector<GroupTotal>& groups, const std::string& heading, const Report& r);
// "Độ đúng giờ (…, 12 lần mở đầu chương trình): trung vị 0,4 ms; 99% không chậm quá 1,2 ms; chậm nhất 3,0 ms."
std::string punctuality_line(const Punctuality& p);
// "Đồng hồ hệ thống đã đồng bộ (NTP) khi bắt đầu 19/20 lượt phát (95,0%)."
std::string clock_trust_line(const ClockTrust& c);
// "Tổng số dòng: 12. [Độ đúng giờ …] Mã niêm phong (SHA-256) của chuỗi nhật ký: …"
std::vector<std::string> footer_lines(const Report& r);
// With `signature_line` in place of the report's own (a PDF signed as it is rendered).
std::vector<std::string> footer_lines(const Report& r, const std::string& signature_line);

}  // namespace lp::exporting
