#include "config/AlarmSchema.hpp"

#include <cstdio>
#include <string>

#include "config/TimeText.hpp"

namespace lp::config::detail {

void read_alarm(const TableReader& r, AlarmConfig& alarm) {
    if (auto text = r.string("dead_air")) {
        const auto d = parse_duration(text->value);
        if (!d) fail(r.source(), *text, quote(text->value) + R"( is not a duration (e.g. "30s", "2m"))");
        if (*d < std::chrono::seconds{1} || *d > std::chrono::hours{24})
            fail(r.source(), *text, quote(text->value) + " is outside 1s .. 24h");
        alarm.dead_air = *d;
    }
    if (auto level = r.node("silence_dbfs")) {
        const auto* number = level->value->as_floating_point();
        const auto* integer = level->value->as_integer();
        if (!number && !integer) fail(r.source(), *level, "silence_dbfs must be a number of dBFS such as -60");
        const double v = number ? number->get() : static_cast<double>(integer->get());
        if (v < -120 || v > -20) {
            char text[32];
            std::snprintf(text, sizeof text, "%g", v);
            fail(r.source(), *level, std::string(text) + " dBFS is outside -120 .. -20");
        }
        alarm.silence_dbfs = v;
    }
}

}  // namespace lp::config::detail
