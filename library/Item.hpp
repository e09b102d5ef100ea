#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/Time.hpp"

namespace lp::library {

// One recording in the library, as stored in media_item (+ media_item_topic).
struct Item {
    std::int64_t id = 0;
    std::filesystem::path file;  // the managed copy (content-addressed) or a config file
    std::string title;
    std::vector<std::string> topics{"other"};  // plan heading codes; the first is the main one
    std::string form = "other";
    std::optional<std::string> source;  // who sent it (phóng viên, UBND, ...)
    std::optional<std::string> note;
    std::optional<domain::LocalDate> valid_from;   // first local day it may air
    std::optional<domain::LocalDate> valid_until;  // last local day it may air
    std::optional<std::string> speech_text;        // the text of an item made by text-to-speech
    std::optional<std::string> original_name;      // the imported file's name

    // Measured at import (absent for items made without one: upsert(), or older databases
    // whose config items were seeded unimported).
    std::optional<std::string> sha256;
    std::optional<std::int64_t> duration_ms;
    std::optional<std::string> container;
    std::optional<std::string> codec;
    std::optional<std::int64_t> sample_rate;
    std::optional<std::int64_t> channels;
    std::optional<std::int64_t> bit_rate;
    std::optional<std::int64_t> size_bytes;
    std::optional<double> loudness_lufs;
    std::optional<double> true_peak_dbtp;
    std::string tags_json = "{}";  // container/stream tags as a JSON object

    std::string added_at;                   // UTC text
    std::optional<std::string> retired_at;  // UTC text; a retired item is never scheduled again

    // May the scheduler pick it on this local day? Inside its validity dates and not retired.
    bool valid_on(domain::LocalDate day) const {
        if (retired_at) return false;
        if (valid_from && day < *valid_from) return false;
        if (valid_until && *valid_until < day) return false;
        return true;
    }
    // Its last valid day is before `day`.
    bool expired_on(domain::LocalDate day) const { return valid_until && *valid_until < day; }
};

}  // namespace lp::library
