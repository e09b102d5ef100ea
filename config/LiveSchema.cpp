#include "config/LiveSchema.hpp"

#include <string>

#include "config/TimeText.hpp"

namespace lp::config::detail {

namespace {

void read_span(const TableReader& r, const char* key, std::chrono::seconds low, std::chrono::seconds high,
               const char* range, std::chrono::seconds& into) {
    const auto text = r.string(key);
    if (!text) return;
    const auto d = parse_duration(text->value);
    if (!d) fail(r.source(), *text, quote(text->value) + R"( is not a duration (e.g. "5s", "2m"))");
    if (*d < low || *d > high) fail(r.source(), *text, quote(text->value) + " is outside " + range);
    into = *d;
}

}  // namespace

void read_live(const TableReader& r, LiveConfig& live) {
    if (auto device = r.string("capture_device")) {
        if (device->value.find_first_not_of(" \t") == std::string::npos)
            fail(r.source(), *device, R"(the capture device is empty (e.g. "default", "hw:1,0"))");
        live.capture_device = device->value;
    }
    using std::chrono::hours, std::chrono::minutes, std::chrono::seconds;
    read_span(r, "max_length", minutes{1}, hours{12}, "1m .. 12h", live.max_length);
    read_span(r, "open_timeout", seconds{1}, minutes{2}, "1s .. 2m", live.open_timeout);
    read_span(r, "stall_timeout", seconds{1}, minutes{1}, "1s .. 1m", live.stall_timeout);
    read_span(r, "retry_interval", seconds{1}, minutes{1}, "1s .. 1m", live.retry_interval);
}

}  // namespace lp::config::detail
