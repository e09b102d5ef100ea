#include "tests/export/SampleJournal.hpp"

#include "domain/Lists.hpp"
#include "journal/JournalStore.hpp"
#include "library/ItemStore.hpp"

namespace lp::test {

SampleTotals write_sample_journal(sqlite::Database& db, domain::LocalDate first, int days) {
    using namespace std::chrono_literals;
    db.exec("PRAGMA synchronous = OFF");
    library::ItemStore items(db);
    journal::JournalStore journal(db);
    std::vector<std::int64_t> ids;
    for (const auto& it : sample_items)
        ids.push_back(items.upsert({std::string("/srv/media/") + std::to_string(ids.size()) + ".mp3", it.title,
                                    domain::split_commas(it.topics).front(), it.form}));
    const auto* tz = domain::zone("Asia/Ho_Chi_Minh");
    SampleTotals t;
    int n = 0;
    auto day = first;
    for (int d = 0; d < days; ++d, day = domain::next_day(day)) {
        for (const auto slot_start : {5h + 30min, 17h + 0min}) {
            auto at = domain::start_of_day(tz, day) + slot_start;
            const std::string slot = slot_start < 12h ? "Bản tin sáng" : "Bản tin chiều";
            for (int k = 0; k < 2; ++k, ++n) {
                const auto idx = static_cast<std::size_t>((d + k * 3 + (slot_start < 12h ? 0 : 1)) % 6);
                const auto& item = sample_items[idx];
                const journal::AiringPlan plan{at,
                                               ids[idx],
                                               "/srv/media/" + std::to_string(idx) + ".mp3",
                                               item.title,
                                               domain::split_commas(item.topics),
                                               item.form,
                                               slot};
                ++t.rows;
                if (n % 11 == 10) {
                    journal.record_failure(plan, at, "Không tìm thấy tệp âm thanh",
                                           "/srv/media/x.mp3: avformat_open_input() failed: No such file or directory");
                    ++t.failed;
                    continue;
                }
                const std::chrono::milliseconds length = std::chrono::seconds(item.seconds);
                const bool cut = n % 17 == 16;
                const auto played = cut ? length / 2 : length;
                std::optional<std::chrono::microseconds> lateness;
                if (k == 0) {
                    lateness = std::chrono::microseconds{120 + (n % 13) * 97};  // never on a .x5 ms tie
                    t.lateness.push_back(*lateness);
                }
                const auto id = journal.begin(plan, at, {"loa"}, lateness);
                journal.progress(id, played / 2);
                journal.finish(id, at + played, played, cut ? journal::Status::interrupted : journal::Status::completed,
                               cut ? "Người vận hành dừng phát" : "");
                ++t.airings;
                t.airtime += played;
                ++t.airings_by_title[item.title];
                for (const auto& topic : plan.topics) ++t.airings_by_topic[topic];
                ++t.airings_by_form[item.form];
                at += played;
            }
        }
    }
    db.exec("PRAGMA synchronous = FULL");
    return t;
}

}  // namespace lp::test
