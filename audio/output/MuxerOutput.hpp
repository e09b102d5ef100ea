#pragma once
#include <cstdint>
#include <optional>

#include "audio/Output.hpp"
#include "audio/ffmpeg/OutputFormatContext.hpp"
#include "audio/ffmpeg/Packet.hpp"

namespace lp::audio {

// The one Output implementation: a libavformat/libavdevice muxer fed pcm_s16le packets.
//   alsa -> libavdevice's "alsa" muxer, url = the ALSA PCM name (spec.target)
//   file -> the muxer guessed from the path's extension; it must store pcm_s16le (.wav, .mka,
//           .mkv, .caf, ...), anything else is refused at open()
//   null -> the "null" muxer (discards; useful for tests and dry runs)
// Not thread-safe: every call comes from the player thread.
class MuxerOutput final : public Output {
public:
    explicit MuxerOutput(OutputSpec spec) : spec_(std::move(spec)) {}
    ~MuxerOutput() override { close(); }

    void open() override;
    void write(std::span<const Sample> interleaved) override;
    void close() noexcept override;
    bool is_open() const override { return muxer_.has_value(); }
    const OutputSpec& spec() const override { return spec_; }

private:
    [[noreturn]] void fail(const std::string& what) const;
    const AVOutputFormat* choose_format() const;

    OutputSpec spec_;
    std::optional<ffmpeg::OutputFormatContext> muxer_;
    ffmpeg::Packet packet_;
    std::int64_t frames_written_ = 0;
};

}  // namespace lp::audio
