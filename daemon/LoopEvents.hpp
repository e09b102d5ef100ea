#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "audio/Player.hpp"
#include "daemon/AiringRecorder.hpp"

namespace lp::daemon {

// Carries the player thread's events onto the event loop, where the recorder (and with it
// every SQLite write) runs. Each callback posts and returns at once.
class LoopEvents final : public audio::PlayerEvents {
public:
    LoopEvents(boost::asio::io_context& io, AiringRecorder& recorder) : io_(io), recorder_(recorder) {}

    void on_started(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                    std::vector<std::string> outputs) override {
        boost::asio::post(io_, [this, programme, cue, at, outputs = std::move(outputs)] {
            recorder_.started(programme, cue, at, outputs);
        });
    }
    void on_progress(const std::string& programme, std::size_t cue, std::chrono::microseconds position) override {
        boost::asio::post(io_, [this, programme, cue, position] { recorder_.progress(programme, cue, position); });
    }
    void on_finished(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                     std::chrono::microseconds played, audio::CueResult result, std::string reason) override {
        boost::asio::post(io_, [this, programme, cue, at, played, result, reason = std::move(reason)] {
            recorder_.finished(programme, cue, at, played, result, reason);
        });
    }
    void on_programme_done(const std::string& programme) override {
        boost::asio::post(io_, [this, programme] { recorder_.done(programme); });
    }

private:
    boost::asio::io_context& io_;
    AiringRecorder& recorder_;
};

}  // namespace lp::daemon
