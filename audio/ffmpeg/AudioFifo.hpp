#pragma once
#include <new>
#include <utility>

extern "C" {
#include <libavutil/audio_fifo.h>
}

namespace lp::audio::ffmpeg {

// Owns an AVAudioFifo (av_audio_fifo_alloc / av_audio_fifo_free): samples in an encoder's
// format waiting to fill its fixed frame_size.
class AudioFifo {
public:
    AudioFifo(AVSampleFormat format, int channels, int initial_frames)
        : fifo_(av_audio_fifo_alloc(format, channels, initial_frames)) {
        if (fifo_ == nullptr) throw std::bad_alloc{};
    }
    ~AudioFifo() {
        if (fifo_ != nullptr) av_audio_fifo_free(fifo_);
    }
    AudioFifo(AudioFifo&& other) noexcept : fifo_(std::exchange(other.fifo_, nullptr)) {}
    AudioFifo& operator=(AudioFifo&& other) noexcept {
        std::swap(fifo_, other.fifo_);
        return *this;
    }
    AudioFifo(const AudioFifo&) = delete;
    AudioFifo& operator=(const AudioFifo&) = delete;

    int size() const noexcept { return av_audio_fifo_size(fifo_); }
    AVAudioFifo* get() const noexcept { return fifo_; }

private:
    AVAudioFifo* fifo_;
};

}  // namespace lp::audio::ffmpeg
