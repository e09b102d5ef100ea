#include "audio/live/Relay.hpp"

#include <algorithm>
#include <cmath>

#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"

namespace lp::audio::live {
namespace {

std::chrono::milliseconds frames_ms(std::uint64_t frames, int rate) {
    return std::chrono::milliseconds{static_cast<std::int64_t>(frames * 1000 / static_cast<std::uint64_t>(rate))};
}

}  // namespace

Relay::Relay(LiveSource& source, PcmFormat format, std::chrono::milliseconds buffer, std::optional<RunningGain> gain,
             double fallback_gain_db)
    : source_(source),
      format_(format),
      channels_(static_cast<std::size_t>(format.channels)),
      buffer_frames_(static_cast<std::size_t>(format.sample_rate) * static_cast<std::size_t>(buffer.count()) / 1000),
      gain_(std::move(gain)),
      fallback_gain_(static_cast<float>(std::pow(10.0, fallback_gain_db / 20.0))) {}

void Relay::set_notice(std::filesystem::path notice, std::chrono::milliseconds after, std::chrono::milliseconds every) {
    notice_path_ = std::move(notice);
    const auto frames = [&](std::int64_t ms) {
        return static_cast<std::uint64_t>(ms) * static_cast<std::uint64_t>(format_.sample_rate) / 1000;
    };
    // At least a second between notices, so that a notice never restarts inside a chunk loop.
    notice_every_frames_ = frames(std::max<std::int64_t>(every.count(), 1000));
    notice_after_frames_ = std::min(frames(std::max<std::int64_t>(after.count(), 0)), notice_every_frames_);
}

void Relay::begin_dropout(Clock::time_point at) {
    in_dropout_ = true;
    dropouts_.push_back({at, {}});
    dropout_frames_ = 0;
    fallback_.reset();  // the fallback starts from its beginning at each dropout
    fallback_broken_ = false;
    // The notice's cycle starts `after` before its end: silence until the first notice.
    notice_.reset();
    notice_cycle_frames_ = notice_every_frames_ - notice_after_frames_;
    notice_ended_ = true;
}

void Relay::fill(std::span<float> out, Clock::time_point at) {
    const std::size_t frames = out.size() / channels_;
    if (!flowing_ && source_.buffered() >= std::max<std::size_t>(buffer_frames_, 1)) {
        flowing_ = true;
        // A capture device is someone speaking in the room: what it heard before the cue's
        // start (the pre-roll, 2 s) or during a dropout is not to air, and would keep the
        // loudspeakers that far behind the speaker for the whole session. The newest `buffer`
        // stays, for the capture's own jitter. A stream keeps all it buffered: its lag is the
        // station's already, and the margin rides out the network.
        if (source_.is_capture()) source_.drop_oldest(buffer_frames_);
        if (in_dropout_) dropouts_.back().length = frames_ms(dropout_frames_, format_.sample_rate);
        in_dropout_ = false;
    }
    std::size_t got = 0;
    if (flowing_) {
        got = source_.take(out);
        if (got > 0 && gain_) gain_->apply(out.first(got * channels_));
        relayed_frames_ += got;
    }
    if (got == frames) return;
    // The source ran dry in this chunk, or has not flowed yet: the fallback fills in.
    flowing_ = false;
    if (!in_dropout_)
        begin_dropout(at + std::chrono::microseconds{static_cast<std::int64_t>(got) * 1'000'000 / format_.sample_rate});
    dropout_frames_ += frames - got;
    fill_fallback(out.subspan(got * channels_));
}

void Relay::fill_fallback(std::span<float> out) {
    const auto& spec = source_.spec();
    if (spec.fallback.empty() && !notice_path_.empty()) return fill_notice(out);
    std::size_t done = 0;
    while (done < out.size() && !spec.fallback.empty() && !fallback_broken_) {
        try {
            if (!fallback_) fallback_.emplace(spec.fallback, format_);
            const std::size_t got = fallback_->read(out.subspan(done)) * channels_;
            if (got == 0) {
                fallback_.reset();  // looped: from its start again
                continue;
            }
            if (fallback_gain_ != 1.0F)
                for (std::size_t i = done; i < done + got; ++i) out[i] *= fallback_gain_;
            done += got;
        } catch (const MediaError& e) {
            detail::logger("audio")->warn("fallback of live source {}: silence instead: {}", spec.url, e.what());
            fallback_.reset();
            fallback_broken_ = true;
        }
    }
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(done), out.end(), 0.0F);
}

void Relay::fill_notice(std::span<float> out) {
    std::size_t done = 0;
    while (done < out.size()) {
        if (notice_cycle_frames_ >= notice_every_frames_) {
            notice_cycle_frames_ = 0;
            notice_ended_ = false;
            notice_.reset();
        }
        const auto room = std::min<std::size_t>(
            out.size() - done, static_cast<std::size_t>(notice_every_frames_ - notice_cycle_frames_) * channels_);
        const auto part = out.subspan(done, room);
        std::size_t got = 0;
        if (!notice_ended_ && !notice_broken_) {
            try {
                if (!notice_) notice_.emplace(notice_path_, format_);
                got = notice_->read(part) * channels_;
            } catch (const MediaError& e) {
                detail::logger("audio")->warn("spoken notice {} for live sources: silence instead: {}",
                                              notice_path_.string(), e.what());
                notice_broken_ = true;
            }
            if (got == 0) {
                notice_ended_ = true;
                notice_.reset();
            } else {
                notice_played_ = true;
                if (fallback_gain_ != 1.0F)
                    for (auto& s : part.first(got)) s *= fallback_gain_;
            }
        }
        if (got == 0) {
            std::fill(part.begin(), part.end(), 0.0F);
            got = room;
        }
        done += got;
        notice_cycle_frames_ += got / channels_;
    }
}

LiveReport Relay::report(std::chrono::milliseconds planned) const {
    LiveReport r;
    r.planned = planned;
    r.relayed = std::chrono::microseconds{
        static_cast<std::int64_t>(relayed_frames_ * 1'000'000 / static_cast<std::uint64_t>(format_.sample_rate))};
    r.dropouts = dropouts_;
    if (in_dropout_) r.dropouts.back().length = frames_ms(dropout_frames_, format_.sample_rate);
    r.fallback = source_.spec().fallback.empty() ? std::string{} : source_.spec().fallback.filename().string();
    r.notice = notice_played_;
    r.last_error = source_.last_error();
    return r;
}

}  // namespace lp::audio::live
