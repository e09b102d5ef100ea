#include "audio/ffmpeg/FormatContext.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <new>
#include <string_view>

extern "C" {
#include <libavutil/mem.h>
#include <libavutil/opt.h>
}

#include "audio/ffmpeg/Dictionary.hpp"
#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/IoContext.hpp"
#include "audio/ffmpeg/LogCallback.hpp"

namespace lp::audio::ffmpeg {

FormatContext::FormatContext(const std::string& url) {
    install_log_callback();
    take_last_logged_error();
    check(avformat_open_input(&ctx_, url.c_str(), nullptr, nullptr), "avformat_open_input");
}

FormatContext::FormatContext(IoContext& io, const std::string& name) {
    install_log_callback();
    take_last_logged_error();
    ctx_ = avformat_alloc_context();
    if (ctx_ == nullptr) throw std::bad_alloc{};
    ctx_->pb = io.get();
    ctx_->flags |= AVFMT_FLAG_CUSTOM_IO;
    // On failure avformat_open_input frees the context (not the custom I/O) and nulls ctx_.
    check(avformat_open_input(&ctx_, name.c_str(), nullptr, nullptr), "avformat_open_input");
}

FormatContext::FormatContext(const std::string& url, Dictionary& options, AVIOInterruptCB interrupt,
                             const std::string& format) {
    install_log_callback();
    take_last_logged_error();
    const AVInputFormat* input = nullptr;
    if (!format.empty() && (input = av_find_input_format(format.c_str())) == nullptr)
        throw Error("av_find_input_format", AVERROR_DEMUXER_NOT_FOUND);
    if (input == nullptr && (url.starts_with("http://") || url.starts_with("https://")))
        input = open_http(url, options, interrupt);
    ctx_ = avformat_alloc_context();
    if (ctx_ == nullptr) throw std::bad_alloc{};
    ctx_->interrupt_callback = interrupt;
    if (http_io_) {
        ctx_->pb = http_io_.get();
        ctx_->flags |= AVFMT_FLAG_CUSTOM_IO;
    }
    // On failure avformat_open_input frees the context (not http_io_) and nulls ctx_.
    check(avformat_open_input(&ctx_, url.c_str(), input, options.address()), "avformat_open_input");
}

const AVInputFormat* FormatContext::open_http(const std::string& url, const Dictionary& options,
                                              AVIOInterruptCB interrupt) {
    auto io_options = options.copy();
    AVIOContext* io = nullptr;
    check(avio_open2(&io, url.c_str(), AVIO_FLAG_READ, &interrupt, io_options.address()), "avio_open2");
    http_io_.reset(io);
    std::uint8_t* content_type = nullptr;
    const char* name = nullptr;
    if (av_opt_get(io, "mime_type", AV_OPT_SEARCH_CHILDREN, &content_type) >= 0 && content_type != nullptr) {
        name = demuxer_for_content_type(reinterpret_cast<const char*>(content_type));
        av_free(content_type);
    }
    const AVInputFormat* input = name != nullptr ? av_find_input_format(name) : nullptr;
    // Anything else (an HLS playlist, Ogg) is opened again by its URL, so that the demuxer
    // can open what the playlist names with the context's own protocol whitelist.
    if (input == nullptr) http_io_.reset();
    return input;
}

const char* demuxer_for_content_type(std::string_view content_type) {
    auto type = content_type.substr(0, content_type.find(';'));
    while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.remove_suffix(1);
    while (!type.empty() && std::isspace(static_cast<unsigned char>(type.front()))) type.remove_prefix(1);
    struct Known {
        std::string_view type;
        const char* demuxer;
    };
    static constexpr std::array<Known, 7> known{{{"audio/mpeg", "mp3"},
                                                 {"audio/mp3", "mp3"},
                                                 {"audio/mpeg3", "mp3"},
                                                 {"audio/x-mpeg", "mp3"},
                                                 {"audio/aac", "aac"},
                                                 {"audio/aacp", "aac"},
                                                 {"audio/x-aac", "aac"}}};
    const auto same = [&](std::string_view k) {
        return k.size() == type.size() && std::equal(k.begin(), k.end(), type.begin(), [](char a, char b) {
                   return a == std::tolower(static_cast<unsigned char>(b));
               });
    };
    const auto it = std::find_if(known.begin(), known.end(), [&](const Known& k) { return same(k.type); });
    return it == known.end() ? nullptr : it->demuxer;
}

FormatContext::~FormatContext() {
    if (ctx_ != nullptr) avformat_close_input(&ctx_);
}

void FormatContext::find_stream_info() {
    take_last_logged_error();
    check(avformat_find_stream_info(ctx_, nullptr), "avformat_find_stream_info");
}

}  // namespace lp::audio::ffmpeg
