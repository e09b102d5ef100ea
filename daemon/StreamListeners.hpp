#pragma once
// Wires the listener sampler (reach/ListenerSampler) to the player's events and the journal:
// an airing's start starts sampling its stream outputs that name an Icecast admin account; its
// end takes a last sample off the loop, and the figures come back to the loop and go beside the
// airing's journal row through the JournalWriter. Called on the loop thread only.

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "audio/Player.hpp"
#include "journal/AiringRecorder.hpp"
#include "journal/JournalWriter.hpp"
#include "reach/ListenerSampler.hpp"

namespace lp::daemon {

class StreamListeners {
public:
    StreamListeners(boost::asio::io_context& loop, journal::JournalWriter& writer,
                    const journal::AiringRecorder& recorder, reach::SamplerOptions options = {});

    // The config's outputs, at start and after a reload. An icecast output without an admin
    // account is named in the log once.
    void outputs(const std::vector<audio::OutputSpec>& specs);
    // Before the recorder has seen the event (the row of a finishing cue is still known).
    void before_recorded(const audio::PlayerEvent& event);
    // After it: a finished airing's last sample is asked for.
    void after_recorded(const audio::PlayerEvent& event);

    // At a stop, after the player's last events were recorded: waits up to `bound` for the
    // last samples of the airings that just ended, then runs their writes on the loop (the
    // loop has stopped: the caller polls it).
    void settle(std::chrono::milliseconds bound);

    reach::ListenerSampler& sampler() { return *sampler_; }

private:
    using Cue = std::pair<std::string, std::size_t>;
    boost::asio::io_context& loop_;
    journal::JournalWriter& writer_;
    const journal::AiringRecorder& recorder_;
    std::map<std::string, reach::SampledOutput> sampled_;  // by output name
    std::set<std::string> told_no_admin_;
    std::map<Cue, std::uint64_t> airing_keys_;
    std::map<Cue, std::optional<std::int64_t>> ending_rows_;
    std::uint64_t next_key_ = 1;
    // Last: its thread stops before the members its deliveries use go.
    std::unique_ptr<reach::ListenerSampler> sampler_;
};

}  // namespace lp::daemon
