#pragma once
// The listener counts sampled on one output during one airing, and their figures. Pure.

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "journal/ListenerRecord.hpp"

namespace lp::reach {

class ListenerSeries {
public:
    using TimePoint = std::chrono::system_clock::time_point;

    // A count read at `at`; samples come in time order.
    void add(TimePoint at, int count) { samples_.emplace_back(at, count); }
    bool empty() const { return samples_.empty(); }

    // Peak, and the mean weighted by time: each sample's count holds from its instant until
    // the next sample's, over the first to the last sample (a sampled step function, so a
    // listener who came and went between two samples is not seen). With every sample at one
    // instant, the plain mean. None without samples.
    std::optional<journal::ListenerFigure> figure(const std::string& output) const;

private:
    std::vector<std::pair<TimePoint, int>> samples_;
};

}  // namespace lp::reach
