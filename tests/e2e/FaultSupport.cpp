#include "tests/e2e/FaultSupport.hpp"

#include <cstdlib>

#include "db/sqlite/Database.hpp"
#include "domain/Time.hpp"

namespace lp::test {

std::chrono::system_clock::time_point whole_second_in(std::chrono::milliseconds ahead) {
    return std::chrono::ceil<std::chrono::seconds>(std::chrono::system_clock::now() + ahead);
}

std::string local_clock(std::chrono::system_clock::time_point at) {
    return domain::local_time_text(domain::zone("Asia/Ho_Chi_Minh"), at);
}

std::string local_date_time(std::chrono::system_clock::time_point at) {
    const auto* tz = domain::zone("Asia/Ho_Chi_Minh");
    return domain::local_date_text(tz, at) + " " + domain::local_time_text(tz, at);
}

std::string local_clock_in(std::chrono::milliseconds ahead) { return local_clock(whole_second_in(ahead)); }

long long scalar(const std::filesystem::path& db_file, const std::string& sql) {
    sqlite::Database db(db_file);
    auto st = db.prepare(sql);
    st.step();
    return st.integer(0);
}

std::chrono::microseconds longest_silence(std::span<const short> interleaved, int sample_rate, int channels,
                                          short floor) {
    std::size_t run = 0, longest = 0;
    const auto frames = interleaved.size() / static_cast<std::size_t>(channels);
    for (std::size_t f = 0; f < frames; ++f) {
        bool quiet = true;
        for (int c = 0; c < channels; ++c)
            if (std::abs(interleaved[f * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)]) > floor)
                quiet = false;
        run = quiet ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return std::chrono::microseconds{
        static_cast<long long>(longest * 1'000'000 / static_cast<std::size_t>(sample_rate))};
}

}  // namespace lp::test
