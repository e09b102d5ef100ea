#pragma once
#include <stdexcept>

namespace lp::audio {

// A recording that cannot be opened or decoded. what() names the file and carries FFmpeg's
// own reason, e.g. "/x/a.mp3: avformat_open_input() failed: No such file or directory".
class MediaError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An output that cannot be opened or written. what() names the output.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace lp::audio
