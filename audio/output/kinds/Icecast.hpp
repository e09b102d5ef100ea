#pragma once

#include "audio/output/Kind.hpp"

namespace lp::audio::output::kinds {

// kind = "icecast": a source stream to an Icecast server (url, password, mount), mp3 or opus.
// With admin_user and admin_password the daemon also samples the mount's listeners during each
// airing (every listeners_every seconds) from the server's /admin/stats (reach/ListenerSampler).
class Icecast final : public Kind {
public:
    std::string_view name() const override { return "icecast"; }
    std::vector<std::string_view> keys() const override {
        return {"url", "password", "mount", "admin_user", "admin_password", "listeners_every"};
    }
    std::vector<Codec> codecs() const override { return {Codec::mp3, Codec::opus}; }
    void read(const Settings& settings, OutputSpec& spec) const override;
    Target target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) const override;
    bool network() const override { return true; }
    // icecast2 drops what it received in the last moments before its source goes.
    std::chrono::milliseconds tail(const OutputSpec& spec) const override;
};

}  // namespace lp::audio::output::kinds
