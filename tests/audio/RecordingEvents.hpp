#pragma once
#include <string>
#include <vector>

#include "audio/Player.hpp"
#include "tests/support/Wait.hpp"

namespace lp::audio::test {

// One PlayerEvents call, as recorded.
struct Event {
    enum Kind { started, progress, finished, programme_done, outputs_changed } kind;
    std::string programme;
    std::size_t cue = 0;
    Clock::time_point at{};
    std::chrono::microseconds position{};  // progress position or finished `played`
    CueResult result = CueResult::completed;
    std::string reason;
    std::vector<std::string> outputs;
};

// Records every event (they arrive on the player thread) for a test to wait on.
class RecordingEvents final : public PlayerEvents {
public:
    lp::test::Guarded<std::vector<Event>> events;

    void on_started(const std::string& programme, std::size_t cue, Clock::time_point at,
                    std::vector<std::string> outputs) override {
        add({Event::started, programme, cue, at, {}, {}, {}, std::move(outputs)});
    }
    void on_progress(const std::string& programme, std::size_t cue,
                     std::chrono::microseconds position) override {
        add({Event::progress, programme, cue, Clock::now(), position, {}, {}, {}});
    }
    void on_finished(const std::string& programme, std::size_t cue, Clock::time_point at,
                     std::chrono::microseconds played, CueResult result,
                     std::string reason) override {
        add({Event::finished, programme, cue, at, played, result, std::move(reason), {}});
    }
    void on_outputs_changed(const std::string& programme, std::size_t cue, Clock::time_point at,
                            std::vector<std::string> outputs) override {
        add({Event::outputs_changed, programme, cue, at, {}, {}, {}, std::move(outputs)});
    }
    void on_programme_done(const std::string& programme) override {
        add({Event::programme_done, programme, 0, Clock::now(), {}, {}, {}, {}});
    }

    // Waits (up to `timeout`) for on_programme_done(programme).
    bool wait_done(const std::string& programme,
                   std::chrono::milliseconds timeout = std::chrono::seconds{30}) {
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
