#pragma once
#include <spdlog/sinks/ostream_sink.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>

#include "audio/detail/Log.hpp"

namespace lp::audio::test {

// Copies what the player's "audio" logger says for as long as it lives.
class CapturedLog {
public:
    CapturedLog() : logger_(detail::logger("audio")), sink_(std::make_shared<spdlog::sinks::ostream_sink_mt>(text_)) {
        logger_->sinks().push_back(sink_);
        level_ = logger_->level();
        logger_->set_level(spdlog::level::debug);
    }
    ~CapturedLog() {
        auto& sinks = logger_->sinks();
        sinks.erase(std::remove(sinks.begin(), sinks.end(), sink_), sinks.end());
        logger_->set_level(level_);
    }
    CapturedLog(const CapturedLog&) = delete;
    CapturedLog& operator=(const CapturedLog&) = delete;
    std::string text() const { return text_.str(); }

private:
    std::ostringstream text_;
    std::shared_ptr<spdlog::logger> logger_;
    std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink_;
    spdlog::level::level_enum level_{};
};

}  // namespace lp::audio::test
