#pragma once
// The scheduler's rules as plain values: what the library offers, the slots and their
// programmes, one-offs. Loaded from the database (or seeded from config) by the shell; the
// planning functions take them as arguments and never do I/O.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/Time.hpp"
#include "scheduler/Clock.hpp"

namespace lp::scheduler {

using ItemId = std::int64_t;
using domain::LocalDate;
using Millis = std::chrono::milliseconds;
using Seconds = std::chrono::seconds;

// What the scheduler needs to know of a library item.
struct ItemInfo {
    ItemId id = 0;
    std::string title;
    std::filesystem::path file;
    std::vector<std::string> topics{"other"};
    std::string form = "other";
    std::vector<std::string> tags;        // the operator's own labels
    Millis duration{0};                   // zero when unknown: it then always "fits"
    std::optional<double> loudness_lufs;  // EBU R128 integrated, as the library measured it
    std::optional<std::string> sha256;    // of the file as imported; what airs must still match it
    std::optional<LocalDate> valid_from;
    std::optional<LocalDate> valid_until;    // inclusive
    std::optional<std::string> approved_by;  // biên tập → duyệt → phát: none, never aired
    bool retired = false;
    // A live source (tiếp sóng / trực tiếp) instead of a recording: `file` is then its URL and
    // `duration` its planned length; the fallback item fills its dropouts.
    std::string live_url{};
    std::string live_kind{};  // tiep_song, truc_tiep
    std::optional<ItemId> live_fallback{};
    bool is_live() const { return !live_url.empty(); }

    bool valid_on(LocalDate day) const {
        return (!valid_from || *valid_from <= day) && (!valid_until || day <= *valid_until);
    }
    // May the scheduler put it on air that day, and if not, why (Vietnamese, for previews).
    // An emergency order is itself the order to air: it does not need the library's approval
    // (`approval_needed` false), but a retired or out-of-date item still does not air.
    std::optional<std::string> why_not_airable(LocalDate day, bool approval_needed = true) const;
};

// A pool entry's filter: empty lists match everything; within a list, any one matches. A live
// source is never picked from a pool: it airs where it is placed.
struct PoolFilter {
    std::vector<std::string> topics;
    std::vector<std::string> forms;
    std::vector<std::string> tags;
    bool matches(const ItemInfo& item) const;
};

// One line of a slot's programme.
struct Entry {
    enum class Kind { fixed, pool, opening_jingle, closing_jingle };
    Kind kind = Kind::fixed;
    ItemId item = 0;  // fixed and jingles
    int count = 1;    // pool: how many picks
    PoolFilter filter;
};

struct Slot {
    std::int64_t id = 0;
    std::string name;
    std::vector<unsigned> days{0, 1, 2, 3, 4, 5, 6};  // 0 = Sunday
    Seconds start_of_day{0};                          // local time
    std::optional<Seconds> relative_start;            // demo/tests: once, after daemon start
    Seconds max_length{std::chrono::minutes(60)};
    std::optional<LocalDate> first_day;  // inclusive date range, optional
    std::optional<LocalDate> last_day;
    std::vector<LocalDate> skipped_days;  // holidays
    std::vector<std::string> outputs;     // empty = all
    std::vector<Entry> programme;
};

// Priority levels of the national rules for commune stations.
enum class Priority {
    normal,     // thông thường: airs in the first slot that starts at or after its time
    priority,   // ưu tiên: goes first in that slot
    emergency,  // khẩn cấp: interrupts whatever plays at its time; the programme then resumes
    next,       // phát tiếp theo: airs at its time when nothing plays, else right after what the
                // player was handed (without cutting it); not attached to a slot
};

struct OneOff {
    std::int64_t id = 0;
    ItemId item = 0;
    TimePoint at;
    Priority priority = Priority::normal;
    int repeat = 1;                    // airings in all
    Seconds gap{0};                    // between repeats
    std::vector<std::string> outputs;  // empty = all
    // Who ordered it and, for an emergency an approver confirmed, who approved it: the journal
    // seals both in the rows of its airing (one_off.created_by, one_off.approved_by).
    std::optional<std::string> ordered_by{};
    std::optional<std::string> approved_by{};
};

struct Rules {
    std::vector<Slot> slots;
    std::vector<OneOff> one_offs;
    std::vector<ItemInfo> items;
    // A start passed by at most this much (daemon down, clock jumped) still airs, late.
    Seconds grace{std::chrono::minutes(5)};
    // Pool rotation counts airings over this window.
    std::chrono::days rotation_window{30};

    const ItemInfo* item(ItemId id) const;
    ItemInfo* item(ItemId id);
};

std::string_view priority_code(Priority p);  // normal, priority, emergency, next
std::optional<Priority> priority_from_code(std::string_view code);
std::string_view priority_label(Priority p);  // Vietnamese

}  // namespace lp::scheduler
