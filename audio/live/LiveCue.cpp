#include "audio/live/LiveCue.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <vector>

#include "audio/live/AlsaCapture.hpp"
#include "audio/live/Relay.hpp"
#include "audio/player/Shaper.hpp"
#include "domain/WallClock.hpp"

namespace lp::audio::live {

namespace {

std::string seconds_text(std::chrono::microseconds t) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(t.count()) / 1e6);
    return text;
}

}  // namespace

bool air_live(LiveSource& source, const LiveCueSetup& setup, CueSink& sink, spdlog::logger& log) {
    const auto& spec = source.spec();
    const auto& format = setup.format;
    std::optional<RunningGain> gain;
    if (setup.loudness_target_lufs)
        gain.emplace(format, *setup.loudness_target_lufs, setup.max_cut_db, setup.max_boost_db);
    Relay relay{source, format, setup.buffer, std::move(gain), setup.fallback_gain_db};
    if (!setup.notice.empty()) relay.set_notice(setup.notice, setup.notice_after, setup.notice_every);
    player::Shaper shaper{format, 0.0, setup.fade_in, setup.fade_out};
    const auto channels = static_cast<std::size_t>(format.channels);
    auto planned = setup.planned;
    const auto total =
        static_cast<std::uint64_t>(planned.count()) * static_cast<std::uint64_t>(format.sample_rate) / 1000;
    std::vector<float> chunk(setup.chunk_frames * channels);
    std::uint64_t done = 0;
    const auto finish = [&](CueResult result, Failure failure = {}) {
        return sink.finish(result, std::move(failure), relay.report(planned));
    };
    log.info("programme '{}' cue {}: relaying {} for {} s", setup.programme, setup.cue, spec.url,
             seconds_text(setup.planned));
    while (done < total) {
        if (sink.cancelled()) return finish(CueResult::interrupted);
        if (sink.end_requested()) {
            if (done == 0) {  // stopped in its pre-roll: nothing of it aired, nor will its row say so
                log.info("programme '{}' cue {}: ended by the operator before its first sample", setup.programme,
                         setup.cue);
                return finish(CueResult::interrupted);
            }
            planned = std::chrono::milliseconds{static_cast<std::int64_t>(done * 1000 / format.sample_rate)};
            log.info("programme '{}' cue {}: ended by the operator after {} s", setup.programme, setup.cue,
                     seconds_text(planned));
            break;
        }
        const auto n = std::min<std::uint64_t>(setup.chunk_frames, total - done);
        const std::span<float> part{chunk.data(), n * channels};
        relay.fill(part, domain::wall_now());
        if (!sink.emit(shaper.push(part))) return finish(CueResult::interrupted);
        done += n;
        if (auto why = sink.outputs_failed())
            return finish(CueResult::failed, {FailureKind::outputs_failed, "every output failed: " + *why});
        sink.progress(relay.report(planned).relayed);
    }
    if (!sink.emit(shaper.finish())) return finish(CueResult::interrupted);
    sink.ensure_started();
    if (setup.last && !sink.drain()) return finish(CueResult::interrupted);
    const auto report = relay.report(planned);
    if (report.dropouts.empty()) return finish(CueResult::completed);
    const auto kind = report.relayed.count() > 0 ? FailureKind::source_dropouts : FailureKind::source_unreachable;
    log.warn("programme '{}' cue {}: {} relayed {} s of {} s, {} dropout(s): {}", setup.programme, setup.cue, spec.url,
             seconds_text(report.relayed), seconds_text(planned), report.dropouts.size(), report.last_error);
    return finish(
        CueResult::failed,
        {kind, report.last_error.empty() ? spec.url + ": not ready at the start, or it ran dry" : report.last_error});
}

const std::filesystem::path& notice_for(const LiveSpec& spec, const LiveOptions& options) {
    return capture_device(spec.url) ? options.capture_notice : options.notice;
}

void OpenAhead::open(std::size_t cue, const LiveSpec& spec, PcmFormat format) {
    if (sources_.contains(cue)) return;
    sources_[cue] = std::make_unique<LiveSource>(spec, format, options_);
}

LiveSource& OpenAhead::take(std::size_t cue, const LiveSpec& spec, PcmFormat format) {
    auto& source = sources_[cue];
    if (!source || !(source->format() == format)) source = std::make_unique<LiveSource>(spec, format, options_);
    return *source;
}

}  // namespace lp::audio::live
