#pragma once
// A realistic year of the ward's programme, for the scheduler's tests and benchmark.

#include <date/tz.h>

#include "scheduler/Model.hpp"

namespace lp::test {

inline const date::time_zone* vietnam() { return date::locate_zone("Asia/Ho_Chi_Minh"); }

inline scheduler::TimePoint local_time(int y, unsigned m, unsigned d, int h, int mi, int s = 0) {
    return vietnam()->to_sys(date::local_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{h} +
                             std::chrono::minutes{mi} + std::chrono::seconds{s});
}

constexpr scheduler::ItemId opening_jingle = 1, closing_jingle = 2, news = 3, emergency_item = 200;
constexpr scheduler::ItemId expiring_item = 105, late_item = 106, unapproved_a = 139, unapproved_b = 140;

// Two daily slots (05:30 and 17:00, 30 min), a CCHC segment Monday/Wednesday/Friday at 06:00
// (20 min, four picks from the pool), a pool of 40 CCHC items across the plan's topics with
// one expiring mid-quarter, one valid from May and two never approved, and the holidays.
inline scheduler::Rules ward_year(int year = 2026) {
    using namespace std::chrono_literals;
    scheduler::Rules r;
    auto item = [&](scheduler::ItemId id, std::string title, scheduler::Millis d, std::vector<std::string> topics,
                    std::string form) {
        scheduler::ItemInfo i;
        i.id = id;
        i.title = std::move(title);
        i.file = "/media/" + std::to_string(id) + ".mp3";
        i.duration = d;
        i.topics = std::move(topics);
        i.form = std::move(form);
        i.approved_by = "Nguyễn Văn Duyệt";
        r.items.push_back(i);
        return &r.items.back();
    };
    r.items.reserve(50);
    item(opening_jingle, "Nhạc hiệu mở đầu", 10s, {"other"}, "am_nhac");
    item(closing_jingle, "Nhạc hiệu kết thúc", 8s, {"other"}, "am_nhac");
    item(news, "Bản tin thời sự phường", 5min, {"other"}, "tin");
    item(emergency_item, "Thông báo khẩn: phòng chống bão", 45s, {"other"}, "thong_bao");
    const char* topics[] = {"a", "b", "c", "d", "dd", "e", "g", "h", "i", "k", "l", "m", "n"};
    const char* forms[] = {"tin", "bai", "phong_su", "phong_van", "toa_dam"};
    for (int k = 0; k < 40; ++k) {
        auto* i = item(101 + k, "Tin CCHC số " + std::to_string(k + 1), std::chrono::seconds(90 + (k * 37) % 180),
                       {topics[k % 13]}, forms[k % 5]);
        if (k % 7 == 3) i->topics.push_back(topics[(k + 5) % 13]);  // some items cover two headings
    }
    r.item(expiring_item)->valid_until = domain::LocalDate{year, 2, 15};
    r.item(late_item)->valid_from = domain::LocalDate{year, 5, 1};
    r.item(unapproved_a)->approved_by.reset();
    r.item(unapproved_b)->approved_by.reset();

    const std::vector<domain::LocalDate> holidays{{year, 1, 1},  {year, 2, 16}, {year, 2, 17},
                                                  {year, 2, 18}, {year, 2, 19}, {year, 2, 20},
                                                  {year, 4, 30}, {year, 5, 1},  {year, 9, 2}};
    using K = scheduler::Entry::Kind;
    const scheduler::PoolFilter cchc_pool{{topics, topics + 13}, {}, {}};
    scheduler::Slot morning;
    morning.id = 1;
    morning.name = "Sáng";
    morning.start_of_day = 5h + 30min;
    morning.max_length = 30min;
    morning.skipped_days = holidays;
    morning.programme = {{K::opening_jingle, opening_jingle, 1, {}},
                         {K::fixed, news, 1, {}},
                         {K::closing_jingle, closing_jingle, 1, {}}};
    scheduler::Slot cchc;
    cchc.id = 2;
    cchc.name = "Chuyên mục CCHC";
    cchc.days = {1, 3, 5};
    cchc.start_of_day = 6h;
    cchc.max_length = 20min;
    cchc.skipped_days = holidays;
    cchc.programme = {{K::opening_jingle, opening_jingle, 1, {}},
                      {K::pool, 0, 4, cchc_pool},
                      {K::closing_jingle, closing_jingle, 1, {}}};
    scheduler::Slot evening = morning;
    evening.id = 3;
    evening.name = "Chiều";
    evening.start_of_day = 17h;
    evening.programme = {{K::opening_jingle, opening_jingle, 1, {}},
                         {K::fixed, news, 1, {}},
                         {K::pool, 0, 2, cchc_pool},
                         {K::closing_jingle, closing_jingle, 1, {}}};
    r.slots = {morning, cchc, evening};
    return r;
}

// A library item of one topic added to `r`, approved by "Hoa" unless `approved` is false.
inline void add_item(scheduler::Rules& r, scheduler::ItemId id, std::string title, scheduler::Millis duration,
                     std::string topic, bool approved = true) {
    scheduler::ItemInfo i;
    i.id = id;
    i.title = std::move(title);
    i.duration = duration;
    i.topics = {std::move(topic)};
    if (approved) i.approved_by = "Hoa";
    r.items.push_back(std::move(i));
}

}  // namespace lp::test
