#pragma once
// A generated journal for export tests and benchmarks: `days` days from `first` (local), two
// slots a day (05:30 and 17:00 Asia/Ho_Chi_Minh), two items per slot from a pool of six,
// every 11th airing failed (a missing file: the reason in Vietnamese, FFmpeg's text as detail),
// every 17th interrupted halfway, one item with two topics; the first item of a slot carries
// a first-sample lateness of 0.12 to 1.28 ms. Expected totals are counted as
// the rows are written, independently of the report code.

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "domain/Time.hpp"

namespace lp::test {

struct SampleTotals {
    int rows = 0;
    int airings = 0;  // reached listeners
    int failed = 0;
    std::chrono::milliseconds airtime{0};
    std::map<std::string, int> airings_by_title;
    std::map<std::string, int> airings_by_topic;  // an airing counts under each topic of its item
    std::map<std::string, int> airings_by_form;
    std::vector<std::chrono::microseconds> lateness;  // of the rows that open a slot's programme
};

struct SampleItem {
    const char* title;
    const char* topics;  // comma-separated
    const char* form;
    int seconds;
};

inline constexpr SampleItem sample_items[] = {
    {"Hướng dẫn nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia", "m", "tin", 185},
    {"Phỏng vấn: cải cách thủ tục hành chính ở phường", "a", "phong_van", 420},
    {"Thông báo lịch tiếp công dân tháng này", "b", "thong_bao", 95},
    {"Phóng sự: một cửa liên thông — người dân được gì?", "dd", "phong_su", 610},
    {"Bài: Chuyển đổi số trong giải quyết thủ tục", "k,m", "bai", 300},
    {"Nhạc hiệu chương trình", "other", "am_nhac", 20},
};

// Writes the rows through JournalStore (synchronous=OFF while generating, for speed).
SampleTotals write_sample_journal(sqlite::Database& db, domain::LocalDate first, int days);

}  // namespace lp::test
