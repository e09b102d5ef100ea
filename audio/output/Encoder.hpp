#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <span>

#include "audio/Output.hpp"
#include "audio/ffmpeg/AudioFifo.hpp"
#include "audio/ffmpeg/ChannelLayout.hpp"
#include "audio/ffmpeg/CodecContext.hpp"
#include "audio/ffmpeg/Frame.hpp"
#include "audio/ffmpeg/Packet.hpp"
#include "audio/ffmpeg/Resampler.hpp"

namespace lp::audio::output {

// The encoder path of an output: s16 interleaved in the output's PcmFormat -> libswresample
// (to the codec's sample format, and to 48 kHz when the codec needs it) -> an AVAudioFifo
// that cuts the stream into the codec's frame_size -> the encoder -> packets for the muxer.
// Timestamps count samples from the open, in context()->time_base. Throws ffmpeg::Error.
class Encoder {
public:
    // Called for every packet; it owns the packet's content (the muxer unreferences it).
    using Sink = std::function<void(AVPacket*)>;

    // `global_header`: the muxer wants extradata (AVFMT_GLOBALHEADER) instead of in-band.
    Encoder(Codec codec, PcmFormat input, int bitrate, bool global_header);

    const AVCodecContext* context() const noexcept { return ctx_.get(); }
    void encode(std::span<const Sample> interleaved, const Sink& sink);
    // Sends what the FIFO still holds (padded with silence when the codec needs whole
    // frames) and drains the encoder. The encoder is spent afterwards.
    void flush(const Sink& sink);

private:
    void convert(const std::uint8_t* const* in, int frames);
    void send_frames(int frames_each, bool final, const Sink& sink);
    void send(const AVFrame* frame, const Sink& sink);

    PcmFormat input_;
    ffmpeg::CodecContext ctx_;
    ffmpeg::ChannelLayout in_layout_;
    std::optional<ffmpeg::Resampler> resampler_;
    std::optional<ffmpeg::AudioFifo> fifo_;
    ffmpeg::Frame scratch_;  // resampler output
    int scratch_capacity_ = 0;
    ffmpeg::Frame frame_;  // one codec frame
    ffmpeg::Packet packet_;
    std::int64_t next_pts_ = 0;
};

}  // namespace lp::audio::output
