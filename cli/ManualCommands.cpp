#include "cli/ManualCommands.hpp"

#include <date/tz.h>

#include <iostream>
#include <memory>

#include "cli/Change.hpp"
#include "cli/OperatorError.hpp"
#include "cli/PeriodOption.hpp"
#include "cli/ScheduleParse.hpp"
#include "config/TimeText.hpp"
#include "domain/Time.hpp"
#include "domain/Vocabulary.hpp"
#include "journal/JournalStore.hpp"

namespace lp::cli {
namespace {

struct ManualOptions {
    std::string date;
    std::string start;
    std::string duration;
    std::string title;
    std::string topic = "other";
    std::string form = "other";
    std::string kind = "truc_tiep";
    std::string slot;
    std::string by;
    std::string note;
    bool json = false;
};

struct CorrectOptions {
    std::int64_t id = 0;
    std::string title;
    std::vector<std::string> topics;
    std::string form;
    std::string by;
    std::string reason;
    bool json = false;
};

std::string codes(std::span<const domain::Term> terms) {
    std::string out;
    for (const auto& t : terms) {
        if (!out.empty()) out += ", ";
        out += t.code;
    }
    return out;
}

void check_topic(const std::string& topic) {
    if (!domain::is_topic(topic))
        throw OperatorError("Nội dung \"" + topic +
                            "\" không có trong kế hoạch. Chọn một trong: " + codes(domain::topics()) + ".");
}
void check_form(const std::string& form) {
    if (!domain::is_form(form))
        throw OperatorError("Hình thức \"" + form + "\" không hợp lệ. Chọn một trong: " + codes(domain::forms()) + ".");
}

void run_add_manual(Context& context, const ManualOptions& o) {
    context.load();
    const auto day = parse_date_option("--date", o.date);
    const auto start = config::parse_time_of_day(o.start);
    if (!start) throw OperatorError("Giờ bắt đầu --start không hợp lệ: \"" + o.start + "\". Ví dụ: 06:30.");
    const auto duration = config::parse_duration(o.duration);
    if (!duration || duration->count() <= 0)
        throw OperatorError("Thời lượng --duration không hợp lệ: \"" + o.duration + "\". Ví dụ: 15m, 1h30m, 90s.");
    if (o.title.empty()) throw OperatorError("Hãy nhập tên tin, bài (--title).");
    check_topic(o.topic);
    check_form(o.form);
    std::string slot = o.slot;
    if (slot.empty()) {
        if (o.kind == "truc_tiep")
            slot = "Đọc trực tiếp";
        else if (o.kind == "tiep_song")
            slot = "Tiếp sóng Đài Phát thanh thành phố";
        else
            throw OperatorError("Loại --kind \"" + o.kind +
                                "\" không hợp lệ: truc_tiep (đọc trực tiếp) hoặc tiep_song (tiếp sóng).");
    }
    const auto* tz = domain::zone(context.config.time_zone);
    const auto started = domain::start_of_day(tz, day) + *start;
    if (started > std::chrono::system_clock::now())
        throw OperatorError("Thời điểm " + o.date + " " + o.start + " còn ở tương lai: chỉ ghi những buổi đã phát.");
    const ResultText text = [&](const nlohmann::json& r) {
        const auto by = r.value("by", std::string{});  // the API records the token's account
        return "Đã ghi dòng nhật ký số " + std::to_string(r.value("id", 0LL)) + " (nhập tay" +
               (by.empty() ? std::string() : " bởi " + by) + "): \"" + o.title + "\" lúc " +
               domain::local_time_text(tz, started) + " " + domain::local_date_text(tz, started) + ".\n";
    };
    const nlohmann::json body{{"date", domain::display_date_text(day)},
                              {"start", domain::local_time_text(tz, started).substr(0, 5)},
                              {"duration", std::to_string(duration->count()) + "s"},
                              {"title", o.title},
                              {"topic", o.topic},
                              {"form", o.form},
                              {"kind", o.kind},
                              {"slot", slot},
                              {"note", o.note}};
    if (via_daemon(context, {"POST", "/api/journal/manual", body}, o.json, text)) return;
    if (o.by.empty()) throw OperatorError("Hãy nhập họ tên người nhập (--by).");
    auto db = context.open_database();
    journal::JournalStore journal(db);
    const auto id = journal.add_manual({started, std::chrono::duration_cast<std::chrono::milliseconds>(*duration),
                                        o.title, o.topic, o.form, slot, o.by, o.note});
    print_result({{"id", id}, {"by", o.by}}, o.json, text);
}

void run_correct(Context& context, const CorrectOptions& o) {
    context.load();
    if (o.reason.empty()) throw OperatorError("Hãy nêu lý do đính chính (--reason).");
    if (o.title.empty() && o.topics.empty() && o.form.empty())
        throw OperatorError("Hãy nêu điều cần đính chính: --title, --topic hoặc --form.");
    for (const auto& topic : o.topics) check_topic(topic);
    if (!o.form.empty()) check_form(o.form);
    const auto opt = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
    const ResultText text = [&o](const nlohmann::json& r) {
        return "Đã ghi đính chính (dòng nhật ký số " + std::to_string(r.value("id", 0LL)) + ") cho dòng số " +
               std::to_string(o.id) + "; dòng gốc được giữ nguyên.\n";
    };
    nlohmann::json body{{"reason", o.reason}};
    if (!o.title.empty()) body["title"] = o.title;
    if (!o.topics.empty()) body["topics"] = o.topics;
    if (!o.form.empty()) body["form"] = o.form;
    if (via_daemon(context, {"POST", api_path("/api/journal", o.id, "/correct"), body}, o.json, text)) return;
    if (o.by.empty()) throw OperatorError("Hãy nhập họ tên người đính chính (--by).");
    auto db = context.open_database();
    journal::JournalStore journal(db);
    std::int64_t id = 0;
    try {
        const auto topics = o.topics.empty() ? std::nullopt : std::optional(o.topics);
        id = journal.correct(o.id, {opt(o.title), topics, opt(o.form), o.by, o.reason});
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();
        if (what.find("still airing") != std::string::npos)
            throw OperatorError("Dòng nhật ký số " + std::to_string(o.id) + " đang phát, chưa thể đính chính.");
        if (what.find("changes nothing") != std::string::npos)
            throw OperatorError("Đính chính không thay đổi gì so với dòng nhật ký số " + std::to_string(o.id) + ".");
        throw OperatorError("Không có dòng nhật ký số " + std::to_string(o.id) + ".");
    }
    print_result({{"id", id}, {"corrects", o.id}}, o.json, text);
}

}  // namespace

void add_manual_commands(CLI::App& journal, Context& context) {
    auto m = std::make_shared<ManualOptions>();
    auto* add = journal.add_subcommand("add-manual",
                                       "Ghi một buổi phát không qua máy phát tự động "
                                       "(đọc trực tiếp, tiếp sóng)");
    add->add_option("--date", m->date, "Ngày phát (dd/mm/yyyy)")->required();
    add->add_option("--start", m->start, "Giờ bắt đầu (HH:MM)")->required();
    add->add_option("--duration", m->duration, "Thời lượng (vd. 15m, 1h30m)")->required();
    add->add_option("--title", m->title, "Tên tin, bài")->required();
    add->add_option("--topic", m->topic, "Nội dung (mã mục II.1 của kế hoạch: a … n, other)");
    add->add_option("--form", m->form, "Hình thức (tin, bai, phong_su, phong_van, toa_dam, thong_bao, am_nhac, other)");
    add->add_option("--kind", m->kind, "truc_tiep (đọc trực tiếp, mặc định) hoặc tiep_song (tiếp sóng)");
    add->add_option("--slot", m->slot, "Khung giờ / cách phát (mặc định theo --kind)");
    add->add_option("--by", m->by, "Họ tên người nhập (bắt buộc khi loaphuongd không chạy)");
    add->add_option("--note", m->note, "Ghi chú");
    add_json_flag(add, m->json);
    add->callback([&context, m] { run_add_manual(context, *m); });

    auto c = std::make_shared<CorrectOptions>();
    auto* correct = journal.add_subcommand("correct", "Đính chính một dòng nhật ký (dòng gốc được giữ nguyên)");
    correct->add_option("id", c->id, "Số dòng nhật ký cần đính chính")->required();
    correct->add_option("--title", c->title, "Tên tin, bài đúng");
    correct
        ->add_option("--topic", c->topics, "Nội dung đúng (mã; thay toàn bộ), lặp lại được hoặc cách nhau bởi dấu phẩy")
        ->delimiter(',');
    correct->add_option("--form", c->form, "Hình thức đúng (mã)");
    correct->add_option("--by", c->by, "Họ tên người đính chính (bắt buộc khi loaphuongd không chạy)");
    correct->add_option("--reason", c->reason, "Lý do đính chính")->required();
    add_json_flag(correct, c->json);
    correct->callback([&context, c] { run_correct(context, *c); });
}

}  // namespace lp::cli
