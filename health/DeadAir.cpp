#include "health/DeadAir.hpp"

#include <cmath>

namespace lp::health {

double to_dbfs(double linear) { return linear <= 1e-10 ? -200.0 : 20.0 * std::log10(linear); }

DeadAirAlarm::Change DeadAirAlarm::update(TimePoint now, const LevelSample& s) {
    const bool bad = s.should_play && (!s.carrying || s.peak_dbfs < options_.silence_dbfs);
    if (bad) {
        failing_ = !s.carrying;
        good_since_.reset();
        if (!bad_since_) bad_since_ = now;
        if (!active_ && now - *bad_since_ >= options_.threshold) {
            active_ = true;
            ++raised_;
            return Change::raised;
        }
        return Change::none;
    }
    if (!good_since_) good_since_ = now;
    // A good moment shorter than clear_after neither ends a bad stretch nor clears.
    if (now - *good_since_ < options_.clear_after && s.should_play) return Change::none;
    bad_since_.reset();
    if (!active_) return Change::none;
    active_ = false;
    return Change::cleared;
}

}  // namespace lp::health
