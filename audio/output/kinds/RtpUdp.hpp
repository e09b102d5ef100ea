#pragma once

#include "audio/output/Kind.hpp"

namespace lp::audio::output::kinds {

// kind = "rtp" and kind = "udp": a stream to a host or multicast group (host, port, ttl), raw
// PCM or Opus; rtp also writes an SDP file for the receivers (sdp).
class HostStream : public Kind {
public:
    std::vector<std::string_view> keys() const override { return {"host", "port", "ttl"}; }
    std::vector<Codec> codecs() const override { return {Codec::pcm, Codec::opus}; }
    void read(const Settings& settings, OutputSpec& spec) const override;
    bool network() const override { return true; }
};

class Rtp final : public HostStream {
public:
    std::string_view name() const override { return "rtp"; }
    std::vector<std::string_view> keys() const override { return {"host", "port", "ttl", "sdp"}; }
    void read(const Settings& settings, OutputSpec& spec) const override;
    Target target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) const override;
};

class Udp final : public HostStream {
public:
    std::string_view name() const override { return "udp"; }
    Target target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) const override;
};

}  // namespace lp::audio::output::kinds
