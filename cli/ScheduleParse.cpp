#include "cli/ScheduleParse.hpp"

#include <date/tz.h>

#include <cstdio>

#include "cli/OperatorError.hpp"
#include "config/TimeText.hpp"
#include "domain/Lists.hpp"
#include "domain/Vocabulary.hpp"
#include "domain/WallClock.hpp"

namespace lp::cli {

std::vector<std::string> split_list(const std::string& text) { return domain::split_commas(text); }

std::vector<unsigned> parse_days(const std::string& option, const std::string& text) {
    if (text == "all" || text == "hằng ngày" || text == "hang-ngay") return {0, 1, 2, 3, 4, 5, 6};
    std::vector<unsigned> days;
    for (const auto& part : split_list(text)) {
        const auto d = config::parse_weekday(part);
        if (!d)
            throw OperatorError("Ngày trong tuần không hợp lệ ở " + option + ": \"" + part +
                                "\". Dùng t2, t3, t4, t5, t6, t7, cn (hoặc mon … sun), cách nhau bằng dấu phẩy.");
        if (std::ranges::find(days, *d) == days.end()) days.push_back(*d);
    }
    if (days.empty()) throw OperatorError("Cần ít nhất một ngày trong tuần ở " + option + ".");
    std::ranges::sort(days);
    return days;
}

std::chrono::seconds parse_time_option(const std::string& option, const std::string& text) {
    const auto t = config::parse_time_of_day(text);
    if (!t) throw OperatorError("Giờ không hợp lệ ở " + option + ": \"" + text + "\". Dùng dạng HH:MM, ví dụ 05:30.");
    return *t;
}

std::chrono::seconds parse_duration_option(const std::string& option, const std::string& text) {
    const auto d = config::parse_duration(text);
    if (!d || d->count() == 0)
        throw OperatorError("Thời lượng không hợp lệ ở " + option + ": \"" + text + "\". Ví dụ: 90s, 15m, 1h, 1h30m.");
    return *d;
}

domain::LocalDate parse_date_option(const std::string& option, const std::string& text) {
    const auto d = domain::parse_date(text);
    if (!d)
        throw OperatorError("Ngày " + option + " không hợp lệ: \"" + text +
                            "\". Hãy nhập theo dạng dd/mm/yyyy hoặc yyyy-mm-dd.");
    return *d;
}

scheduler::TimePoint parse_instant_option(const std::string& option, const std::string& text,
                                          const date::time_zone* tz) {
    if (text == "now" || text == "bây giờ") return domain::wall_now();
    const auto space = text.find(' ');
    const auto day = space == std::string::npos ? std::nullopt : domain::parse_date(text.substr(0, space));
    const auto time = space == std::string::npos ? std::nullopt : config::parse_time_of_day(text.substr(space + 1));
    if (!day || !time)
        throw OperatorError("Thời điểm " + option + " không hợp lệ: \"" + text +
                            "\". Dùng \"dd/mm/yyyy HH:MM\" (giờ Việt Nam) hoặc \"now\".");
    const date::local_seconds local{
        date::local_days{date::year{day->year} / date::month{day->month} / date::day{day->day}} + *time};
    return tz->to_sys(local, date::choose::earliest);
}

scheduler::Priority parse_priority(const std::string& text) {
    if (text == "normal" || text == "thuong" || text == "thông thường") return scheduler::Priority::normal;
    if (text == "priority" || text == "uu-tien" || text == "ưu tiên") return scheduler::Priority::priority;
    if (text == "emergency" || text == "khan-cap" || text == "khẩn cấp") return scheduler::Priority::emergency;
    throw OperatorError("Mức ưu tiên không hợp lệ: \"" + text +
                        "\". Dùng thuong (thông thường), uu-tien (ưu tiên) hoặc khan-cap (khẩn cấp).");
}

scheduler::Entry parse_pool(const std::string& text) {
    scheduler::Entry e;
    e.kind = scheduler::Entry::Kind::pool;
    const auto first = text.find(':');
    const std::string count = text.substr(0, first);
    int n = 0;
    char tail = 0;
    if (std::sscanf(count.c_str(), "%d%c", &n, &tail) != 1 || n < 1 || n > 50)
        throw OperatorError("--pool \"" + text + "\": số tin phải là số từ 1 đến 50, ví dụ 3:a,m:tin,bai:tet.");
    e.count = n;
    if (first != std::string::npos) {
        const auto second = text.find(':', first + 1);
        e.filter.topics =
            split_list(text.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1));
        if (second != std::string::npos) {
            const auto third = text.find(':', second + 1);
            e.filter.forms = split_list(
                text.substr(second + 1, third == std::string::npos ? std::string::npos : third - second - 1));
            if (third != std::string::npos) e.filter.tags = split_list(text.substr(third + 1));
        }
    }
    for (const auto& t : e.filter.topics)
        if (!domain::is_topic(t))
            throw OperatorError("--pool \"" + text + "\": không có nội dung mã \"" + t +
                                "\" (xem: loaphuong media topics).");
    for (const auto& f : e.filter.forms)
        if (!domain::is_form(f))
            throw OperatorError("--pool \"" + text + "\": không có hình thức mã \"" + f +
                                "\" (xem: loaphuong media forms).");
    return e;
}

}  // namespace lp::cli
