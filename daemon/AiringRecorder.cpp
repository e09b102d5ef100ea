#include "daemon/AiringRecorder.hpp"

#include <algorithm>

#include "daemon/FailureNote.hpp"
#include "daemon/Logging.hpp"
#include "domain/Texts.hpp"

namespace lp::daemon {
namespace {

journal::Status status_of(audio::CueResult r) {
    switch (r) {
        case audio::CueResult::completed: return journal::Status::completed;
        case audio::CueResult::interrupted: return journal::Status::interrupted;
        case audio::CueResult::failed: return journal::Status::failed;
    }
    return journal::Status::failed;
}

std::chrono::milliseconds ms(std::chrono::microseconds us) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(us);
}

}  // namespace

AiringRecorder::AiringRecorder(journal::JournalStore& journal, journal::PendingAirings& pending)
    : journal_(journal), pending_(pending) {}

void AiringRecorder::expect(const std::string& programme, audio::Clock::time_point start,
                            std::vector<journal::AiringPlan> plans) {
    pending_.add(programme, plans);
    programmes_[programme] = Pending{start, std::move(plans), {}, {}};
}

void AiringRecorder::handed_on(const std::string& programme, std::size_t from_cue) {
    const auto it = programmes_.find(programme);
    if (it == programmes_.end()) return;
    for (std::size_t cue = from_cue; cue < it->second.plans.size(); ++cue) pending_.remove(programme, cue);
}

int AiringRecorder::journal_leftovers(audio::Clock::time_point now, const std::string& reason) {
    const auto left = pending_.take_all();
    for (const auto& plan : left) journal_.record_not_aired(plan, journal::Status::missed, now, reason);
    if (!left.empty()) logger("journal")->warn("{} planned airing(s) never started: journaled missed", left.size());
    return static_cast<int>(left.size());
}

void AiringRecorder::started(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                             const std::vector<std::string>& outputs) {
    auto& p = programmes_.at(programme);
    const auto& plan = p.plans.at(cue);
    std::optional<std::chrono::microseconds> lateness;
    if (cue == 0) lateness = std::chrono::duration_cast<std::chrono::microseconds>(at - p.start);
    p.open_rows[cue] = journal_.begin(plan, at, outputs, lateness);
    pending_.remove(programme, cue);
    p.carried[cue] = outputs;
    const auto late = std::chrono::duration_cast<std::chrono::milliseconds>(at - plan.scheduled_at);
    if (lateness)
        logger("journal")->info("airing \"{}\" ({}) started on [{}], first sample {:.3f} ms after its start instant",
                                plan.title, plan.slot, fmt::join(outputs, ", "),
                                static_cast<double>(lateness->count()) / 1000.0);
    else
        logger("journal")->info("airing \"{}\" ({}) started on [{}], {} ms after its slot time", plan.title,
                                plan.slot, fmt::join(outputs, ", "), late.count());
}

void AiringRecorder::outputs_changed(const std::string& programme, std::size_t cue, audio::Clock::time_point,
                                     const std::vector<std::string>& outputs) {
    auto& p = programmes_.at(programme);
    const auto row = p.open_rows.find(cue);
    if (row == p.open_rows.end()) return;
    auto& carried = p.carried[cue];
    bool grew = false;
    for (const auto& name : outputs) {
        if (std::find(carried.begin(), carried.end(), name) == carried.end()) {
            carried.push_back(name);
            grew = true;
        }
    }
    if (grew) journal_.set_outputs(row->second, carried);
    logger("journal")->warn("airing \"{}\": now on [{}]", p.plans.at(cue).title, fmt::join(outputs, ", "));
}

void AiringRecorder::progress(const std::string& programme, std::size_t cue, std::chrono::microseconds position) {
    auto& p = programmes_.at(programme);
    if (auto it = p.open_rows.find(cue); it != p.open_rows.end()) journal_.progress(it->second, ms(position));
}

void AiringRecorder::finished(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                              std::chrono::microseconds played, audio::CueResult result,
                              const std::string& reason) {
    auto& p = programmes_.at(programme);
    const auto& plan = p.plans.at(cue);
    const auto status = status_of(result);
    // A failure's reason in Vietnamese; the player's own text (FFmpeg, file path) as detail.
    const bool failed = status == journal::Status::failed;
    const std::string note = failed ? failure_reason(reason) : reason;
    const std::string detail = failed ? reason : std::string();
    if (auto it = p.open_rows.find(cue); it != p.open_rows.end()) {
        journal_.finish(it->second, at, ms(played), status, note, detail);
        p.open_rows.erase(it);
    } else {
        // Never reached the outputs (missing or undecodable file, no output open).
        journal_.record_failure(plan, at, note, detail);
        pending_.remove(programme, cue);
    }
    if (status == journal::Status::completed)
        logger("journal")->info("airing \"{}\" completed, {} ms", plan.title, ms(played).count());
    else
        logger("journal")->warn("airing \"{}\" {}: {}", plan.title, journal::to_code(status), reason);
}

void AiringRecorder::done(const std::string& programme) {
    // Cues a stop dropped before they started (not handed on to a resuming programme).
    const auto now = std::chrono::system_clock::now();
    for (const auto& plan : pending_.take(programme))
        journal_.record_not_aired(plan, journal::Status::missed, now,
                                  std::string(domain::texts::programme_stopped_before_airing));
    programmes_.erase(programme);
    logger("journal")->info("programme {} done", programme);
}

}  // namespace lp::daemon
