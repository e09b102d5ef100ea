#include <filesystem>
#include <string_view>

#include "config/Load.hpp"

namespace lp::config {
namespace {

// The demo: no sound card needed (ALSA's "null" PCM), and a WAV copy of what aired.
constexpr std::string_view demo_toml = R"toml(
[daemon]
database = "var/loaphuong.db"
media_dir = "var/media"
time_zone = "Asia/Ho_Chi_Minh"
log_level = "info"

[audio]
loudness_target = -16

[[output]]
name = "loa"
kind = "alsa"
device = "null"

[[output]]
name = "ghi-am"
kind = "file"
path = "var/air/demo.wav"

[[slot]]
name = "Bản tin CCHC (demo)"
start = "+60s"
max_length = "10m"

[[slot.item]]
file = "demo.wav"
title = "Bản tin cải cách hành chính (demo)"
topic = "a"
form = "tin"
)toml";

}  // namespace

Config embedded_default() { return parse(demo_toml, "<embedded>", std::filesystem::current_path()); }

}  // namespace lp::config
