#include "audio/ffmpeg/Error.hpp"

#include "audio/ffmpeg/LogCallback.hpp"

extern "C" {
#include <libavutil/error.h>
}

namespace lp::audio::ffmpeg {

std::string error_string(int errnum) {
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(errnum, buffer, sizeof buffer) < 0) return "error " + std::to_string(errnum);
    return buffer;
}

namespace {
std::string message(std::string_view function, int errnum) {
    std::string text = std::string(function) + "() failed: " + error_string(errnum);
    if (auto logged = take_last_logged_error(); !logged.empty()) text += " (" + logged + ")";
    return text;
}
}  // namespace

Error::Error(std::string_view function, int errnum) : std::runtime_error(message(function, errnum)), code_(errnum) {}

}  // namespace lp::audio::ffmpeg
