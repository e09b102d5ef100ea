#pragma once
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "audio/Player.hpp"
#include "tests/support/Wait.hpp"

namespace lp::audio::test {

// One player event, as recorded.
struct Event {
    enum Kind { started, progress, finished, programme_done, outputs_changed } kind;
    std::string programme;
    std::size_t cue = 0;
    Clock::time_point at{};
    std::chrono::microseconds position{};  // progress position or finished `played`
    CueResult result = CueResult::completed;
    std::string reason;
    std::vector<std::string> outputs;
    FailureKind failure = FailureKind::none;
    std::optional<LiveReport> live{};              // finished live cues
    std::optional<RecordingPosition> recording{};  // started: where it went in the archive
};

// Records every event (they arrive on the player thread) for a test to wait on.
class RecordingEvents final : public PlayerEvents {
public:
    lp::test::Guarded<std::vector<Event>> events;

    void on_event(PlayerEvent e) override {
        Event out{Event::programme_done, e.programme, e.cue, Clock::now(), {}, {}, {}, {}};
        std::visit(
            [&](auto& what) {
                using T = std::decay_t<decltype(what)>;
                if constexpr (std::is_same_v<T, event::Started>) {
                    out.kind = Event::started;
                    out.at = what.at;
                    out.outputs = std::move(what.outputs);
                    out.recording = std::move(what.recording);
                } else if constexpr (std::is_same_v<T, event::Progress>) {
                    out.kind = Event::progress;
                    out.position = what.position;
                } else if constexpr (std::is_same_v<T, event::OutputsChanged>) {
                    out.kind = Event::outputs_changed;
                    out.at = what.at;
                    out.outputs = std::move(what.outputs);
                } else if constexpr (std::is_same_v<T, event::Finished>) {
                    out.kind = Event::finished;
                    out.at = what.at;
                    out.position = what.played;
                    out.result = what.result;
                    out.reason = what.failure.detail;
                    out.failure = what.failure.kind;
                    out.live = what.live;
                } else {
                    out.cue = 0;
                }
            },
            e.what);
        add(std::move(out));
    }

    // Waits (up to `timeout`) for on_programme_done(programme).
    bool wait_done(const std::string& programme, std::chrono::milliseconds timeout = std::chrono::seconds{30}) {
        return events.wait_for(timeout, [&](const std::vector<Event>& all) {
            for (const auto& e : all)
                if (e.kind == Event::programme_done && e.programme == programme) return true;
            return false;
        });
    }

    // The recorded events of one kind.
    std::vector<Event> of(Event::Kind kind) const {
        std::vector<Event> result;
        for (auto& e : events.get())
            if (e.kind == kind) result.push_back(e);
        return result;
    }

private:
    void add(Event e) {
        events.update([&](std::vector<Event>& all) { all.push_back(std::move(e)); });
    }
};

}  // namespace lp::audio::test
