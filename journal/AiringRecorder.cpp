#include "journal/AiringRecorder.hpp"

#include <algorithm>
#include <type_traits>

#include <spdlog/fmt/ranges.h>

#include "audio/detail/Log.hpp"
#include "domain/Texts.hpp"
#include "domain/WallClock.hpp"
#include "journal/AiringReasons.hpp"

namespace lp::journal {
namespace {

std::shared_ptr<spdlog::logger> log() { return audio::detail::logger("journal"); }

std::chrono::milliseconds ms(std::chrono::microseconds us) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(us);
}

// The row's reason: what happened, then the plan's own note (e.g. a resumption).
std::string with_note(std::string reason, const std::string& note) {
    if (note.empty()) return reason;
    if (reason.empty()) return note;
    return reason + ". " + note;
}

// What the live report of a cue says, for its journal row.
LiveRecord live_record(const AiringPlan& plan, const audio::LiveReport& live) {
    LiveRecord r{plan.live_kind.empty() ? std::string{"tiep_song"} : plan.live_kind,
                 plan.live_source,
                 live.planned,
                 ms(live.relayed),
                 reasons::fallback_name(live),
                 {}};
    for (const auto& d : live.dropouts) r.dropouts.push_back({d.at, d.length});
    return r;
}

}  // namespace

AiringRecorder::AiringRecorder(JournalWriter& writer, ClockSyncFn clock_synced)
    : writer_(writer), clock_synced_(std::move(clock_synced)) {}

void AiringRecorder::expect(const std::string& programme, TimePoint start, std::vector<AiringPlan> plans,
                            const std::vector<std::string>& outputs, Start kind) {
    writer_.pending_add(programme, plans, outputs);
    programmes_[programme] = Pending{start, kind, std::move(plans), {}, {}, {}};
}

void AiringRecorder::cut_all(const std::string& reason) {
    for (auto& [id, p] : programmes_) p.cut_reason = reason;
}

void AiringRecorder::handed_on(const std::string& programme, std::size_t from_cue, const std::string& to) {
    if (!programmes_.contains(programme)) return;
    writer_.pending_hand_on(programme, from_cue, to);
}

std::optional<int> AiringRecorder::journal_leftovers(TimePoint now, const std::string& reason) {
    const auto missed = writer_.miss_pending(std::nullopt, now, reason);
    if (missed && *missed > 0) log()->warn("{} planned airing(s) never started: journaled missed", *missed);
    return missed;
}

void AiringRecorder::record(const audio::PlayerEvent& e) {
    std::visit(
        [&](const auto& what) {
            using T = std::decay_t<decltype(what)>;
            if constexpr (std::is_same_v<T, audio::event::Started>)
                started(e.programme, e.cue, what);
            else if constexpr (std::is_same_v<T, audio::event::Progress>)
                progress(e.programme, e.cue, what);
            else if constexpr (std::is_same_v<T, audio::event::OutputsChanged>)
                outputs_changed(e.programme, e.cue, what);
            else if constexpr (std::is_same_v<T, audio::event::Finished>)
                finished(e.programme, e.cue, what);
            else
                done(e.programme);
        },
        e.what);
}

std::optional<std::int64_t> AiringRecorder::row_of(const std::string& programme, std::size_t cue) const {
    const auto p = programmes_.find(programme);
    if (p == programmes_.end()) return std::nullopt;
    const auto ticket = p->second.open_rows.find(cue);
    if (ticket == p->second.open_rows.end()) return std::nullopt;
    return writer_.row_of(ticket->second);
}

