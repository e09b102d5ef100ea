#include "cli/LiveCommands.hpp"

#include <memory>

#include "cli/Change.hpp"
#include "cli/DaemonLink.hpp"
#include "cli/DaemonLinkError.hpp"
#include "cli/ScheduleParse.hpp"

namespace lp::cli {
namespace {

struct StartOptions {
    std::string source;
    std::string by;
    std::string title;
    std::string outputs;
    bool json = false;
};

std::string kind_label(const nlohmann::json& r) {
    return r.value("kind", "") == "truc_tiep" ? "trực tiếp" : "tiếp sóng";
}

// Only the running daemon airs: a live session without it cannot be.
[[noreturn]] void no_daemon(const Context& c) {
    if (daemon_running(c.config))
        throw DaemonLinkError(
            "loaphuongd đang chạy nhưng tắt [http] (enabled = false), nên không gửi được lệnh trực tiếp. Bật [http] "
            "trong tệp cấu hình.");
    throw DaemonLinkError(
        "loaphuongd không chạy: chỉ loaphuongd phát được. Khởi động dịch vụ: systemctl start "
        "loaphuongd.");
}

void run_start(Context& c, const StartOptions& o) {
    c.load();
    const ResultText text = [](const nlohmann::json& r) {
        const auto since = r.value("since", nlohmann::json::object());
        return "Đã bắt đầu " + kind_label(r) + " \"" + r.value("title", "") + "\" (" + r.value("source", "") +
               "), lên sóng lúc " + since.value("time", "") + " ngày " + since.value("date", "") + ", lịch số " +
               std::to_string(r.value("oneoff", 0LL)) +
               ". Chương trình đang phát sẽ tiếp tục sau khi dừng: loaphuong live stop.\n";
    };
    nlohmann::json body{{"source", o.source}, {"by", o.by}};
    if (!o.title.empty()) body["title"] = o.title;
    if (!o.outputs.empty()) body["outputs"] = split_list(o.outputs);
    if (via_daemon(c, {"POST", "/api/live", body}, o.json, text)) return;
    no_daemon(c);
}

void run_stop(Context& c, bool json) {
    c.load();
    const ResultText text = [](const nlohmann::json& r) {
        return "Đã dừng " + kind_label(r) + " \"" + r.value("title", "") +
               "\": nhật ký ghi số giây đã phát; chương trình bị cắt sẽ tiếp tục.\n";
    };
    if (via_daemon(c, {"DELETE", "/api/live"}, json, text)) return;
    no_daemon(c);
}

}  // namespace

void add_live_commands(CLI::App& app, Context& context) {
    auto* live = app.add_subcommand("live", "Trực tiếp, tiếp sóng ngay (cắt ngang như phát khẩn cấp, qua loaphuongd)");
    live->require_subcommand(1);
    auto o = std::make_shared<StartOptions>();
    auto* start = live->add_subcommand("start", "Bắt đầu đọc trực tiếp (micrô) hoặc tiếp sóng một luồng");
    start->add_option("--source", o->source, "mic (thiết bị thu [live] capture_device), alsa:TÊN, hoặc địa chỉ luồng")
        ->required();
    start->add_option("--by", o->by, "Tên người đọc hoặc người bật tiếp sóng (ghi vào nhật ký)")->required();
    start->add_option("--title", o->title, "Tên ghi trong nhật ký (mặc định: \"Trực tiếp: TÊN\", \"Tiếp sóng: URL\")");
    start->add_option("--output", o->outputs, "Chỉ phát ra các đầu ra này, cách nhau bằng dấu phẩy");
    add_json_flag(start, o->json);
    start->callback([&context, o] { run_start(context, *o); });
    auto stop_json = std::make_shared<bool>(false);
    auto* stop = live->add_subcommand("stop", "Dừng trực tiếp, tiếp sóng; chương trình bị cắt phát tiếp");
    add_json_flag(stop, *stop_json);
    stop->callback([&context, stop_json] { run_stop(context, *stop_json); });
}

}  // namespace lp::cli
