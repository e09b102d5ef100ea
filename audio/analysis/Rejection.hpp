#pragma once
#include <optional>
#include <stdexcept>
#include <string>

namespace lp::audio {

// Why a recording cannot become a library item. The CLI turns each into Vietnamese text.
enum class RejectReason {
    unreadable,   // cannot be opened or read (missing, a folder, no permission, I/O error)
    empty,        // zero bytes
    not_audio,    // FFmpeg does not recognise it, or it has no audio stream / no decoder
    no_samples,   // an audio stream without a single decodable sample
    undecodable,  // decoding failed part-way (offset says where)
    truncated,    // decodes to clearly less than its header declares (offset = where it ends)
    silent,       // true peak below -60 dBTP, or integrated loudness at or below -70 LUFS
};

// Thrown by analyse(). what() is English: "<file>: <reason>[ at <offset> s]: <detail>".
class Rejected : public std::runtime_error {
public:
    Rejected(RejectReason reason, const std::string& file, std::string detail,
             std::optional<double> offset_seconds = std::nullopt);
    RejectReason reason() const noexcept { return reason_; }
    // FFmpeg's or the system's own words, when there are some.
    const std::string& detail() const noexcept { return detail_; }
    // Seconds of audio decoded before the failure (undecodable, truncated).
    std::optional<double> offset_seconds() const noexcept { return offset_; }

private:
    RejectReason reason_;
    std::string detail_;
    std::optional<double> offset_;
};

}  // namespace lp::audio
