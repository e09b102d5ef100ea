#pragma once
#include <memory>

#include "audio/Output.hpp"

typedef struct _snd_pcm snd_pcm_t;

namespace lp::audio::output::kinds {

// The alsa kind's Output: interleaved s16 frames to an ALSA PCM through libasound
// (snd_pcm_writei), at the spec's rate and channels exactly (a rate the PCM refuses is an
// error, as it was with FFmpeg's alsa muxer: no silent change of pitch). An underrun
// (the machine stalled) is recovered with snd_pcm_recover and the write goes on; anything
// else (the device gone) throws OutputError naming the output with ALSA's own reason, and
// the player drops the output and reopens it later like any other. close() drains what is
// buffered (the last words of an item are heard), then closes.
// Not thread-safe: one caller at a time.
class AlsaOutput final : public Output {
public:
    explicit AlsaOutput(OutputSpec spec) : spec_(std::move(spec)) {}
    ~AlsaOutput() override { close(); }

    void open() override;
    void write(std::span<const Sample> interleaved) override;
    void close() noexcept override;
    bool is_open() const override { return pcm_ != nullptr; }
    const OutputSpec& spec() const override { return spec_; }

private:
    struct Closer {
        void operator()(snd_pcm_t* pcm) const noexcept;
    };

    [[noreturn]] void fail(const std::string& what) const;
    void configure();

    OutputSpec spec_;
    std::unique_ptr<snd_pcm_t, Closer> pcm_;
};

}  // namespace lp::audio::output::kinds
