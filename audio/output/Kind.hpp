#pragma once
// An output kind (issue 12 point 3): everything that differs between alsa, file, icecast, ...
// lives in one class of output/kinds/, registered once in output/Registry.cpp. The config
// reader asks the kind for its keys and lets it read them; the player asks it for its FFmpeg
// target, its Output, whether it is a network peer and its tail.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audio/Output.hpp"
#include "audio/output/Target.hpp"

namespace lp::audio::output {

// The keys of one [[output]] table as a kind reads them. Implemented by the config reader:
// every getter returns nullopt for a missing key, and throws the config's error naming the
// file, the line and the key for a value that is not right.
class Settings {
public:
    virtual ~Settings() = default;
    // A string, not empty.
    virtual std::optional<std::string> text(std::string_view key) const = 0;
    // An integer within low..high.
    virtual std::optional<int> integer(std::string_view key, int low, int high) const = 0;
    // A path, not empty, made absolute against the config file's folder.
    virtual std::optional<std::filesystem::path> path(std::string_view key) const = 0;
    // A host name, an IPv4 address or a bracketed IPv6 address.
    virtual std::optional<std::string> host(std::string_view key) const = 0;
    // An http:// server URL without path, returned as "host:port" (default port filled in).
    virtual std::optional<std::string> http_server(std::string_view key) const = 0;
    // Throws "missing required key (kind "K" needs it)" at the table's header; with
    // `because`, "missing required key (because)".
    [[noreturn]] virtual void missing(std::string_view key) const = 0;
    [[noreturn]] virtual void missing(std::string_view key, std::string_view because) const = 0;

    template <class T>
    T required(std::string_view key, std::optional<T> value) const {
        if (!value) missing(key);
        return std::move(*value);
    }
};

class Kind {
public:
    virtual ~Kind() = default;

    // As written in the config (kind = "alsa"); unique in the registry.
    virtual std::string_view name() const = 0;
    // The [[output]] keys this kind reads itself, besides the common ones (name, kind,
    // sample_rate, channels, and codec and bitrate when it has codecs). A key of another kind
    // in its table is an error naming the kinds that use it. Each is documented in
    // docs/man/loaphuong.toml.5 (tests/audio/OutputRegistryTest checks it).
    virtual std::vector<std::string_view> keys() const = 0;
    // Codecs it carries, its default first. None: raw PCM, and no codec or bitrate keys.
    virtual std::vector<Codec> codecs() const { return {}; }
    // Reads its keys into `spec` (target and what else it needs). Throws through `settings`.
    virtual void read(const Settings& settings, OutputSpec& spec) const = 0;

    // Done by the daemon at start and at a reload before the outputs are made (the file
    // output's folder). Throws std::exception with the reason.
    virtual void prepare(const OutputSpec&) const {}
    // Where and how its MuxerOutput writes; chosen at every open (the archive's file is the
    // day's). Throws std::runtime_error with the reason (the caller names the output). A kind
    // whose make() returns an Output of its own (alsa) needs none: the default throws.
    virtual Target target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) const;
    // A peer that can stall: opened in the background and written from a thread of its own
    // (output::AsyncOutput), so that the loudspeakers never wait for it.
    virtual bool network() const { return false; }
    // Network kinds: silence sent in real time before the connection closes.
    virtual std::chrono::milliseconds tail(const OutputSpec&) const { return {}; }
    // The Output itself: a MuxerOutput on target(), unless the kind wraps it.
    virtual std::unique_ptr<Output> make(const OutputSpec& spec) const;
    // A folder the kind fills day after day, for the archive size metric.
    virtual std::optional<std::filesystem::path> archive_folder(const OutputSpec&) const { return std::nullopt; }
};

}  // namespace lp::audio::output
