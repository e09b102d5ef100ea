#pragma once
// Small helpers shared by the fault tests: slot times a few seconds ahead (local time of day,
// as the config writes them), journal counts straight from the file, silence in a capture.

#include <chrono>
#include <filesystem>
#include <span>
#include <string>

namespace lp::test {

// "HH:MM:SS" in Asia/Ho_Chi_Minh of now + `ahead`, rounded up to a whole second.
std::string local_clock_in(std::chrono::milliseconds ahead);

// The instant of local_clock_in(ahead), for other offsets from the same base.
std::chrono::system_clock::time_point whole_second_in(std::chrono::milliseconds ahead);
// "HH:MM:SS" and "dd/mm/yyyy HH:MM:SS" of an instant, in Asia/Ho_Chi_Minh.
std::string local_clock(std::chrono::system_clock::time_point at);
std::string local_date_time(std::chrono::system_clock::time_point at);

// One integer from a query on the database file.
long long scalar(const std::filesystem::path& db_file, const std::string& sql);

// The longest run of frames in which every sample is within ±`floor` (the longest silence).
std::chrono::microseconds longest_silence(std::span<const short> interleaved, int sample_rate, int channels,
                                          short floor = 8);

}  // namespace lp::test
