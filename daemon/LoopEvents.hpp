#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "audio/Player.hpp"

namespace lp::daemon {

// The loop-side receiver of the player's events. Called on the loop thread only.
class PlayerEventSink {
public:
    virtual ~PlayerEventSink() = default;
    virtual void started(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                         const std::vector<std::string>& outputs) = 0;
    virtual void progress(const std::string& programme, std::size_t cue, std::chrono::microseconds position) = 0;
    virtual void finished(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                          std::chrono::microseconds played, audio::CueResult result, const std::string& reason) = 0;
    virtual void done(const std::string& programme) = 0;
    // An output dropped out of, or rejoined, a started cue (see audio::PlayerEvents).
    virtual void outputs_changed(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                                 const std::vector<std::string>& outputs) = 0;
};

// Carries the player thread's events onto the event loop, where the sink (and with it every
// SQLite write) runs. Each callback posts and returns at once.
class LoopEvents final : public audio::PlayerEvents {
public:
    LoopEvents(boost::asio::io_context& io, PlayerEventSink& sink) : io_(io), sink_(sink) {}

    void on_started(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                    std::vector<std::string> outputs) override {
        boost::asio::post(io_, [this, programme, cue, at, outputs = std::move(outputs)] {
            sink_.started(programme, cue, at, outputs);
        });
    }
    void on_progress(const std::string& programme, std::size_t cue, std::chrono::microseconds position) override {
        boost::asio::post(io_, [this, programme, cue, position] { sink_.progress(programme, cue, position); });
    }
    void on_finished(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                     std::chrono::microseconds played, audio::CueResult result, std::string reason) override {
        boost::asio::post(io_, [this, programme, cue, at, played, result, reason = std::move(reason)] {
            sink_.finished(programme, cue, at, played, result, reason);
        });
    }
    void on_outputs_changed(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                            std::vector<std::string> outputs) override {
        boost::asio::post(io_, [this, programme, cue, at, outputs = std::move(outputs)] {
            sink_.outputs_changed(programme, cue, at, outputs);
        });
    }
    void on_programme_done(const std::string& programme) override {
        boost::asio::post(io_, [this, programme] { sink_.done(programme); });
    }

private:
    boost::asio::io_context& io_;
    PlayerEventSink& sink_;
};

}  // namespace lp::daemon
