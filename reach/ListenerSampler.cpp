#include "reach/ListenerSampler.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "audio/detail/Log.hpp"
#include "reach/IcecastProbe.hpp"

namespace lp::reach {
namespace {

std::shared_ptr<spdlog::logger> log() { return audio::detail::logger("reach"); }

}  // namespace

struct ListenerSampler::Output {
    SampledOutput what;
    ListenerSeries series;
    std::unique_ptr<boost::asio::steady_timer> timer;
    std::uint64_t failed = 0;
    std::string last_error;
};

struct ListenerSampler::Airing {
    std::vector<Output> outputs;
};

ListenerSampler::ListenerSampler(SamplerOptions options)
    : options_(std::move(options)), work_(boost::asio::make_work_guard(io_)) {
    if (!options_.fetch) options_.fetch = fetch_listeners;
    thread_ = std::thread([this] {
        // A fetch that throws something unexpected must not end the daemon: log and go on.
        while (true) {
            try {
                io_.run();
                return;
            } catch (const std::exception& e) {
                log()->error("listener sampler: {}", e.what());
            }
        }
    });
}

ListenerSampler::~ListenerSampler() {
    work_.reset();
    io_.stop();
    thread_.join();
}

void ListenerSampler::begin(std::uint64_t key, std::vector<SampledOutput> outputs) {
    boost::asio::post(io_, [this, key, outputs = std::move(outputs)]() mutable {
        auto airing = std::make_shared<Airing>();
        for (auto& o : outputs) airing->outputs.push_back(Output{std::move(o), {}, nullptr, 0, {}});
        airings_[key] = airing;
        for (auto& o : airing->outputs) {
            sample(o);
            if (options_.periodic) arm(key, o);
        }
    });
}

void ListenerSampler::arm(std::uint64_t key, Output& output) {
    if (!output.timer) output.timer = std::make_unique<boost::asio::steady_timer>(io_);
    output.timer->expires_after(output.what.every);
    output.timer->async_wait([this, key, &output](const boost::system::error_code& ec) {
        // Cancelled at end(): the airing and its outputs may be gone.
        if (ec || !airings_.contains(key)) return;
        sample(output);
        arm(key, output);
    });
}

void ListenerSampler::end(std::uint64_t key, std::function<void(Figures)> deliver) {
    boost::asio::post(io_, [this, key, deliver = std::move(deliver)] {
        const auto it = airings_.find(key);
        if (it == airings_.end()) return deliver({});
        const auto airing = it->second;
        airings_.erase(it);
        Figures figures;
        for (auto& o : airing->outputs) {
            if (o.timer) o.timer->cancel();
            sample(o);
            if (const auto f = o.series.figure(o.what.source.output)) {
                figures.push_back(*f);
            } else {
                log()->warn("no listener figures for output '{}': {} sample(s) failed, the last: {}",
                            o.what.source.output, o.failed, o.last_error);
            }
        }
        deliver(std::move(figures));
    });
}

void ListenerSampler::sample_now(std::function<void()> done) {
    boost::asio::post(io_, [this, done = std::move(done)] {
        for (auto& [key, airing] : airings_)
            for (auto& o : airing->outputs) sample(o);
        if (done) done();
    });
}

void ListenerSampler::then(std::function<void()> done) { boost::asio::post(io_, std::move(done)); }

void ListenerSampler::sample(Output& output) {
    try {
        const int count = options_.fetch(output.what.source, options_.timeout);
        output.series.add(options_.now(), count);
        ++samples_;
    } catch (const std::exception& e) {
        ++failures_;
        if (output.failed++ == 0)
            log()->warn("listeners of output '{}' not sampled: {}", output.what.source.output, e.what());
        else
            log()->debug("listeners of output '{}' not sampled: {}", output.what.source.output, e.what());
        output.last_error = e.what();
    }
}

}  // namespace lp::reach
