#include "audio/ffmpeg/FilterGraph.hpp"

#include <new>

#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/LogCallback.hpp"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/channel_layout.h>
}

namespace lp::audio::ffmpeg {
namespace {

const AVFilter* filter_named(const char* name) {
    const AVFilter* f = avfilter_get_by_name(name);
    // Not an FFmpeg error code: this build of libavfilter lacks the filter.
    if (f == nullptr) throw Error(std::string("avfilter_get_by_name(") + name + ")", AVERROR_FILTER_NOT_FOUND);
    return f;
}

std::string source_args(const AudioInput& in) {
    char layout[128] = {};
    check(av_channel_layout_describe(in.layout, layout, sizeof layout), "av_channel_layout_describe");
    const char* format = av_get_sample_fmt_name(in.format);
    return "time_base=" + std::to_string(in.time_base.num) + "/" + std::to_string(in.time_base.den) +
           ":sample_rate=" + std::to_string(in.rate) + ":sample_fmt=" + (format ? format : "none") +
           ":channel_layout=" + layout;
}

}  // namespace

FilterGraph::FilterGraph(const AudioInput& input, const std::string& filter, const std::string& args)
    : graph_(avfilter_graph_alloc()) {
    install_log_callback();
    if (graph_ == nullptr) throw std::bad_alloc{};
    // A constructor that throws runs no destructor: free the graph (and its filters) here.
    try {
        build(input, filter, args);
    } catch (...) {
        avfilter_graph_free(&graph_);
        throw;
    }
}

void FilterGraph::build(const AudioInput& input, const std::string& filter, const std::string& args) {
    take_last_logged_error();
    AVFilterContext* middle = nullptr;
    check(avfilter_graph_create_filter(&source_, filter_named("abuffer"), "in", source_args(input).c_str(), nullptr,
                                       graph_),
          "avfilter_graph_create_filter");
    check(avfilter_graph_create_filter(&middle, filter_named(filter.c_str()), filter.c_str(), args.c_str(), nullptr,
                                       graph_),
          "avfilter_graph_create_filter");
    check(avfilter_graph_create_filter(&sink_, filter_named("abuffersink"), "out", nullptr, nullptr, graph_),
          "avfilter_graph_create_filter");
    check(avfilter_link(source_, 0, middle, 0), "avfilter_link");
    check(avfilter_link(middle, 0, sink_, 0), "avfilter_link");
    check(avfilter_graph_config(graph_, nullptr), "avfilter_graph_config");
}

int FilterGraph::push(AVFrame* frame) noexcept { return av_buffersrc_add_frame(source_, frame); }

int FilterGraph::pull(AVFrame* frame) noexcept { return av_buffersink_get_frame(sink_, frame); }

}  // namespace lp::audio::ffmpeg
