#pragma once
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <utility>

namespace lp::test {

// A value shared with another thread (e.g. events recorded by a PlayerEvents on the player
// thread) that a test can wait on without sleeping:
//   Guarded<std::vector<Event>> events;
//   events.update([&](auto& v) { v.push_back(e); });               // other thread
//   ASSERT_TRUE(events.wait_for(5s, [](auto& v) { return v.size() == 3; }));
template <typename T>
class Guarded {
public:
    Guarded() = default;
    explicit Guarded(T initial) : value_(std::move(initial)) {}

    // Changes the value under the lock and wakes the waiters.
    template <typename F>
    void update(F&& change) {
        {
            std::lock_guard lock{mutex_};
            std::forward<F>(change)(value_);
        }
        changed_.notify_all();
    }

    // Waits until predicate(value) holds; false on timeout.
    template <typename Rep, typename Period, typename Predicate>
    bool wait_for(std::chrono::duration<Rep, Period> timeout, Predicate predicate) {
        std::unique_lock lock{mutex_};
        return changed_.wait_for(lock, timeout, [&] { return predicate(std::as_const(value_)); });
    }

    // A copy of the value.
    T get() const {
        std::lock_guard lock{mutex_};
        return value_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    T value_{};
};

}  // namespace lp::test
