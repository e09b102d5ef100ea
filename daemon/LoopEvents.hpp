#pragma once
#include <functional>
#include <mutex>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "audio/Player.hpp"

namespace lp::daemon {

// Carries the player thread's events onto the event loop, where `handler` (and with it every
// SQLite write) runs, in order. Events that pile up while the loop is busy go in one post.
class LoopEvents final : public audio::PlayerEvents {
public:
    LoopEvents(boost::asio::io_context& io, std::function<void(const audio::PlayerEvent&)> handler)
        : io_(io), handler_(std::move(handler)) {}

    // Called on the player thread.
    void on_event(audio::PlayerEvent event) override {
        bool first = false;
        {
            std::lock_guard lock{mutex_};
            first = queue_.empty();
            queue_.push_back(std::move(event));
        }
        if (first) boost::asio::post(io_, [this] { drain(); });
    }

    // On the loop thread: handles what the player has sent so far now, so that a decision
    // (an emergency's cut) sees the player's latest state.
    void deliver_now() { drain(); }

private:
    // On the loop thread. A handler that throws leaves the rest queued for the next drain.
    void drain() {
        std::vector<audio::PlayerEvent> events;
        {
            std::lock_guard lock{mutex_};
            events.swap(queue_);
        }
        for (std::size_t i = 0; i < events.size(); ++i) {
            try {
                handler_(events[i]);
            } catch (...) {
                std::lock_guard lock{mutex_};
                const bool was_empty = queue_.empty();
                queue_.insert(queue_.begin(),
                              std::make_move_iterator(events.begin() + static_cast<std::ptrdiff_t>(i) + 1),
                              std::make_move_iterator(events.end()));
                if (was_empty && !queue_.empty()) boost::asio::post(io_, [this] { drain(); });
                throw;
            }
        }
    }

    boost::asio::io_context& io_;
    std::function<void(const audio::PlayerEvent&)> handler_;
    std::mutex mutex_;
    std::vector<audio::PlayerEvent> queue_;  // guarded by mutex_
};

}  // namespace lp::daemon
