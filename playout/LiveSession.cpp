#include "playout/LiveSession.hpp"

#include <algorithm>

namespace lp::playout {

void LiveSession::begin(LiveSessionInfo info) {
    info_ = std::move(info);
    programme_.reset();
}

void LiveSession::handed(const scheduler::Order& order) {
    if (!info_ || programme_) return;
    const auto ours = [&](const scheduler::PlannedCue& c) { return c.one_off == info_->one_off; };
    if (std::any_of(order.cues.begin(), order.cues.end(), ours)) programme_ = order.id;
}

void LiveSession::done(const std::string& programme) {
    if (programme_ && *programme_ == programme) clear();
}

void LiveSession::not_aired(std::optional<std::int64_t> one_off) {
    if (info_ && one_off == info_->one_off) clear();
}

void LiveSession::clear() {
    info_.reset();
    programme_.reset();
}

}  // namespace lp::playout
