#pragma once
// Runs database writes on a thread of its own, in the order they were queued (audit rows, a
// token's last use), so that a request never waits for an fsync or another process's write
// lock. A job that throws (database locked, disk full) is kept and retried every second; jobs
// still queued at destruction are tried then.

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

namespace lp::auth {

class WriteQueue {
public:
    using Job = std::function<void()>;
    WriteQueue();
    ~WriteQueue();
    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    void push(Job job) noexcept;
    // Waits until everything queued so far is written (tests, shutdown).
    void flush();

private:
    void run();
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> queue_;
    bool writing_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace lp::auth
