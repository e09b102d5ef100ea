#pragma once
#include <new>
#include <utility>

extern "C" {
#include <libavutil/frame.h>
}

namespace lp::audio::ffmpeg {

// Owns an AVFrame (av_frame_alloc / av_frame_free).
class Frame {
public:
    Frame() : frame_(av_frame_alloc()) {
        if (frame_ == nullptr) throw std::bad_alloc{};
    }
    ~Frame() { av_frame_free(&frame_); }
    Frame(Frame&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
    Frame& operator=(Frame&& other) noexcept {
        std::swap(frame_, other.frame_);
        return *this;
    }
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;

    AVFrame* get() const noexcept { return frame_; }
    AVFrame* operator->() const noexcept { return frame_; }
    void unref() noexcept { av_frame_unref(frame_); }

private:
    AVFrame* frame_;
};

}  // namespace lp::audio::ffmpeg
