#include "audio/detail/Log.hpp"

#include <mutex>

namespace lp::audio::detail {

std::shared_ptr<spdlog::logger> logger(const std::string& name) {
    static std::mutex mutex;
    std::lock_guard lock{mutex};
    if (auto existing = spdlog::get(name)) return existing;
    auto base = spdlog::default_logger();
    auto created = std::make_shared<spdlog::logger>(name, base->sinks().begin(), base->sinks().end());
    created->set_level(base->level());
    try {
        spdlog::register_logger(created);
    } catch (const spdlog::spdlog_ex&) {  // registered meanwhile by someone else
        if (auto existing = spdlog::get(name)) return existing;
    }
    return created;
}

}  // namespace lp::audio::detail
