#include "audio/player/OutputSet.hpp"

#include <algorithm>

#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"

namespace lp::audio::player {

OutputSet::OutputSet(const std::vector<OutputSpec>& configured,
                     const std::vector<std::string>& names) {
    const auto log = detail::logger("audio");
    std::vector<const OutputSpec*> wanted;
    if (names.empty()) {
        for (const auto& spec : configured) wanted.push_back(&spec);
    } else {
        for (const auto& name : names) {
            const auto it = std::find_if(configured.begin(), configured.end(),
                                         [&](const OutputSpec& s) { return s.name == name; });
            if (it == configured.end()) {
                log->warn("output '{}' is not configured; left out", name);
                failures_.push_back(name + ": not configured");
            } else {
                wanted.push_back(&*it);
            }
        }
    }
    for (const OutputSpec* spec : wanted) {
        auto output = make_output(*spec);
        try {
            output->open();
        } catch (const std::exception& e) {
            log->warn("{}; left out of this programme", e.what());
            failures_.push_back(spec->name + ": " + e.what());
            continue;
        }
        Entry entry{std::move(output), std::nullopt, {}};
        if (entries_.empty()) {
            format_ = spec->format;
            layout_.emplace(format_.channels);
        } else if (!(spec->format == format_)) {
            ffmpeg::ChannelLayout out_layout{spec->format.channels};
            entry.converter.emplace(
                ffmpeg::AudioSpec{layout_->ptr(), AV_SAMPLE_FMT_S16, format_.sample_rate},
                ffmpeg::AudioSpec{out_layout.ptr(), AV_SAMPLE_FMT_S16, spec->format.sample_rate});
        }
        entries_.push_back(std::move(entry));
    }
}

std::vector<std::string> OutputSet::names() const {
    std::vector<std::string> result;
    for (const auto& entry : entries_) result.push_back(entry.output->spec().name);
    return result;
}

std::string OutputSet::failures() const {
    std::string text;
    for (const auto& failure : failures_) text += (text.empty() ? "" : "; ") + failure;
    return text;
}

void OutputSet::write_one(Entry& entry, std::span<const Sample> interleaved) {
    if (!entry.converter) {
        entry.output->write(interleaved);
        return;
    }
    const auto in_frames = static_cast<int>(interleaved.size() / format_.channels);
    const int capacity = entry.converter->max_output(in_frames);
    const auto out_channels = static_cast<std::size_t>(entry.output->spec().format.channels);
    entry.buffer.resize(static_cast<std::size_t>(capacity) * out_channels);
    auto* out = reinterpret_cast<std::uint8_t*>(entry.buffer.data());
    const auto* in = reinterpret_cast<const std::uint8_t*>(interleaved.data());
    const int got = entry.converter->convert(&out, capacity, &in, in_frames);
    entry.output->write(std::span<const Sample>{entry.buffer.data(),
                                                static_cast<std::size_t>(got) * out_channels});
}

void OutputSet::write(std::span<const Sample> interleaved) {
    for (std::size_t i = 0; i < entries_.size();) {
        try {
            write_one(entries_[i], interleaved);
            ++i;
        } catch (const std::exception& e) {
            drop(i, e.what());
        }
    }
}

void OutputSet::drop(std::size_t index, const std::string& reason) {
    auto& output = *entries_[index].output;
    detail::logger("audio")->warn("{}; dropped for the rest of this programme", reason);
    failures_.push_back(output.spec().name + ": " + reason);
    output.close();
    entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(index));
}

void OutputSet::close() noexcept {
    for (auto& entry : entries_) entry.output->close();
}

}  // namespace lp::audio::player
