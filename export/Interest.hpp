#pragma once
// Residents' interest in what aired over a period (issue 13, "Đánh giá mức độ quan tâm của người
// dân"), pure: the report's airings joined with what the public side and the operator measured
// (export/InterestStore.hpp reads them). Per item and per topic: airings and minutes aired, the
// stream listeners of those airings, listens again, QR scans, feedback count, mean rating and the
// approved comments; and the items that drew the most and the least interest.
//
// The score that ranks the items: listens again + QR scans + approved feedback (each a resident
// who came back to the item), ties broken by the higher mean rating (an item without a rating
// after one with), then by fewer airings (the same interest from fewer airings is the stronger
// signal), then by title. The most: the first three with a score above
// zero; the least: the last three among the items aired in the period, not already in the most.
// Jingles (form am_nhac) are in the tables but not ranked: nothing to advise on.
//
// Stream listeners: an airing's peak and mean are the sums over its stream outputs (each output
// is another audience); an item's or topic's peak is its best airing's, its mean the mean over
// its measured airings (airings without a listener count are left out, not counted as zero).

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/Time.hpp"
#include "export/JournalTable.hpp"
#include "export/Period.hpp"

namespace lp::exporting {

struct ReportLine;

// One approved feedback of the period as the store reads it.
struct FeedbackFact {
    std::optional<std::int64_t> item;
    std::string topic;  // when no item is named
    std::string channel;
    domain::LocalDate day;
    std::optional<int> rating;
    std::string comment;  // empty: a rating only
};

// An item's name and classification from the library (for items not aired in the period).
struct ItemFacts {
    std::string title;
    std::vector<std::string> topics;
    std::string form;
};

// What the store reads for a period; the builder joins it with the report's lines.
struct InterestFacts {
    struct Listeners {
        std::int64_t peak = 0;  // summed over the airing's stream outputs
        double mean = 0;        // summed over the airing's stream outputs
    };
    std::map<std::int64_t, Listeners> listeners;   // by journal row id
    std::map<std::int64_t, std::int64_t> listens;  // by item: listens again over the period's days
    std::map<std::int64_t, std::int64_t> qr;       // by item: QR scans
    std::int64_t feed_fetches = 0;                 // the podcast feed (counted for the whole feed)
    std::int64_t page_qr = 0;                      // scans of the page's own QR code
    std::vector<FeedbackFact> feedback;            // approved, given within the period
    std::map<std::int64_t, ItemFacts> items;       // every item named above or aired
};

struct InterestFigures {
    int airings = 0;
    std::chrono::milliseconds airtime{0};
    int measured = 0;          // airings with a stream listener count
    std::int64_t peak = 0;     // the highest peak of one airing
    double mean = 0;           // mean over the measured airings of each airing's mean
    std::int64_t listens = 0;  // listens again
    std::int64_t qr = 0;       // QR scans
    int feedback = 0;          // approved feedback
    int rated = 0;             // of them, with a rating
    double rating = 0;         // mean rating of the rated ones (0 when none)
    std::int64_t score() const { return listens + qr + feedback; }
};

struct InterestItem {
    std::int64_t id = 0;
    std::string title;
    std::vector<std::string> topics;
    std::string form;
    InterestFigures figures;
};

struct InterestTopic {
    std::string code;
    std::string label;
    InterestFigures figures;
};

struct InterestComment {
    domain::LocalDate day;
    std::string channel;  // code (reach/FeedbackStore.hpp)
    std::string about;    // the item's title, or the topic's label
    std::optional<int> rating;
    std::string text;
};

struct Interest {
    std::vector<InterestItem> items;        // ranked by score (see above)
    std::vector<InterestTopic> topics;      // every topic of the plan, in its order
    std::vector<InterestComment> comments;  // by day, then as recorded
    std::vector<std::int64_t> most;         // item ids
    std::vector<std::int64_t> least;        // item ids
    std::int64_t feed_fetches = 0;
    std::int64_t page_qr = 0;
    InterestFigures total;  // every item once (the topics may add up to more)
};

// `lines`: the report's lines (corrections folded). Pure.
Interest build_interest(const std::vector<ReportLine>& lines, const InterestFacts& facts);

// Whether a report of this period carries the section (quarter, half year, year).

bool reports_interest(const Period& p);

inline constexpr const char* interest_heading = "ĐÁNH GIÁ MỨC ĐỘ QUAN TÂM CỦA NGƯỜI DÂN";

// The renderings every format shares (Vietnamese headers and cells; numbers as text).
Table interest_topic_table(const Interest& in);
Table interest_item_table(const Interest& in);
Table interest_comment_table(const Interest& in);
// "Tin, bài được quan tâm nhiều nhất: …" and the least, one line each; the score's definition.
std::vector<std::string> interest_ranking_lines(const Interest& in);
inline constexpr const char* interest_score_note =
    "Điểm quan tâm = lượt nghe lại + lượt quét mã QR + số ý kiến đã duyệt; bằng điểm thì xếp theo điểm đánh giá "
    "trung bình cao hơn, rồi số lượt phát ít hơn.";
// "Nguồn tin podcast được tải 12 lần; mã QR của trang được quét 3 lần."
std::string interest_totals_line(const Interest& in);

}  // namespace lp::exporting
