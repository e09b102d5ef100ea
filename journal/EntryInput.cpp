#include "journal/EntryInput.hpp"

#include <date/tz.h>

#include <chrono>
#include <span>

#include "config/TimeText.hpp"
#include "domain/Texts.hpp"
#include "domain/Time.hpp"
#include "domain/Vocabulary.hpp"

namespace lp::journal {
namespace {

using Kind = EntryError::Kind;

// A manual airing longer than this is a typing mistake (a day's programme is far shorter).
constexpr std::chrono::hours longest_manual{24};

EntryError invalid(std::string field, const std::string& message) { return {Kind::invalid, std::move(field), message}; }

// " --start" for the CLI, "" for the API: put right after the field's words.
std::string inline_name(const FieldNames& names, std::string_view field) {
    const auto n = names ? names(field) : std::string{};
    return n.empty() ? n : " " + n;
}

// " (--title)" for the CLI, "" for the API.
std::string paren_name(const FieldNames& names, std::string_view field) {
    const auto n = names ? names(field) : std::string{};
    return n.empty() ? n : " (" + n + ")";
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string codes(std::span<const domain::Term> terms) {
    std::string out;
    for (const auto& t : terms) {
        if (!out.empty()) out += ", ";
        out += t.code;
    }
    return out;
}

void check_topic(const std::string& field, const std::string& topic) {
    if (!domain::is_topic(topic))
        throw invalid(field, "Nội dung \"" + topic +
                                 "\" không có trong kế hoạch. Chọn một trong: " + codes(domain::topics()) + ".");
}

void check_form(const std::string& form) {
    if (!domain::is_form(form))
        throw invalid("form",
                      "Hình thức \"" + form + "\" không hợp lệ. Chọn một trong: " + codes(domain::forms()) + ".");
}

}  // namespace

ManualEntry manual_entry(const ManualInput& in, const date::time_zone* tz, TimePoint now, const FieldNames& names) {
    const auto day = domain::parse_date(in.date);
    if (!day)
        throw invalid("date", "Ngày" + inline_name(names, "date") + " không hợp lệ: \"" + in.date +
                                  "\". Hãy nhập theo dạng dd/mm/yyyy hoặc yyyy-mm-dd.");
    const auto start = config::parse_time_of_day(in.start);
    if (!start)
        throw invalid("start", "Giờ bắt đầu" + inline_name(names, "start") + " không hợp lệ: \"" + in.start +
                                   "\". Ví dụ: 06:30.");
    const auto duration = config::parse_duration(in.duration);
    if (!duration || duration->count() <= 0)
        throw invalid("duration", "Thời lượng" + inline_name(names, "duration") + " không hợp lệ: \"" + in.duration +
                                      "\". Ví dụ: 15m, 1h30m, 90s.");
    if (*duration > longest_manual)
        throw invalid("duration", "Thời lượng" + inline_name(names, "duration") + " \"" + in.duration +
                                      "\" quá dài: một buổi phát không quá 24 giờ.");
    if (blank(in.title)) throw invalid("title", "Hãy nhập tên tin, bài" + paren_name(names, "title") + ".");
    if (blank(in.by)) throw invalid("by", "Hãy nhập họ tên người nhập" + paren_name(names, "by") + ".");
    check_topic("topic", in.topic);
    check_form(in.form);
    if (in.kind != "truc_tiep" && in.kind != "tiep_song")
        throw invalid("kind", "Loại" + inline_name(names, "kind") + " \"" + in.kind +
                                  "\" không hợp lệ: truc_tiep (đọc trực tiếp) hoặc tiep_song (tiếp sóng).");
    std::string slot = in.slot;
    if (blank(slot))
        slot = std::string(in.kind == "truc_tiep" ? domain::texts::manual_live_reading : domain::texts::manual_relay);
    const auto started = domain::start_of_day(tz, *day) + *start;
    if (started > now)
        throw invalid("start", "Thời điểm " + domain::display_date_text(*day) + " " + in.start +
                                   " còn ở tương lai: chỉ ghi những buổi đã phát.");
    return {started, std::chrono::duration_cast<Millis>(*duration), in.title, in.topic, in.form, slot, in.by, in.note};
}

Correction checked_correction(const CorrectionInput& in, const FieldNames& names) {
    if (blank(in.by)) throw invalid("by", "Hãy nhập họ tên người đính chính" + paren_name(names, "by") + ".");
    if (blank(in.reason)) throw invalid("reason", "Hãy nêu lý do đính chính" + paren_name(names, "reason") + ".");
    if (!in.title && !in.topics && !in.form)
        throw invalid("", "Hãy nêu điều cần đính chính: tên tin, bài" + paren_name(names, "title") + ", nội dung" +
                              paren_name(names, "topics") + " hoặc hình thức" + paren_name(names, "form") + ".");
    if (in.title && blank(*in.title)) throw invalid("title", "Tên tin, bài đính chính không được để trống.");
    if (in.topics) {
        if (in.topics->empty())
            throw invalid("topics", "Hãy chọn ít nhất một nội dung" + paren_name(names, "topics") + ".");
        for (const auto& topic : *in.topics) check_topic("topics", topic);
    }
    if (in.form) check_form(*in.form);
    return {in.title, in.topics, in.form, in.by, in.reason};
}

std::int64_t correct_row(JournalStore& journal, std::int64_t id, const CorrectionInput& in, const FieldNames& names) {
    const auto correction = checked_correction(in, names);
    const auto row = std::to_string(id);
    try {
        return journal.correct(id, correction);
    } catch (const CorrectionRefused& e) {
        switch (e.why()) {
            case CorrectionRefused::Why::no_row:
                throw EntryError(Kind::no_row, "id", "Không có dòng nhật ký số " + row + ".");
            case CorrectionRefused::Why::still_open:
                throw EntryError(Kind::still_open, "id", "Dòng nhật ký số " + row + " đang phát, chưa thể đính chính.");
            case CorrectionRefused::Why::unchanged:
                throw EntryError(Kind::unchanged, "",
                                 "Đính chính không thay đổi gì so với dòng nhật ký số " + row + ".");
        }
        throw;
    }
}

}  // namespace lp::journal
