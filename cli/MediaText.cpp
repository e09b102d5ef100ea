#include "cli/MediaText.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "cli/OperatorError.hpp"
#include "domain/Vocabulary.hpp"

namespace lp::cli {
namespace {

std::string codes(std::span<const domain::Term> terms) {
    std::string text;
    for (const auto& t : terms) text += (text.empty() ? "" : ", ") + std::string(t.code);
    return text;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

std::vector<std::string> checked_topics(const std::vector<std::string>& list) {
    std::vector<std::string> out;
    for (const auto& code : list) {
        if (!domain::is_topic(code))
            throw OperatorError("--topic: không có mã nội dung " + quoted(code) +
                                ". Các mã hợp lệ: " + codes(domain::topics()) + " (xem: loaphuong media topics).");
        if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
    }
    return out;
}

std::string checked_form(const std::string& code) {
    if (!domain::is_form(code))
        throw OperatorError("--form: không có hình thức " + quoted(code) +
                            ". Các mã hợp lệ: " + codes(domain::forms()) + " (xem: loaphuong media forms).");
    return code;
}

std::optional<domain::LocalDate> date_option(const std::string& option, const std::string& text) {
    if (text.empty()) return std::nullopt;
    const auto d = domain::parse_date(text);
    if (!d)
        throw OperatorError(option + ": ngày không hợp lệ " + quoted(text) +
                            ". Hãy nhập theo dạng dd/mm/yyyy hoặc yyyy-mm-dd.");
    return d;
}

void check_validity(const std::optional<domain::LocalDate>& from, const std::optional<domain::LocalDate>& until) {
    if (from && until && *until < *from)
        throw OperatorError("--valid-until (" + domain::display_date_text(*until) + ") đứng trước --valid-from (" +
                            domain::display_date_text(*from) + ").");
}

std::string decimal(double value, int digits) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    std::string s = text;
    if (const auto dot = s.find('.'); dot != std::string::npos) s[dot] = ',';
    return s;
}

std::string rejection_text(const std::string& file, const audio::Rejected& r) {
    const std::string name = "Tệp " + quoted(file);
    const std::string detail = r.detail().empty() ? "" : " (" + r.detail() + ")";
    const std::string at = r.offset_seconds() ? decimal(*r.offset_seconds(), 3) : "?";
    switch (r.reason()) {
        case audio::RejectReason::unreadable: return "Không đọc được tệp " + quoted(file) + detail + ".";
        case audio::RejectReason::empty: return name + " rỗng (0 byte).";
        case audio::RejectReason::not_audio: return name + " không phải tệp âm thanh" + detail + ".";
        case audio::RejectReason::no_samples: return name + " không có đoạn âm thanh nào giải mã được.";
        case audio::RejectReason::undecodable: return name + " bị hỏng: giải mã thất bại ở giây " + at + detail + ".";
        case audio::RejectReason::truncated: return name + " bị thiếu: chỉ giải mã được đến giây " + at + detail + ".";
        case audio::RejectReason::silent: return name + " chỉ có im lặng" + detail + ", không có gì để phát.";
    }
    return name + ": " + r.what();
}

std::string duration_text(const std::optional<std::int64_t>& ms) {
    return ms ? domain::duration_text(domain::Millis(*ms)) : "--:--:--";
}

std::string topics_text(const std::vector<std::string>& topics) {
    std::string text;
    for (const auto& t : topics) text += (text.empty() ? "" : ", ") + t;
    return text;
}

std::string validity_text(const library::Item& item) {
    if (!item.valid_from && !item.valid_until) return "";
    return (item.valid_from ? domain::display_date_text(*item.valid_from) : std::string("…")) + " – " +
           (item.valid_until ? domain::display_date_text(*item.valid_until) : std::string("…"));
}

std::string list_line(const library::Item& item, domain::LocalDate today) {
    std::string line = "#" + std::to_string(item.id) + "  " + duration_text(item.duration_ms) + "  [" +
                       topics_text(item.topics) + " / " + item.form + "]  " + item.title;
    if (const auto v = validity_text(item); !v.empty()) line += "  (hiệu lực " + v + ")";
    if (item.expired_on(today)) line += "  [HẾT HẠN]";
    if (item.retired_at) line += "  [ĐÃ NGỪNG DÙNG]";
    return line;
}

std::string details(const library::Item& item, domain::LocalDate today, std::int64_t airings) {
    std::ostringstream out;
    const auto row = [&out](const std::string& label, const std::string& value) {
        if (!value.empty()) out << label << ": " << value << '\n';
    };
    row("Mã", "#" + std::to_string(item.id));
    row("Tiêu đề", item.title);
    std::string topics;
    for (const auto& t : item.topics)
        topics += (topics.empty() ? "" : "; ") + t + " – " + std::string(domain::topic_label(t));
    row("Nội dung", topics);
    row("Hình thức", item.form + " – " + std::string(domain::form_label(item.form)));
    row("Nguồn", item.source.value_or(""));
    row("Ghi chú", item.note.value_or(""));
    std::string validity = validity_text(item);
    if (validity.empty()) validity = "không giới hạn";
    if (item.expired_on(today)) validity += " (HẾT HẠN)";
    row("Hiệu lực", validity);
    if (item.retired_at) row("Ngừng dùng", "có (từ " + *item.retired_at + ")");
    row("Thời lượng", duration_text(item.duration_ms));
    if (item.loudness_lufs) row("Độ lớn (EBU R128)", decimal(*item.loudness_lufs, 1) + " LUFS");
    if (item.true_peak_dbtp) row("Đỉnh thực", decimal(*item.true_peak_dbtp, 1) + " dBTP");
    if (item.codec)
        row("Định dạng", *item.codec + " trong " + item.container.value_or("?") + ", " +
                             std::to_string(item.sample_rate.value_or(0)) + " Hz, " +
                             std::to_string(item.channels.value_or(0)) + " kênh" +
                             (item.bit_rate ? ", " + std::to_string(*item.bit_rate / 1000) + " kbit/s" : ""));
    if (item.size_bytes) row("Kích thước", std::to_string(*item.size_bytes) + " byte");
    row("SHA-256", item.sha256.value_or(""));
    row("Tệp lưu trữ", item.file.string());
    row("Tệp gốc", item.original_name.value_or(""));
    row("Văn bản đọc", item.speech_text.value_or(""));
    if (item.tags_json != "{}") row("Thẻ trong tệp", item.tags_json);
    row("Thêm lúc (UTC)", item.added_at);
    row("Số dòng nhật ký tham chiếu", std::to_string(airings));
    return out.str();
}

}  // namespace lp::cli
