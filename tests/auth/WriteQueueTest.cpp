// The write queue keeps order and retries a job that failed (a locked database) until it is done.

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "auth/WriteQueue.hpp"

namespace {

TEST(WriteQueue, RunsInOrderAndRetriesAFailedJob) {
    std::vector<int> done;  // touched by the queue's thread only until flush() returns
    int attempts = 0;
    lp::auth::WriteQueue q;
    q.push([&] { done.push_back(1); });
    q.push([&] {
        if (++attempts < 2) throw std::runtime_error("database is locked");
        done.push_back(2);
    });
    q.push([&] { done.push_back(3); });
    q.flush();
    EXPECT_EQ(done, (std::vector<int>{1, 2, 3})) << "the failed job is retried before the next one";
    EXPECT_EQ(attempts, 2);
}

TEST(WriteQueue, JobsStillQueuedRunAtDestruction) {
    int runs = 0;
    {
        lp::auth::WriteQueue q;
        for (int i = 0; i < 100; ++i) q.push([&] { ++runs; });
    }
    EXPECT_EQ(runs, 100);
}

}  // namespace
