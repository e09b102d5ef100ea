#include "reach/ListenerSeries.hpp"

#include <algorithm>

namespace lp::reach {

std::optional<journal::ListenerFigure> ListenerSeries::figure(const std::string& output) const {
    if (samples_.empty()) return std::nullopt;
    journal::ListenerFigure f{output, 0, 0, static_cast<int>(samples_.size())};
    double weighted = 0, plain = 0;
    for (std::size_t i = 0; i < samples_.size(); ++i) {
        f.peak = std::max(f.peak, samples_[i].second);
        plain += samples_[i].second;
        if (i + 1 < samples_.size())
            weighted +=
                samples_[i].second * std::chrono::duration<double>(samples_[i + 1].first - samples_[i].first).count();
    }
    const double span = std::chrono::duration<double>(samples_.back().first - samples_.front().first).count();
    f.mean = span > 0 ? weighted / span : plain / static_cast<double>(samples_.size());
    return f;
}

}  // namespace lp::reach
