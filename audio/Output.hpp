#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "audio/PcmFormat.hpp"

namespace lp::audio {

// How an output carries the sound. pcm is s16 (little-endian, big-endian on RTP as RFC 3551
// wants); mp3 (libmp3lame, CBR) and opus (libopus) go through the encoder path.
enum class Codec { pcm, mp3, opus };

// One output as configured: what [[output]] says, read by its kind (output/kinds/), and what
// the player needs to make and open it. The config's outputs are these (config::OutputConfig).
struct OutputSpec {
    std::string name;
    // The kind's name as written in the config ("alsa", "file", ...): the one identifier of a
    // kind, looked up in output::Registry (output/Registry.hpp) wherever kinds differ.
    std::string kind = "null";
    // alsa: the ALSA PCM name; file: the file path; icecast: the full source URL
    // ("icecast://source:PASS@host:port/mount"); rtp/udp: "rtp://host:port" or
    // "udp://host:port", multicast groups included (FFmpeg URL options such as "?ttl=4" pass
    // through); archive: the folder that holds one file per local day; null: empty.
    std::string target;
    PcmFormat format;
    Codec codec = Codec::pcm;  // icecast: mp3 or opus; rtp/udp: pcm or opus; archive: mp3
    int bitrate = 128000;      // bits per second, for mp3 and opus
    // rtp: the session description receivers need is written here at every open (optional).
    std::string sdp_path{};
    // archive: the IANA zone whose calendar day names the file (e.g. "Asia/Ho_Chi_Minh").
    std::string time_zone = "Asia/Ho_Chi_Minh";
    // archive: day files older than this many days (today included) are deleted; below
    // min_free_bytes free on its file system the archive stops recording until space returns.
    int keep_days = 400;
    std::uint64_t min_free_bytes = std::uint64_t{500} * 1024 * 1024;
    // icecast, rtp, udp: how much audio may wait for a slow peer. The player hands these
    // outputs their chunks through a queue (a peer that stops reading must not hold up the
    // loudspeakers); when more than this is waiting the peer counts as stalled, and the
    // output is dropped and retried like one that failed.
    std::chrono::milliseconds queue_limit{2000};
    // Settings of a kind that has more than the fields above, by key (none of the built-in
    // kinds uses it; a kind added later needs no new field here).
    std::map<std::string, std::string> options{};
    bool operator==(const OutputSpec&) const = default;
};

// "pcm", "mp3", "opus", as written in the config.
std::string_view to_string(Codec codec);

// Where the next sample goes in a recording an output keeps as proof (the archive's day file).
struct RecordingPosition {
    std::filesystem::path file;
    std::chrono::milliseconds offset{0};
    bool operator==(const RecordingPosition&) const = default;
};

// One destination for the airing's sound: an FFmpeg muxer (MuxerOutput), or an Output of
// the kind's own (alsa: libasound). An output never sleeps by itself: the player paces.
// Calls come from one thread at a time (the player thread, or the player's reopen helper
// while the output is closed and out of the rotation).
class Output {
public:
    virtual ~Output() = default;
    // The wall-clock start of the programme the next open() serves; the archive names its
    // file by that instant's local day. Others ignore it.
    virtual void set_airing_start(std::chrono::system_clock::time_point) {}
    // Opens the device, file or connection for the spec's format. Throws OutputError naming
    // the output and carrying the library's reason (FFmpeg's, ALSA's).
    virtual void open() = 0;
    // Writes interleaved frames in the spec's format. Throws OutputError.
    virtual void write(std::span<const Sample> interleaved) = 0;
    // Flushes (encoder and muxer), writes the trailer and closes; safe to call twice or after
    // a failed open.
    virtual void close() noexcept = 0;
    virtual bool is_open() const = 0;
    virtual const OutputSpec& spec() const = 0;
    // For an output that records what aired (the archive): where the next sample written will
    // be in its recording; none for the others, and while it records nothing.
    virtual std::optional<RecordingPosition> recording_position() const { return std::nullopt; }
};

// The Output of spec.kind (output::Registry). Throws OutputError for a kind not registered.
std::unique_ptr<Output> make_output(const OutputSpec& spec);

}  // namespace lp::audio
