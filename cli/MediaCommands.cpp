#include "cli/MediaCommands.hpp"

#include <chrono>
#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "audio/analysis/Rejection.hpp"
#include "cli/MediaBrowse.hpp"
#include "cli/MediaDecisions.hpp"
#include "cli/MediaText.hpp"
#include "cli/OperatorError.hpp"
#include "cli/ProgressBar.hpp"
#include "cli/SourceCommands.hpp"
#include "db/Store.hpp"
#include "domain/Vocabulary.hpp"
#include "library/Importer.hpp"
#include "library/ItemStore.hpp"
#include "library/Speech.hpp"

namespace lp::cli {
namespace {

// The fields `add` and `say` share.
struct DescribeOptions {
    std::string title;
    std::vector<std::string> topics;
    std::string form = "other";
    std::string source;
    std::string note;
    std::string valid_from;
    std::string valid_until;
};

struct AddOptions : DescribeOptions {
    std::vector<std::string> files;
};

struct SayOptions : DescribeOptions {
    std::string text;
    SayOptions() { form = "thong_bao"; }
};

void describe_options(CLI::App* cmd, DescribeOptions& o) {
    cmd->add_option("--title", o.title, "Tiêu đề (mặc định: thẻ tiêu đề trong tệp, nếu không có thì tên tệp)");
    cmd->add_option("--topic", o.topics, "Mã nội dung, lặp lại được: a b c d dd e g h i k l m n other")->delimiter(',');
    cmd->add_option("--form", o.form, "Hình thức: tin bai phong_su phong_van toa_dam thong_bao am_nhac other");
    cmd->add_option("--source", o.source, "Nguồn (phóng viên, đơn vị gửi)");
    cmd->add_option("--valid-from", o.valid_from, "Phát từ ngày (dd/mm/yyyy)");
    cmd->add_option("--valid-until", o.valid_until, "Phát đến hết ngày (dd/mm/yyyy)");
    cmd->add_option("--note", o.note, "Ghi chú");
}

std::optional<std::string> nonempty(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }

// Checks every option before any file is touched.
library::ImportRequest request_from(const DescribeOptions& o) {
    library::ImportRequest r;
    r.title = nonempty(o.title);
    r.topics = checked_topics(o.topics);
    r.form = checked_form(o.form);
    r.source = nonempty(o.source);
    r.note = nonempty(o.note);
    r.valid_from = date_option("--valid-from", o.valid_from);
    r.valid_until = date_option("--valid-until", o.valid_until);
    check_validity(r.valid_from, r.valid_until);
    return r;
}

void report(const library::ImportResult& result) {
    const auto& item = result.item;
    if (result.duplicate) {
        std::cout << "Đã có trong thư viện (cùng nội dung SHA-256): #" << item.id << " \"" << item.title
                  << "\" — không nhập lại.\n";
        return;
    }
    std::cout << "Đã nhập #" << item.id << " \"" << item.title << "\" (" << duration_text(item.duration_ms) << ", "
              << decimal(item.loudness_lufs.value_or(0), 1) << " LUFS, đỉnh "
              << decimal(item.true_peak_dbtp.value_or(0), 1) << " dBTP)\n";
}

// Imports one file; false when it was rejected (the message is already printed).
bool import_one(library::Importer& importer, library::ImportRequest request) {
    const std::string shown = request.file.string();
    try {
        ProgressBar bar(request.file.filename().string());
        auto result =
            importer.import(request, [&bar](std::uint64_t done, std::uint64_t total) { bar.update(done, total); });
        report(result);
        return true;
    } catch (const audio::Rejected& e) {
        std::cerr << "loaphuong: " << rejection_text(shown, e) << " Không nhập.\n";
        return false;
    }
}

// FFmpeg's own log lines would repeat, in English, what rejection_text() says.
void quiet_ffmpeg() { spdlog::set_level(spdlog::level::off); }

int run_add(Context& context, const AddOptions& o) {
    context.load();
    quiet_ffmpeg();
    const auto base = request_from(o);
    if (o.files.size() > 1 && !o.title.empty())
        throw OperatorError("--title chỉ dùng được khi nhập một tệp (đang nhập " + std::to_string(o.files.size()) +
                            " tệp).");
    auto db = db::open_store(context.config.database);
    library::Importer importer(db, context.config.media_dir);
    bool all_ok = true;
    for (const auto& file : o.files) {
        auto request = base;
        request.file = file;
        all_ok = import_one(importer, std::move(request)) && all_ok;
    }
    return all_ok ? 0 : exit_usage;
}

int run_say(Context& context, const SayOptions& o) {
    context.load();
    quiet_ffmpeg();
    auto request = request_from(o);
    if (o.text.find_first_not_of(" \t\r\n") == std::string::npos) throw OperatorError("--text: văn bản trống.");
    if (!request.title) request.title = library::title_from_text(o.text);
    request.speech_text = o.text;
    request.original_name = "espeak-ng -v vi";
    auto db = db::open_store(context.config.database);
    const library::SpeechWorkDir work(context.config.media_dir);
    request.file = work.wav();
    try {
        library::speak_vietnamese(o.text, request.file);
    } catch (const library::SpeechError& e) {
        throw OperatorError(std::string("Không tạo được giọng đọc bằng espeak-ng: ") + e.what() +
                            ". Hãy cài gói espeak-ng.");
    }
    library::Importer importer(db, context.config.media_dir);
    return import_one(importer, std::move(request)) ? 0 : exit_usage;
}

}  // namespace

void add_media_commands(CLI::App& app, Context& context) {
    auto* media = app.add_subcommand("media", "Thư viện tin, bài");
    media->require_subcommand(1);

    auto add = std::make_shared<AddOptions>();
    auto* add_cmd = media->add_subcommand("add", "Nhập tệp âm thanh vào thư viện");
    add_cmd->add_option("FILE", add->files, "Tệp âm thanh (mp3, m4a, ogg, opus, flac, wav, ...)")->required();
    describe_options(add_cmd, *add);
    add_cmd->callback([&context, add] {
        if (const int rc = run_add(context, *add); rc != 0) throw CLI::RuntimeError(rc);
    });

    auto say = std::make_shared<SayOptions>();
    auto* say_cmd = media->add_subcommand("say", "Tạo tin từ văn bản tiếng Việt bằng giọng đọc máy (espeak-ng)");
    say_cmd->add_option("--text", say->text, "Văn bản cần đọc")->required();
    describe_options(say_cmd, *say);
    say_cmd->callback([&context, say] {
        if (const int rc = run_say(context, *say); rc != 0) throw CLI::RuntimeError(rc);
    });

    add_source_command(*media, context);
    add_browse_commands(*media, context);
    add_decision_commands(*media, context);
}

}  // namespace lp::cli
