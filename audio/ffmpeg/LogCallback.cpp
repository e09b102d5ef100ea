#include "audio/ffmpeg/LogCallback.hpp"

#include <cstdarg>
#include <mutex>

#include "audio/detail/Log.hpp"

extern "C" {
#include <libavutil/log.h>
}

namespace lp::audio::ffmpeg {

namespace {

thread_local std::string last_error;

spdlog::level::level_enum to_spdlog(int level) {
    if (level <= AV_LOG_ERROR) return spdlog::level::err;
    if (level <= AV_LOG_WARNING) return spdlog::level::warn;
    if (level <= AV_LOG_INFO) return spdlog::level::debug;
    return spdlog::level::trace;
}

void callback(void* avcl, int level, const char* fmt, va_list args) {
    if (level > AV_LOG_DEBUG) return;
    static const auto logger = detail::logger("ffmpeg");
    const auto spd_level = to_spdlog(level);
    const bool keep = level <= AV_LOG_ERROR;
    if (!keep && !logger->should_log(spd_level)) return;

    const auto trim = [](std::string_view text) {
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
        return text;
    };
    if (keep) {  // the bare message, without the "[alsa @ 0x...]" prefix
        char bare[1024];
        int no_prefix = 0;
        va_list copy;
        va_copy(copy, args);
        av_log_format_line2(nullptr, level, fmt, copy, bare, sizeof bare, &no_prefix);
        va_end(copy);
        if (const auto text = trim(bare); !text.empty()) last_error = text;
    }
    char line[1024];
    thread_local int print_prefix = 1;
    av_log_format_line2(avcl, level, fmt, args, line, sizeof line, &print_prefix);
    if (const auto text = trim(line); !text.empty() && logger->should_log(spd_level))
        logger->log(spd_level, "{}", text);
}

}  // namespace

void install_log_callback() {
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_callback(callback); });
}

std::string take_last_logged_error() {
    std::string message;
    message.swap(last_error);
    return message;
}

}  // namespace lp::audio::ffmpeg
