#include "cli/ManualCommands.hpp"

#include <iostream>
#include <memory>

#include "cli/OperatorError.hpp"
#include "domain/Time.hpp"
#include "journal/EntryInput.hpp"
#include "journal/JournalStore.hpp"

namespace lp::cli {
namespace {

struct CorrectOptions {
    std::int64_t id = 0;
    std::string title;
    std::vector<std::string> topics;
    std::string form;
    std::string by;
    std::string reason;
};

// The options by which the operator gave each field, for the messages.
std::string option_of(std::string_view field) { return field == "topics" ? "--topic" : "--" + std::string(field); }

void run_add_manual(Context& context, const journal::ManualInput& o) {
    context.load();
    const auto* tz = domain::zone(context.config.time_zone);
    journal::ManualEntry entry;
    try {
        entry = journal::manual_entry(o, tz, std::chrono::system_clock::now(), option_of);
    } catch (const journal::EntryError& e) {
        throw OperatorError(e.what());
    }
    auto db = context.open_database();
    journal::JournalStore journal(db);
    const auto id = journal.add_manual(entry);
    std::cout << "Đã ghi dòng nhật ký số " << id << " (nhập tay bởi " << o.by << "): \"" << o.title << "\" lúc "
              << domain::local_time_text(tz, entry.started_at) << " " << domain::local_date_text(tz, entry.started_at)
              << ".\n";
}

void run_correct(Context& context, const CorrectOptions& o) {
    context.load();
    const auto opt = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
    const journal::CorrectionInput input{opt(o.title), o.topics.empty() ? std::nullopt : std::optional(o.topics),
                                         opt(o.form), o.by, o.reason};
    // The fields first: a mistake is named before the database is opened.
    try {
        journal::checked_correction(input, option_of);
    } catch (const journal::EntryError& e) {
        throw OperatorError(e.what());
    }
    auto db = context.open_database();
    journal::JournalStore journal(db);
    std::int64_t id = 0;
    try {
        id = journal::correct_row(journal, o.id, input, option_of);
    } catch (const journal::EntryError& e) {
        throw OperatorError(e.what());
    }
    std::cout << "Đã ghi đính chính (dòng nhật ký số " << id << ") cho dòng số " << o.id
              << "; dòng gốc được giữ nguyên.\n";
}

}  // namespace

void add_manual_commands(CLI::App& journal, Context& context) {
    auto m = std::make_shared<journal::ManualInput>();
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
    add->add_option("--by", m->by, "Họ tên người nhập")->required();
    add->add_option("--note", m->note, "Ghi chú");
    add->callback([&context, m] { run_add_manual(context, *m); });

    auto c = std::make_shared<CorrectOptions>();
    auto* correct = journal.add_subcommand("correct", "Đính chính một dòng nhật ký (dòng gốc được giữ nguyên)");
    correct->add_option("id", c->id, "Số dòng nhật ký cần đính chính")->required();
    correct->add_option("--title", c->title, "Tên tin, bài đúng");
    correct
        ->add_option("--topic", c->topics, "Nội dung đúng (mã; thay toàn bộ), lặp lại được hoặc cách nhau bởi dấu phẩy")
        ->delimiter(',');
    correct->add_option("--form", c->form, "Hình thức đúng (mã)");
    correct->add_option("--by", c->by, "Họ tên người đính chính")->required();
    correct->add_option("--reason", c->reason, "Lý do đính chính")->required();
    correct->callback([&context, c] { run_correct(context, *c); });
}

}  // namespace lp::cli
