#include "audio/player/OutputSet.hpp"

#include <algorithm>

#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"
#include "audio/output/AsyncOutput.hpp"
#include "audio/output/Registry.hpp"

namespace lp::audio::player {

namespace {

// Opens on a helper thread; the exception (if any) comes back through the future.
std::exception_ptr try_open(Output& output) noexcept {
    try {
        output.open();
        return nullptr;
    } catch (...) {
        return std::current_exception();
    }
}

std::string message(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown error";
    }
}

}  // namespace

// A network peer can stall (a server that stops reading holds a write for the whole I/O
// timeout): those outputs write from a thread of their own so that the loudspeakers never
// wait for them. Local outputs stay synchronous: the player paces against them.
std::unique_ptr<Output> make_player_output(const OutputSpec& spec) {
    const auto& kind = output::kind_of(spec);
    auto output = kind.make(spec);
    if (!kind.network()) return output;
    return std::make_unique<output::AsyncOutput>(std::move(output), spec.queue_limit, kind.tail(spec));
}

std::list<PlayerOutput> make_player_outputs(const std::vector<OutputSpec>& specs) {
    std::list<PlayerOutput> outputs;
    for (const auto& spec : specs) outputs.emplace_back(make_player_output(spec));
    return outputs;
}

OutputSet::OutputSet(std::list<PlayerOutput>& available, const std::vector<std::string>& names,
                     std::chrono::system_clock::time_point airing_start, RetryPolicy retry)
    : retry_(retry), airing_start_(airing_start) {
    const auto log = detail::logger("audio");
    std::vector<PlayerOutput*> wanted;
    if (names.empty()) {
        for (auto& slot : available) wanted.push_back(&slot);
    } else {
        for (const auto& name : names) {
            const auto it = std::find_if(available.begin(), available.end(),
                                         [&](const PlayerOutput& o) { return o.output->spec().name == name; });
            if (it == available.end()) {
                log->warn("output '{}' is not configured; left out", name);
                failures_.push_back(name + ": not configured");
            } else {
                wanted.push_back(&*it);
            }
        }
    }
    if (!wanted.empty()) {
        format_ = wanted.front()->output->spec().format;
        layout_.emplace(format_.channels);
    }
    for (PlayerOutput* slot : wanted) join(*slot);
}

void OutputSet::join(PlayerOutput& joining) {
    if (!layout_) layout_.emplace(format_.channels);
    PlayerOutput* slot = &joining;
    Entry entry;
    entry.slot = slot;
    entry.output = slot->output.get();
    entry.output->set_airing_start(airing_start_);
    entries_.push_back(std::move(entry));
    auto& added = entries_.back();
    Output* output = added.output;
    const bool busy =
        slot->pending.valid() && slot->pending.wait_for(std::chrono::seconds{0}) != std::future_status::ready;
    // A connect can block for its whole timeout (a server that does not answer): network
    // outputs, and any output an earlier programme left opening, open in the background
    // and the loudspeakers do not wait for them (settle()).
    if (busy || output::kind_of(output->spec()).network()) {
        open_in_background(added);
    } else if (auto error = try_open(*output)) {
        fail(added, message(error));
    } else {
        start_live(added);
    }
}

void OutputSet::leave(const std::vector<const PlayerOutput*>& going) {
    const auto gone = [&](const Entry& e) { return std::find(going.begin(), going.end(), e.slot) != going.end(); };
    bool was_live = false;
    for (auto& entry : entries_) {
        if (!gone(entry)) continue;
        was_live = was_live || entry.state == State::live;
        close_entry(entry);
    }
    std::erase_if(entries_, gone);
    if (was_live) ++generation_;
}

void OutputSet::settle(std::optional<Clock::time_point> deadline) {
    for (auto& entry : entries_) {
        if (entry.state != State::reopening) continue;
        if (deadline && entry.reopening.wait_until(*deadline) != std::future_status::ready) continue;
        if (auto error = entry.reopening.get())
            fail(entry, message(error));
        else
            start_live(entry);
    }
}

void OutputSet::open_in_background(Entry& entry) {
    entry.state = State::reopening;
    auto handover = std::make_shared<Handover>();
    entry.handover = handover;
    Output* output = entry.output;
    entry.reopening =
        std::async(std::launch::async, [output, handover, before = entry.slot->pending]() -> std::exception_ptr {
            if (before.valid()) before.wait();  // one open at a time on an output
            auto error = try_open(*output);
            std::lock_guard lock{handover->mutex};
            handover->done = true;
            if (handover->abandoned && !error) output->close();  // its programme is over
            return error;
        }).share();
    entry.slot->pending = entry.reopening;
}

bool OutputSet::opening() const {
    return std::any_of(entries_.begin(), entries_.end(), [](const Entry& e) { return e.state == State::reopening; });
}

void OutputSet::start_live(Entry& entry) {
    const PcmFormat own = entry.output->spec().format;
    entry.converter.reset();  // a fresh converter: no stale samples from before the gap
    if (!(own == format_)) {
        ffmpeg::ChannelLayout out_layout{own.channels};
        entry.converter.emplace(ffmpeg::AudioSpec{layout_->ptr(), AV_SAMPLE_FMT_S16, format_.sample_rate},
                                ffmpeg::AudioSpec{out_layout.ptr(), AV_SAMPLE_FMT_S16, own.sample_rate});
    }
    entry.state = State::live;
    entry.backoff = {};
    ++generation_;
}

