#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace lp::audio::ffmpeg {

// A failed FFmpeg call. what() is "<function>() failed: <av_strerror text>", followed by the
// last error FFmpeg logged on this thread during the call when there was one, in parentheses.
class Error : public std::runtime_error {
public:
    Error(std::string_view function, int errnum);
    int code() const noexcept { return code_; }

private:
    int code_;
};

// av_strerror() as a std::string.
std::string error_string(int errnum);

// Throws Error when `result` is negative; returns it otherwise.
inline int check(int result, std::string_view function) {
    if (result < 0) throw Error(function, result);
    return result;
}

}  // namespace lp::audio::ffmpeg
