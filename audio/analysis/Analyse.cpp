#include "audio/analysis/Analyse.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "audio/analysis/HashingSource.hpp"
#include "audio/analysis/LoudnessMeter.hpp"
#include "audio/ffmpeg/CodecContext.hpp"
#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/FormatContext.hpp"
#include "audio/ffmpeg/Frame.hpp"
#include "audio/ffmpeg/IoContext.hpp"
#include "audio/ffmpeg/LogCallback.hpp"
#include "audio/ffmpeg/Packet.hpp"

extern "C" {
#include <libavutil/dict.h>
}

namespace lp::audio {
namespace {

// A file that decodes to less than its header declares by more than this is truncated:
// half a second plus 1 % absorbs encoder padding and bitrate-estimated durations.
bool clearly_short(double decoded, double declared) { return declared - decoded > 0.5 + 0.01 * declared; }

// EBU R128 gates 400 ms blocks: a shorter recording has no integrated loudness.
constexpr double gating_block_seconds = 0.4;

void collect_tags(const AVDictionary* dict, std::map<std::string, std::string>& tags) {
    const AVDictionaryEntry* e = nullptr;
    while ((e = av_dict_get(dict, "", e, AV_DICT_IGNORE_SUFFIX)) != nullptr) {
        std::string key = e->key;
        std::ranges::transform(key, key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        tags.emplace(std::move(key), e->value);  // the container's tag wins over the stream's
    }
}

// The duration the container declares, in seconds, when it is read from the file rather
// than guessed from the bitrate; nullopt otherwise.
std::optional<double> declared_duration(const AVFormatContext* fmt, const AVStream* stream) {
    if (fmt->duration_estimation_method == AVFMT_DURATION_FROM_BITRATE) return std::nullopt;
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        return static_cast<double>(stream->duration) * av_q2d(stream->time_base);
    if (fmt->duration != AV_NOPTS_VALUE && fmt->duration > 0) return static_cast<double>(fmt->duration) / AV_TIME_BASE;
    return std::nullopt;
}

class Pass {
public:
    Pass(const std::filesystem::path& file, const AnalyseOptions& options)
        : name_(file.string()), source_(file, options.copy_fd, options.progress), io_(source_) {}

    MediaFacts run(const AnalyseOptions& options) {
        open();
        decode_all();
        facts_.sha256 = source_.finish();
        facts_.size_bytes = source_.size();
        const auto loudness = meter_.finish();
        if (seconds_ >= gating_block_seconds) facts_.integrated_lufs = loudness.integrated_lufs;
        facts_.true_peak_dbtp = loudness.true_peak_dbtp;
        facts_.duration = std::chrono::milliseconds(static_cast<std::int64_t>(seconds_ * 1000.0 + 0.5));
        if (samples_ == 0) throw Rejected(RejectReason::no_samples, name_, "");
        if (const auto declared = declared_duration(input_->get(), stream_);
            declared && clearly_short(seconds_, *declared)) {
            char detail[96];
            std::snprintf(detail, sizeof detail, "the file declares %.3f s of audio", *declared);
            throw Rejected(RejectReason::truncated, name_, detail, seconds_);
        }
        reject_if_silent(options);
        return std::move(facts_);
    }

private:
    // The peak holds for sounds of any length; integrated loudness only where it is defined.
    void reject_if_silent(const AnalyseOptions& options) {
        char detail[64];
        if (facts_.true_peak_dbtp < options.silence_peak_dbtp) {
            std::snprintf(detail, sizeof detail, "true peak %.1f dBTP", facts_.true_peak_dbtp);
            throw Rejected(RejectReason::silent, name_, detail);
        }
        if (facts_.integrated_lufs && *facts_.integrated_lufs <= options.silence_floor_lufs) {
            std::snprintf(detail, sizeof detail, "integrated loudness %.1f LUFS", *facts_.integrated_lufs);
            throw Rejected(RejectReason::silent, name_, detail);
        }
    }

    [[noreturn]] void undecodable(const char* function, int err) {
        std::string detail = std::string(function) + "() failed: " + ffmpeg::error_string(err);
        if (!source_.read_error().empty())
            detail += " (" + source_.read_error() + ")";
        else if (auto logged = ffmpeg::take_last_logged_error(); !logged.empty())
            detail += " (" + logged + ")";
        if (!source_.read_error().empty()) throw Rejected(RejectReason::unreadable, name_, detail, seconds_);
        throw Rejected(RejectReason::undecodable, name_, detail, seconds_);
    }

    void open() {
        try {
            input_.emplace(io_, name_);
            input_->find_stream_info();
        } catch (const ffmpeg::Error& e) {
            if (!source_.read_error().empty()) throw Rejected(RejectReason::unreadable, name_, source_.read_error());
            throw Rejected(RejectReason::not_audio, name_, e.what());
        }
        const AVCodec* decoder = nullptr;
        const int index = av_find_best_stream(input_->get(), AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0);
        if (index == AVERROR_STREAM_NOT_FOUND) throw Rejected(RejectReason::not_audio, name_, "no audio stream");
        if (index < 0 || decoder == nullptr)
            throw Rejected(RejectReason::not_audio, name_, "no decoder for its audio stream");
        stream_index_ = index;
        stream_ = (*input_)->streams[index];
        for (unsigned i = 0; i < (*input_)->nb_streams; ++i)
            if (static_cast<int>(i) != index) (*input_)->streams[i]->discard = AVDISCARD_ALL;
        codec_.emplace(decoder);
        codec_->fill_parameters(stream_->codecpar);
        (*codec_)->pkt_timebase = stream_->time_base;
        // Report damage instead of concealing it: evidence must be what it claims to be.
        (*codec_)->err_recognition |= AV_EF_CRCCHECK | AV_EF_BITSTREAM;
        codec_->open(decoder);

        facts_.container = (*input_)->iformat->name;
        facts_.codec = avcodec_get_name(stream_->codecpar->codec_id);
        facts_.bit_rate = stream_->codecpar->bit_rate > 0 ? stream_->codecpar->bit_rate : (*input_)->bit_rate;
        collect_tags((*input_)->metadata, facts_.tags);
        collect_tags(stream_->metadata, facts_.tags);
    }

    void receive_all() {
        while (true) {
            const int err = codec_->receive_frame(frame_.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
            if (err < 0) undecodable("avcodec_receive_frame", err);
            if (facts_.sample_rate == 0) {
                facts_.sample_rate = frame_->sample_rate;
                facts_.channels = frame_->ch_layout.nb_channels;
            }
            samples_ += static_cast<std::uint64_t>(frame_->nb_samples);
            const double frame_seconds = static_cast<double>(frame_->nb_samples) / frame_->sample_rate;
            meter_.add(frame_.get());  // takes the data and resets the frame
            seconds_ += frame_seconds;
        }
    }

    void decode_all() {
        while (true) {
            const int err = input_->read_frame(packet_.get());
            if (err == AVERROR_EOF) break;
            if (err < 0) undecodable("av_read_frame", err);
            if (packet_->stream_index == stream_index_) {
                const int sent = codec_->send_packet(packet_.get());
                packet_.unref();
                if (sent < 0 && sent != AVERROR(EAGAIN)) undecodable("avcodec_send_packet", sent);
                receive_all();
            } else {
                packet_.unref();
            }
        }
        const int sent = codec_->send_packet(nullptr);
        if (sent < 0 && sent != AVERROR_EOF) undecodable("avcodec_send_packet", sent);
        receive_all();
    }

    std::string name_;
    HashingSource source_;
    ffmpeg::IoContext io_;
    std::optional<ffmpeg::FormatContext> input_;  // after io_: closed before it
    std::optional<ffmpeg::CodecContext> codec_;
    const AVStream* stream_ = nullptr;
    int stream_index_ = -1;
    ffmpeg::Packet packet_;
    ffmpeg::Frame frame_;
    LoudnessMeter meter_;
    std::uint64_t samples_ = 0;
    double seconds_ = 0.0;
    MediaFacts facts_;
};

}  // namespace

MediaFacts analyse(const std::filesystem::path& file, const AnalyseOptions& options) {
    ffmpeg::install_log_callback();
    Pass pass(file, options);
    return pass.run(options);
}

}  // namespace lp::audio
