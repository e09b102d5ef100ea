#pragma once
#include <stdexcept>
#include <string>

#include "audio/Failure.hpp"

namespace lp::audio {

// A recording that cannot be opened or decoded. what() names the file and carries FFmpeg's
// own reason, e.g. "/x/a.mp3: avformat_open_input() failed: No such file or directory";
// kind() says what it means, so nobody has to read FFmpeg's English to classify it.
class MediaError : public std::runtime_error {
public:
    MediaError(FailureKind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
    FailureKind kind() const noexcept { return kind_; }
    Failure failure() const { return {kind_, what()}; }

private:
    FailureKind kind_;
};

// An output that cannot be opened or written. what() names the output.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace lp::audio