void AiringRecorder::started(const std::string& programme, std::size_t cue, const audio::event::Started& e) {
    auto& p = programmes_.at(programme);
    const auto& plan = p.plans.at(cue);
    std::optional<std::chrono::microseconds> lateness;
    if (cue == 0 && p.kind == Start::scheduled)
        lateness = std::chrono::duration_cast<std::chrono::microseconds>(e.at - p.start);
    StartEvidence evidence;
    if (clock_synced_) evidence.clock_synced = clock_synced_();
    if (e.recording) {
        evidence.archive_file = e.recording->file.filename().string();
        evidence.archive_offset = e.recording->offset;
    }
    p.open_rows[cue] = writer_.begin(plan, e.at, e.outputs, lateness, PendingKey{programme, cue}, evidence);
    p.carried[cue] = e.outputs;
    if (lateness) {
        log()->info("airing \"{}\" ({}) started on [{}], first sample {:.3f} ms after its start instant", plan.title,
                    plan.slot, fmt::join(e.outputs, ", "), static_cast<double>(lateness->count()) / 1000.0);
    } else if (cue == 0 && last_finished_) {
        // A resumption is due when what cut it ends.
        log()->info(
            "airing \"{}\" ({}) resumed on [{}], {:.3f} ms after the airing before it ended", plan.title, plan.slot,
            fmt::join(e.outputs, ", "),
            static_cast<double>(std::chrono::duration_cast<std::chrono::microseconds>(e.at - *last_finished_).count()) /
                1000.0);
    } else {
        log()->info("airing \"{}\" ({}) started on [{}]", plan.title, plan.slot, fmt::join(e.outputs, ", "));
    }
}

void AiringRecorder::outputs_changed(const std::string& programme, std::size_t cue,
                                     const audio::event::OutputsChanged& e) {
    auto& p = programmes_.at(programme);
    const auto row = p.open_rows.find(cue);
    if (row == p.open_rows.end()) return;
    auto& carried = p.carried[cue];
    bool grew = false;
    for (const auto& name : e.outputs) {
        if (std::find(carried.begin(), carried.end(), name) == carried.end()) {
            carried.push_back(name);
            grew = true;
        }
    }
    if (grew) writer_.set_outputs(row->second, carried);
    log()->warn("airing \"{}\": now on [{}]", p.plans.at(cue).title, fmt::join(e.outputs, ", "));
}

void AiringRecorder::progress(const std::string& programme, std::size_t cue, const audio::event::Progress& e) {
    auto& p = programmes_.at(programme);
    if (auto it = p.open_rows.find(cue); it != p.open_rows.end()) writer_.progress(it->second, ms(e.position));
}

void AiringRecorder::finished(const std::string& programme, std::size_t cue, const audio::event::Finished& e) {
    auto& p = programmes_.at(programme);
    const auto& plan = p.plans.at(cue);
    last_finished_ = e.at;
    const auto row = p.open_rows.find(cue);
    Status status = Status::completed;
    std::string reason;
    switch (e.result) {
        case audio::CueResult::completed: break;
        case audio::CueResult::interrupted:
            status = Status::interrupted;
            reason = p.cut_reason;
            break;
        case audio::CueResult::failed:
            // Part of it reached the loudspeakers: an interrupted airing with what was heard.
            status = row != p.open_rows.end() && e.played.count() > 0 ? Status::interrupted : Status::failed;
            reason = status == Status::interrupted ? reasons::partial(e.failure.kind, e.played, plan.length)
                                                   : reasons::failure(e.failure.kind);
            break;
    }
    if (e.live && !e.live->dropouts.empty()) reason += (reason.empty() ? "" : "; ") + reasons::dropouts(*e.live);
    if (row == p.open_rows.end() && e.result == audio::CueResult::interrupted)
        return;  // cut before it began: still pending
    reason = with_note(std::move(reason), plan.note);
    if (row != p.open_rows.end()) {
        if (e.live) writer_.live(row->second, live_record(plan, *e.live));
        writer_.finish(row->second, e.at, ms(e.played), status, reason, e.failure.detail);
        p.open_rows.erase(row);
    } else {
        // Never reached the outputs (missing, changed or undecodable file, no output open).
        writer_.record_not_aired(plan, Status::failed, e.at, reason, e.failure.detail, PendingKey{programme, cue});
    }
    if (status == Status::completed)
        log()->info("airing \"{}\" completed, {} ms", plan.title, ms(e.played).count());
    else
        log()->warn("airing \"{}\" {}: {}{}{}", plan.title, to_code(status), reason,
                    e.failure.detail.empty() ? "" : " — ", e.failure.detail);
}

void AiringRecorder::done(const std::string& programme) {
    // Cues a stop dropped before they started (not handed on to a resuming programme).
    writer_.miss_pending(programme, domain::wall_now(), std::string(domain::texts::programme_stopped_before_airing));
    programmes_.erase(programme);
    log()->info("programme {} done", programme);
}

}  // namespace lp::journal
