#pragma once
#include <cstdint>
#include <memory>
#include <optional>

#include "audio/Output.hpp"
#include "audio/ffmpeg/AppendFile.hpp"
#include "audio/ffmpeg/BufferPool.hpp"
#include "audio/ffmpeg/OutputFormatContext.hpp"
#include "audio/ffmpeg/Packet.hpp"
#include "audio/output/Encoder.hpp"

namespace lp::audio {

// The Output of every kind but alsa: a libavformat muxer (its kind's Kind::target
// chooses it) fed either pcm_s16le packets (file, null, udp pcm) or the packets of an
// Encoder (icecast, rtp, udp opus, archive).
// Not thread-safe: one caller at a time.
class MuxerOutput final : public Output {
public:
    explicit MuxerOutput(OutputSpec spec) : spec_(std::move(spec)) {}
    ~MuxerOutput() override { close(); }

    void set_airing_start(std::chrono::system_clock::time_point start) override { start_ = start; }
    void open() override;
    void write(std::span<const Sample> interleaved) override;
    void close() noexcept override;
    bool is_open() const override { return muxer_.has_value(); }
    const OutputSpec& spec() const override { return spec_; }

private:
    [[noreturn]] void fail(const std::string& what) const;
    void add_pcm_stream();
    void add_encoded_stream();
    void write_packet(AVPacket* packet, AVRational from);

    OutputSpec spec_;
    std::optional<std::chrono::system_clock::time_point> start_;
    // Declared before muxer_: the muxer's trailer goes through it, so it must die after.
    std::unique_ptr<ffmpeg::AppendFile> append_;
    std::optional<ffmpeg::OutputFormatContext> muxer_;
    std::optional<output::Encoder> encoder_;
    ffmpeg::Packet packet_;
    std::optional<ffmpeg::BufferPool> packets_;  // the pcm packets' memory, reused
    std::int64_t frames_written_ = 0;
};

}  // namespace lp::audio
