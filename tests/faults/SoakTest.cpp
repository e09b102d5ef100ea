// 24 hours of programme in virtual time through the daemon's whole loop path minus real-time
// audio: the scheduler Engine deciding, ProgrammeBuilder building, AiringRecorder and
// JournalWriter journaling into a real SQLite file, with every player event the real player
// would send (Started, Progress every 2 s, Finished, ProgrammeDone). The programme is the
// ward's real week (tests/scheduler/Programme.hpp) plus a 3-item slot every hour, so that each
// simulated hour has work. Memory (heap in use; RSS) is sampled per simulated hour and must
// stay flat once the first hours have warmed the caches. Run under ASan/UBSan/LSan in the
// sanitizer build (scripts/build.sh asan ...), where LSan also checks nothing leaks at exit.

#include <gtest/gtest.h>
#include <malloc.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "db/Store.hpp"
#include "journal/AiringRecorder.hpp"
#include "journal/JournalStore.hpp"
#include "journal/JournalWriter.hpp"
#include "playout/ProgrammeBuilder.hpp"
#include "scheduler/Engine.hpp"
#include "tests/scheduler/Programme.hpp"
#include "tests/support/TempDir.hpp"

#if defined(__SANITIZE_ADDRESS__)
// From the ASan runtime (its header, sanitizer/allocator_interface.h, is not installed here):
// mallinfo2 does not see ASan's allocator.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#endif

namespace {

using namespace std::chrono_literals;
namespace ev = lp::audio::event;

std::size_t heap_in_use() {
#if defined(__SANITIZE_ADDRESS__)
    return __sanitizer_get_current_allocated_bytes();
#else
    return mallinfo2().uordblks;
#endif
}

std::size_t rss_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

lp::scheduler::Rules loaded_week() {
    auto rules = lp::test::ward_year(2026);
    using K = lp::scheduler::Entry::Kind;
    const lp::scheduler::PoolFilter any{{"a", "b", "c", "d", "dd", "e", "g", "h", "i", "k", "l", "m", "n"}, {}, {}};
    for (int h = 0; h < 24; ++h) {
        lp::scheduler::Slot s;
        s.id = 100 + h;
        s.name = "Giờ " + std::to_string(h);
        s.start_of_day = std::chrono::hours{h} + 40min;
        s.max_length = 15min;
        s.programme = {{K::pool, 0, 3, any}};
        rules.slots.push_back(s);
    }
    return rules;
}

TEST(Soak, TwentyFourHoursOfProgrammeKeepMemoryFlat) {
    lp::test::TempDir dir;
    auto db = lp::db::open_store(dir / "lp.db");
    lp::journal::JournalWriter writer(db);
    lp::journal::AiringRecorder recorder(writer);
    const auto start = lp::test::local_time(2026, 3, 2, 0, 0);  // a Monday
    const auto end = start + 24h;
    auto rules = loaded_week();
    // The library rows the journal's rows point at.
    for (const auto& item : rules.items)
        db.exec("INSERT INTO media_item (id, file, title) VALUES (" + std::to_string(item.id) + ", '" +
                item.file.string() + "', 'x')");
    lp::scheduler::Engine engine(rules, lp::test::vietnam(), start, {start, start}, lp::scheduler::History{});

    std::vector<std::size_t> heap, rss;
    auto now = start;
    auto next_sample = start;
    std::size_t aired = 0, not_aired = 0, events = 0;
    while (now < end) {
        while (next_sample <= now) {
            heap.push_back(heap_in_use());
            rss.push_back(rss_bytes());
            next_sample += 1h;
        }
        const auto d = engine.tick(now);
        for (const auto& n : d.not_aired) {
            writer.record_not_aired(lp::playout::not_aired_plan(n, engine.rules()), lp::playout::status_of(n.kind), now,
                                    n.reason);
            ++not_aired;
        }
        for (const auto& order : d.air) {
            auto built = lp::playout::build_programme(order, engine.rules());
            const auto lengths = [&] {
                std::vector<std::chrono::milliseconds> l;
                for (const auto& cue : built.programme.cues) l.push_back(cue.length);
                return l;
            }();
            recorder.expect(order.id, order.start, std::move(built.plans), order.outputs);
            const auto send = [&](std::size_t cue, decltype(lp::audio::PlayerEvent::what) what) {
                recorder.record({order.id, cue, std::move(what)});
                ++events;
            };
            auto t = order.start + 300us;
            for (std::size_t cue = 0; cue < lengths.size(); ++cue) {
                send(cue, ev::Started{t, {"loa"}});
                engine.cue_started(order.id, cue, t);
                for (auto p = 2s; p < lengths[cue]; p += 2s) send(cue, ev::Progress{p});
                t += lengths[cue];
                send(cue, ev::Finished{t, lengths[cue], lp::audio::CueResult::completed, {}});
                engine.cue_finished(order.id, cue);
                ++aired;
            }
            send(0, ev::ProgrammeDone{});
            engine.order_done(order.id);
        }
        ASSERT_EQ(writer.waiting(), 0u);
        ASSERT_EQ(writer.given_up(), 0u);
        const auto next = engine.next_wakeup();
        ASSERT_TRUE(next);
        now = std::max(*next, now + 1ms);
    }
    heap.push_back(heap_in_use());
    rss.push_back(rss_bytes());

    lp::journal::JournalStore journal(db);
    EXPECT_EQ(journal.between(start, end).size(), aired + not_aired);
    EXPECT_GT(aired, 24u * 3);
    std::cout << "[soak] 24 h: " << aired << " airings, " << not_aired << " not aired, " << events
              << " player events\n[soak] hour: heap KiB / RSS KiB\n";
    for (std::size_t h = 0; h < heap.size(); ++h)
        std::cout << "[soak] " << h << ": " << heap[h] / 1024 << " / " << rss[h] / 1024 << "\n";
    // After the first 4 hours (SQLite's page cache, the engine's history warm up), the heap
    // grows by less than 256 KiB over the remaining 20 hours of programme.
    const auto warm = heap.at(4);
    const auto peak = *std::max_element(heap.begin() + 4, heap.end());
    std::cout << "[soak] heap growth hours 4..24: " << (static_cast<double>(peak) - static_cast<double>(warm)) / 1024
              << " KiB\n";
    EXPECT_LT(peak, warm + 256 * 1024);
}

}  // namespace
