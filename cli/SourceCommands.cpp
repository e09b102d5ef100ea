#include "cli/SourceCommands.hpp"

#include <iostream>
#include <memory>

#include "cli/MediaText.hpp"
#include "cli/OperatorError.hpp"
#include "config/TimeText.hpp"
#include "db/Store.hpp"
#include "library/LiveSources.hpp"

namespace lp::cli {
namespace {

struct SourceOptions {
    std::string url;
    std::string title;
    std::string length;
    std::string kind = "tiep_song";
    std::vector<std::string> topics;
    std::string form = "other";
    std::int64_t fallback = 0;
    std::string note;
};

int run_add_source(Context& context, const SourceOptions& o) {
    context.load();
    library::LiveSourceRequest r;
    r.url = o.url;
    r.title = o.title;
    const auto length = config::parse_duration(o.length);
    if (!length || length->count() <= 0)
        throw OperatorError("--length \"" + o.length + "\" không hợp lệ: thời lượng phát, ví dụ 30m, 1h, 90s.");
    r.length = *length;
    r.kind = o.kind;
    r.topics = checked_topics(o.topics);
    r.form = checked_form(o.form);
    if (o.fallback > 0) r.fallback = o.fallback;
    if (!o.note.empty()) r.note = o.note;
    auto db = db::open_store(context.config.database);
    try {
        const auto id = library::add_live_source(db, r);
        std::cout << "Đã thêm nguồn #" << id << " \"" << r.title << "\" ("
                  << (r.kind == "truc_tiep" ? "trực tiếp" : "tiếp sóng") << ", " << o.length << "): " << r.url
                  << ". Cần duyệt trước khi phát.\n";
    } catch (const library::LiveSourceError& e) {
        throw OperatorError("--" + e.field() + ": " + e.what());
    }
    return 0;
}

}  // namespace

void add_source_command(CLI::App& media, Context& context) {
    auto o = std::make_shared<SourceOptions>();
    auto* cmd = media.add_subcommand("add-source", "Thêm nguồn tiếp sóng, trực tiếp (luồng http, HLS, rtp, udp)");
    cmd->add_option("--url", o->url, "Địa chỉ luồng, ví dụ http://radio.example.vn/vov1.mp3")->required();
    cmd->add_option("--title", o->title, "Tên ghi trong nhật ký, ví dụ \"Thời sự VOV1\"")->required();
    cmd->add_option("--length", o->length, "Thời lượng phát, ví dụ 30m")->required();
    cmd->add_option("--kind", o->kind, "tiep_song (tiếp sóng, mặc định) hoặc truc_tiep (trực tiếp)");
    cmd->add_option("--topic", o->topics, "Mã nội dung, lặp lại được: a b c d dd e g h i k l m n other")
        ->delimiter(',');
    cmd->add_option("--form", o->form, "Hình thức: tin bai phong_su phong_van toa_dam thong_bao am_nhac other");
    cmd->add_option("--fallback", o->fallback, "Số tin, bài phát thay khi mất tín hiệu (mặc định: khoảng lặng)");
    cmd->add_option("--note", o->note, "Ghi chú");
    cmd->callback([&context, o] {
        if (const int rc = run_add_source(context, *o); rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace lp::cli
