#include "daemon/StreamListeners.hpp"

#include <boost/asio/post.hpp>

#include <future>

#include "daemon/Logging.hpp"

namespace lp::daemon {

StreamListeners::StreamListeners(boost::asio::io_context& loop, journal::JournalWriter& writer,
                                 const journal::AiringRecorder& recorder, reach::SamplerOptions options)
    : loop_(loop),
      writer_(writer),
      recorder_(recorder),
      sampler_(std::make_unique<reach::ListenerSampler>(std::move(options))) {}

void StreamListeners::outputs(const std::vector<audio::OutputSpec>& specs) {
    sampled_.clear();
    for (const auto& spec : specs) {
        if (const auto source = reach::stats_source(spec)) {
            const auto every = spec.options.find("listeners_every");
            const int seconds = every == spec.options.end() ? 10 : std::stoi(every->second);
            sampled_[spec.name] = {*source, std::chrono::seconds{seconds}};
        } else if (reach::icecast_without_admin(spec) && told_no_admin_.insert(spec.name).second) {
            logger("reach")->info("output '{}': no admin_user/admin_password, its listeners are not counted",
                                  spec.name);
        }
    }
}

void StreamListeners::before_recorded(const audio::PlayerEvent& e) {
    const Cue cue{e.programme, e.cue};
    if (const auto* started = std::get_if<audio::event::Started>(&e.what)) {
        std::vector<reach::SampledOutput> outputs;
        for (const auto& name : started->outputs)
            if (const auto it = sampled_.find(name); it != sampled_.end()) outputs.push_back(it->second);
        if (outputs.empty()) return;
        const auto key = next_key_++;
        airing_keys_[cue] = key;
        sampler_->begin(key, std::move(outputs));
    } else if (std::holds_alternative<audio::event::Finished>(e.what) && airing_keys_.contains(cue)) {
        ending_rows_[cue] = recorder_.row_of(e.programme, e.cue);
    }
}

void StreamListeners::after_recorded(const audio::PlayerEvent& e) {
    const Cue cue{e.programme, e.cue};
    if (!std::holds_alternative<audio::event::Finished>(e.what)) return;
    const auto key = airing_keys_.find(cue);
    if (key == airing_keys_.end()) return;
    const auto row = ending_rows_[cue];
    const auto airing = key->second;
    airing_keys_.erase(key);
    ending_rows_.erase(cue);
    sampler_->end(airing, [this, row, programme = e.programme](reach::ListenerSampler::Figures figures) {
        if (figures.empty()) return;  // the sampler said why
        boost::asio::post(loop_, [this, row, programme, figures = std::move(figures)] {
            if (!row) {
                logger("reach")->warn(
                    "listener figures of an airing of {} dropped: its journal row waits for the "
                    "database",
                    programme);
                return;
            }
            writer_.listeners(*row, figures);
        });
    });
}

void StreamListeners::settle(std::chrono::milliseconds bound) {
    auto done = std::make_shared<std::promise<void>>();
    auto finished = done->get_future();
    sampler_->then([done] { done->set_value(); });
    if (finished.wait_for(bound) != std::future_status::ready)
        logger("reach")->warn("the last listener samples did not come within {} ms; not kept", bound.count());
}

}  // namespace lp::daemon
