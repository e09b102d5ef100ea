#pragma once
#include <string>
#include <utility>

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavutil/frame.h>
}

namespace lp::audio::ffmpeg {

// What an audio filter chain is fed: the abuffer source's parameters.
struct AudioInput {
    const AVChannelLayout* layout;  // a specified order (not AV_CHANNEL_ORDER_UNSPEC)
    AVSampleFormat format;
    int rate;
    AVRational time_base;
};

// An audio filter graph "abuffer -> <filter>=<args> -> abuffersink" (avfilter_graph_alloc /
// avfilter_graph_free); conversions the filter needs are inserted by FFmpeg when the graph
// is configured. Setup throws Error; push/pull return FFmpeg's codes for the caller to
// switch on (EAGAIN, EOF).
class FilterGraph {
public:
    FilterGraph(const AudioInput& input, const std::string& filter, const std::string& args);
    ~FilterGraph() { avfilter_graph_free(&graph_); }
    FilterGraph(FilterGraph&& other) noexcept
        : graph_(std::exchange(other.graph_, nullptr)),
          source_(std::exchange(other.source_, nullptr)),
          sink_(std::exchange(other.sink_, nullptr)) {}
    FilterGraph& operator=(FilterGraph&& other) noexcept {
        std::swap(graph_, other.graph_);
        std::swap(source_, other.source_);
        std::swap(sink_, other.sink_);
        return *this;
    }
    FilterGraph(const FilterGraph&) = delete;
    FilterGraph& operator=(const FilterGraph&) = delete;

    // av_buffersrc_add_frame: takes the frame's data (the frame is reset); nullptr = end.
    int push(AVFrame* frame) noexcept;
    // av_buffersink_get_frame: 0, AVERROR(EAGAIN) or AVERROR_EOF.
    int pull(AVFrame* frame) noexcept;

private:
    void build(const AudioInput& input, const std::string& filter, const std::string& args);

    AVFilterGraph* graph_ = nullptr;
    AVFilterContext* source_ = nullptr;  // owned by graph_
    AVFilterContext* sink_ = nullptr;    // owned by graph_
};

}  // namespace lp::audio::ffmpeg
