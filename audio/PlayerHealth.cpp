#include "audio/PlayerHealth.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace lp::audio {

PlayerHealth::PlayerHealth(const std::vector<std::string>& output_names, std::size_t spare)
    : meters_(std::make_unique<OutputMeter[]>(output_names.size() + spare)),
      capacity_(output_names.size() + spare),
      count_(output_names.size()) {
    for (std::size_t i = 0; i < output_names.size(); ++i) meters_[i].name = output_names[i];
}

OutputMeter* PlayerHealth::add(const std::string& name) {
    if (auto* existing = find(name)) return existing;
    const std::size_t n = count_.load(std::memory_order_relaxed);
    if (n == capacity_) return nullptr;
    meters_[n].name = name;                          // written before the count publishes it
    count_.store(n + 1, std::memory_order_release);  // the player thread sees it complete
    return &meters_[n];
}

OutputMeter* PlayerHealth::find(const std::string& name) {
    for (auto& m : meters())
        if (m.name == name) return &m;
    return nullptr;
}

void PlayerHealth::fed(std::span<const Sample> interleaved, const std::vector<std::string>& live) {
    // In integers, which the compiler vectorises (a double sum must keep its order); a
    // chunk's squares stay far below 2^63.
    int peak = 0;
    std::int64_t squares = 0;
    for (const Sample s : interleaved) {
        const int v = s;
        peak = std::max(peak, v < 0 ? -v : v);
        squares += static_cast<std::int64_t>(v) * v;
    }
    const float peak_linear = static_cast<float>(peak) / 32768.0f;
    const float rms_linear =
        interleaved.empty()
            ? 0.0f
            : static_cast<float>(std::sqrt(static_cast<double>(squares) / static_cast<double>(interleaved.size())) /
                                 32768.0);
    for (auto& m : meters()) {
        const bool on = std::find(live.begin(), live.end(), m.name) != live.end();
        m.live.store(on, std::memory_order_relaxed);
        if (on && !m.was_live && m.failed_before) m.retries.fetch_add(1, std::memory_order_relaxed);  // came back
        m.was_live = on;
        if (!on) continue;
        float seen = m.peak.load(std::memory_order_relaxed);
        while (peak_linear > seen && !m.peak.compare_exchange_weak(seen, peak_linear, std::memory_order_relaxed)) {
        }
        m.rms.store(rms_linear, std::memory_order_relaxed);
        m.chunks.fetch_add(1, std::memory_order_relaxed);
    }
}

void PlayerHealth::failed(const std::vector<std::string>& failures, std::size_t& seen) {
    for (; seen < failures.size(); ++seen) {
        for (auto& m : meters()) {
            const auto& f = failures[seen];
            if (f.size() <= m.name.size() || f.compare(0, m.name.size(), m.name) != 0 || f[m.name.size()] != ':')
                continue;
            m.errors.fetch_add(1, std::memory_order_relaxed);
            if (m.failed_before && !m.was_live) m.retries.fetch_add(1, std::memory_order_relaxed);  // reopen failed
            m.failed_before = true;
            m.was_live = false;
            break;
        }
    }
}

void PlayerHealth::closed() {
    for (auto& m : meters()) {
        m.live.store(false, std::memory_order_relaxed);
        m.was_live = m.failed_before = false;
    }
}

}  // namespace lp::audio
