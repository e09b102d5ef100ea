#pragma once
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "audio/Output.hpp"
#include "audio/ffmpeg/Dictionary.hpp"

extern "C" {
#include <libavformat/avformat.h>
}

namespace lp::audio::output {

// Where and how one output writes: the muxer, its URL and options, and whether its PCM goes
// through the encoder. Its kind chooses it at every open (Kind::target).
struct Target {
    const AVOutputFormat* format = nullptr;
    std::string url;
    ffmpeg::Dictionary io_options;     // for avio_open2 (the protocol: icecast, udp, ...)
    ffmpeg::Dictionary muxer_options;  // for avformat_write_header
    bool encoded = false;              // false: pcm_s16le packets straight to the muxer
    std::filesystem::path append_to;   // archive: the day's file, appended to
    bool network = false;              // flush the I/O every packet (no 32 KiB bursts)
    // Called once the header is written (rtp: the SDP file). Throws std::exception.
    std::function<void(AVFormatContext*)> after_header;
};

// The target of spec's kind. Throws std::runtime_error with the reason (the caller names the output).
Target resolve_target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start);

// "output 'loa' (alsa 'default')", for messages; "output 'x' (null)" without a target.
// Passwords in URLs are masked.
std::string describe(const OutputSpec& spec);

// The muxer of that name; throws std::runtime_error when this FFmpeg has none.
const AVOutputFormat* muxer(const char* name);
// Throws std::runtime_error "no target given" when spec.target is empty.
void require_target(const OutputSpec& spec);

// The archive file of the local day of `at` in `time_zone`: "<folder>/2026-11-29.mp3".
std::filesystem::path archive_file(const std::filesystem::path& folder, const std::string& time_zone,
                                   std::chrono::system_clock::time_point at);

}  // namespace lp::audio::output