bool OutputSet::empty() const {
    return std::none_of(entries_.begin(), entries_.end(), [](const Entry& e) { return e.state == State::live; });
}

std::vector<std::string> OutputSet::names() const {
    std::vector<std::string> result;
    for (const auto& entry : entries_)
        if (entry.state == State::live) result.push_back(entry.output->spec().name);
    return result;
}

std::string OutputSet::failures() const {
    std::string text;
    for (const auto& failure : failures_) text += (text.empty() ? "" : "; ") + failure;
    return text;
}

void OutputSet::fail(Entry& entry, const std::string& reason) {
    const bool was_live = entry.state == State::live;
    entry.output->close();
    entry.backoff = entry.backoff.count() == 0 ? retry_.first : std::min(entry.backoff * 2, retry_.max);
    entry.retry_at = Clock::now() + entry.backoff;
    entry.state = State::waiting;
    failures_.push_back(entry.output->spec().name + ": " + reason);
    detail::logger("audio")->warn("{}; retrying in {} ms", reason, entry.backoff.count());
    if (was_live) ++generation_;
}

void OutputSet::service() {
    const auto now = Clock::now();
    for (auto& entry : entries_) {
        if (entry.state == State::waiting && now >= entry.retry_at) {
            open_in_background(entry);
        } else if (entry.state == State::reopening &&
                   entry.reopening.wait_for(std::chrono::seconds{0}) == std::future_status::ready) {
            if (auto error = entry.reopening.get()) {
                fail(entry, message(error));
            } else {
                detail::logger("audio")->info("output '{}' is back; it rejoins the airing", entry.output->spec().name);
                start_live(entry);
            }
        }
    }
}

bool OutputSet::reopen_now() {
    const auto now = Clock::now();
    for (auto& entry : entries_) {
        if (entry.state == State::reopening) {
            entry.state = State::waiting;
            if (auto error = entry.reopening.get()) {
                fail(entry, message(error));
                continue;
            }
            start_live(entry);
        } else if (entry.state == State::waiting && now >= entry.retry_at) {
            if (auto error = try_open(*entry.output))
                fail(entry, message(error));
            else
                start_live(entry);
        }
    }
    return !empty();
}

void OutputSet::write_one(Entry& entry, std::span<const Sample> interleaved) {
    if (!entry.converter) {
        entry.output->write(interleaved);
        return;
    }
    const auto in_frames = static_cast<int>(interleaved.size() / static_cast<std::size_t>(format_.channels));
    const int capacity = entry.converter->max_output(in_frames);
    const auto out_channels = static_cast<std::size_t>(entry.output->spec().format.channels);
    entry.buffer.resize(static_cast<std::size_t>(capacity) * out_channels);
    auto* out = reinterpret_cast<std::uint8_t*>(entry.buffer.data());
    const auto* in = reinterpret_cast<const std::uint8_t*>(interleaved.data());
    const int got = entry.converter->convert(&out, capacity, &in, in_frames);
    entry.output->write(std::span<const Sample>{entry.buffer.data(), static_cast<std::size_t>(got) * out_channels});
}

void OutputSet::write(std::span<const Sample> interleaved) {
    service();
    for (auto& entry : entries_) {
        if (entry.state != State::live) continue;
        try {
            write_one(entry, interleaved);
        } catch (const std::exception& e) {
            fail(entry, e.what());
        }
    }
}

std::optional<RecordingPosition> OutputSet::recording_position() const {
    for (const auto& entry : entries_)
        if (entry.state == State::live)
            if (auto at = entry.output->recording_position()) return at;
    return std::nullopt;
}

void OutputSet::close() noexcept {
    for (auto& entry : entries_) close_entry(entry);
}

void OutputSet::close_entry(Entry& entry) noexcept {
    if (entry.state == State::reopening) {
        entry.state = State::waiting;
        std::lock_guard lock{entry.handover->mutex};
        if (!entry.handover->done) {  // still connecting: it closes the output when it is done
            entry.handover->abandoned = true;
            return;
        }
    }
    // The converter's last samples (its filter delay) go out before the trailer.
    if (entry.state == State::live && entry.converter) {
        try {
            const auto channels = static_cast<std::size_t>(entry.output->spec().format.channels);
            const int capacity = entry.converter->max_output(0);
            if (capacity > 0) {
                entry.buffer.resize(static_cast<std::size_t>(capacity) * channels);
                auto* out = reinterpret_cast<std::uint8_t*>(entry.buffer.data());
                const int got = entry.converter->convert(&out, capacity, nullptr, 0);
                entry.output->write(
                    std::span<const Sample>{entry.buffer.data(), static_cast<std::size_t>(got) * channels});
            }
        } catch (const std::exception& e) {
            detail::logger("audio")->warn("{} (at close)", e.what());
        }
    }
    entry.output->close();
    entry.state = State::waiting;
}

}  // namespace lp::audio::player
