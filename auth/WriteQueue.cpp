#include "auth/WriteQueue.hpp"

#include <spdlog/spdlog.h>

namespace lp::auth {

WriteQueue::WriteQueue() : thread_([this] { run(); }) {}

WriteQueue::~WriteQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void WriteQueue::push(Job job) noexcept {
    try {
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(std::move(job));
        }
        changed_.notify_all();
    } catch (const std::exception& e) {
        spdlog::error("auth: could not queue a write: {}", e.what());
    }
}

void WriteQueue::flush() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.empty() && !writing_; });
}

void WriteQueue::run() {
    std::unique_lock lock(mutex_);
    int failures = 0;
    for (;;) {
        changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, all written
        Job job = queue_.front();
        writing_ = true;
        lock.unlock();
        bool ok = true;
        try {
            job();
        } catch (const std::exception& e) {
            ok = false;
            if (failures++ % 60 == 0) spdlog::error("auth: a database write failed (kept, retrying): {}", e.what());
        }
        lock.lock();
        writing_ = false;
        if (ok) {
            queue_.pop_front();
            failures = 0;
        } else if (!stopping_ || failures < 5) {
            changed_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; });
        } else {
            spdlog::error("auth: {} database writes (audit rows) lost at shutdown", queue_.size());
            queue_.clear();
        }
        changed_.notify_all();
    }
}

}  // namespace lp::auth
