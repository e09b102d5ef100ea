#pragma once
#include <string>

namespace lp::audio {

// Why a cue did not air (in full), as a kind the journal turns into Vietnamese, and FFmpeg's
// or the system's own text (naming the file or output) kept as technical detail.
enum class FailureKind {
    none,
    file_missing,        // no such file
    file_unreadable,     // permission, I/O error, not a regular file
    file_changed,        // its bytes differ from the SHA-256 the library recorded
    not_audio,           // no audio stream, or not a media file at all
    no_decoder,          // a codec FFmpeg cannot decode
    undecodable,         // not one frame decoded
    broke_midway,        // decoding failed part-way
    ended_early,         // the stream ended well before the length the library measured
    no_output,           // no output could be opened
    outputs_failed,      // every output failed while it aired
    source_unreachable,  // a live source did not open (or answer) within its timeout
    source_dropouts,     // a live source was down for part of its planned length
};

struct Failure {
    FailureKind kind = FailureKind::none;
    std::string detail;  // technical: FFmpeg's message naming the file, or the outputs' errors
    explicit operator bool() const { return kind != FailureKind::none; }
};

}  // namespace lp::audio
