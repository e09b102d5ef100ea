#include "cli/ManualCommands.hpp"

#include <iostream>
#include <memory>

#include "cli/Change.hpp"
#include "cli/OperatorError.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "journal/EntryInput.hpp"
#include "journal/JournalStore.hpp"

namespace lp::cli {
namespace {

struct ManualOptions {
    journal::ManualInput input;
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

// The options by which the operator gave each field, for the messages.
std::string option_of(std::string_view field) { return field == "topics" ? "--topic" : "--" + std::string(field); }

// Through the daemon the token's account is the author: --by is needed only for a direct
// write, so the fields are checked with a stand-in author first.
constexpr const char* author_from_token = "(tài khoản của mã truy cập)";

void run_add_manual(Context& context, const ManualOptions& m) {
    context.load();
    const auto& o = m.input;
    const auto* tz = domain::zone(context.config.time_zone);
    auto checked = o;
    if (checked.by.empty()) checked.by = author_from_token;
    journal::ManualEntry entry;
    try {
        entry = journal::manual_entry(checked, tz, domain::wall_now(), option_of);
    } catch (const journal::EntryError& e) {
        throw OperatorError(e.what());
    }
    const ResultText text = [&](const nlohmann::json& r) {
        const auto by = r.value("by", std::string{});  // the API records the token's account
        return "Đã ghi dòng nhật ký số " + std::to_string(r.value("id", 0LL)) + " (nhập tay" +
               (by.empty() ? std::string() : " bởi " + by) + "): \"" + o.title + "\" lúc " +
               domain::local_time_text(tz, entry.started_at) + " " + domain::local_date_text(tz, entry.started_at) +
               ".\n";
    };
    const nlohmann::json body{
        {"date", domain::local_date_text(tz, entry.started_at)},
        {"start", domain::local_time_text(tz, entry.started_at).substr(0, 5)},
        {"duration", std::to_string(std::chrono::duration_cast<std::chrono::seconds>(entry.duration).count()) + "s"},
        {"title", entry.title},
        {"topic", entry.topic},
        {"form", entry.form},
        {"kind", o.kind},
        {"slot", entry.slot},
        {"note", entry.note}};
    if (via_daemon(context, {"POST", "/api/journal/manual", body}, m.json, text)) return;
    if (o.by.empty()) throw OperatorError("Hãy nhập họ tên người nhập (--by).");
    auto db = context.open_database();
    journal::JournalStore journal(db);
    const auto id = journal.add_manual(entry);
    print_result({{"id", id}, {"by", o.by}}, m.json, text);
}

void run_correct(Context& context, const CorrectOptions& o) {
    context.load();
    const auto opt = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
    journal::CorrectionInput input{opt(o.title), o.topics.empty() ? std::nullopt : std::optional(o.topics), opt(o.form),
                                   o.by.empty() ? author_from_token : o.by, o.reason};
    // The fields first: a mistake is named before the database or the daemon is asked.
    try {
        journal::checked_correction(input, option_of);
    } catch (const journal::EntryError& e) {
        throw OperatorError(e.what());
    }
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
    input.by = o.by;
    auto db = context.open_database();
    journal::JournalStore journal(db);
    std::int64_t id = 0;
    try {
        id = journal::correct_row(journal, o.id, input, option_of);
    } catch (const journal::EntryError& e) {
        throw OperatorError(e.what());
    }
    print_result({{"id", id}, {"corrects", o.id}}, o.json, text);
}

}  // namespace

void add_manual_commands(CLI::App& journal, Context& context) {
    auto m = std::make_shared<ManualOptions>();
    auto* add = journal.add_subcommand("add-manual",
                                       "Ghi một buổi phát không qua máy phát tự động "
                                       "(đọc trực tiếp, tiếp sóng)");
    add->add_option("--date", m->input.date, "Ngày phát (dd/mm/yyyy)")->required();
    add->add_option("--start", m->input.start, "Giờ bắt đầu (HH:MM)")->required();
    add->add_option("--duration", m->input.duration, "Thời lượng (vd. 15m, 1h30m)")->required();
    add->add_option("--title", m->input.title, "Tên tin, bài")->required();
    add->add_option("--topic", m->input.topic, "Nội dung (mã mục II.1 của kế hoạch: a … n, other)");
    add->add_option("--form", m->input.form,
                    "Hình thức (tin, bai, phong_su, phong_van, toa_dam, thong_bao, am_nhac, other)");
    add->add_option("--kind", m->input.kind, "truc_tiep (đọc trực tiếp, mặc định) hoặc tiep_song (tiếp sóng)");
    add->add_option("--slot", m->input.slot, "Khung giờ / cách phát (mặc định theo --kind)");
    add->add_option("--by", m->input.by, "Họ tên người nhập (bắt buộc khi loaphuongd không chạy)");
    add->add_option("--note", m->input.note, "Ghi chú");
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
