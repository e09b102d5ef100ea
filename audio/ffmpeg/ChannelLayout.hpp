#pragma once
#include <utility>

extern "C" {
#include <libavutil/channel_layout.h>
}

namespace lp::audio::ffmpeg {

// Owns an AVChannelLayout (av_channel_layout_uninit). The FFmpeg 5.1 API.
class ChannelLayout {
public:
    // The default layout for `channels` (mono, stereo, 5.1, ...).
    explicit ChannelLayout(int channels) { av_channel_layout_default(&layout_, channels); }
    // A copy of `other`; an unspecified order becomes the default for its channel count.
    explicit ChannelLayout(const AVChannelLayout& other) {
        if (other.order == AV_CHANNEL_ORDER_UNSPEC || av_channel_layout_copy(&layout_, &other) < 0)
            av_channel_layout_default(&layout_, other.nb_channels > 0 ? other.nb_channels : 1);
    }
    ~ChannelLayout() { av_channel_layout_uninit(&layout_); }
    ChannelLayout(ChannelLayout&& other) noexcept : layout_(std::exchange(other.layout_, {})) {}
    ChannelLayout& operator=(ChannelLayout&& other) noexcept {
        std::swap(layout_, other.layout_);
        return *this;
    }
    ChannelLayout(const ChannelLayout&) = delete;
    ChannelLayout& operator=(const ChannelLayout&) = delete;

    const AVChannelLayout& get() const noexcept { return layout_; }
    const AVChannelLayout* ptr() const noexcept { return &layout_; }
    int channels() const noexcept { return layout_.nb_channels; }
    bool operator==(const AVChannelLayout& other) const noexcept {
        return av_channel_layout_compare(&layout_, &other) == 0;
    }

private:
    AVChannelLayout layout_{};
};

}  // namespace lp::audio::ffmpeg
