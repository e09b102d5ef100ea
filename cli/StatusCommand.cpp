#include "cli/StatusCommand.hpp"

#include <signal.h>

#include <cerrno>
#include <fstream>
#include <iostream>

#include "db/Store.hpp"
#include "domain/WallClock.hpp"

namespace lp::cli {
namespace {

constexpr std::chrono::seconds stale_after{90};

std::string output_line(const nlohmann::json& o) {
    std::string line = "  - " + o.value("name", std::string{}) + ": ";
    if (o.value("dead_air", false))
        line += "MẤT TIẾNG";
    else if (o.value("should_play", false))
        line += o.value("carrying", false) ? "đang phát" : "lỗi, đang thử lại";
    else
        line += "chờ";
    const auto errors = o.value("errors", 0ULL);
    if (errors > 0)
        line += " (" + std::to_string(errors) + " lỗi, " + std::to_string(o.value("retries", 0ULL)) + " lần thử lại)";
    return line;
}

}  // namespace

StatusReport status_report(const nlohmann::json& s, bool running, std::chrono::system_clock::time_point now) {
    StatusReport r;
    const auto updated = std::chrono::system_clock::time_point{std::chrono::seconds{s.value("updated_at", 0LL)}};
    if (!running || now - updated > stale_after) {
        r.text = "loaphuongd không chạy (tệp trạng thái cũ, cập nhật lần cuối cách đây " +
                 std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now - updated).count()) + " giây).\n";
        r.exit_code = exit_status_not_running;
        return r;
    }
    std::string& t = r.text;
    t += "loaphuongd đang chạy (pid " + std::to_string(s.value("pid", 0L)) + ").\n";
    if (const auto& p = s["now_playing"]; p.is_object()) {
        t += "Đang phát: " + p.value("slot", std::string{});
        if (const auto title = p.value("title", std::string{}); !title.empty()) t += " — " + title;
        t += "\n";
    } else {
        t += "Đang phát: không\n";
    }
    if (const auto& n = s["next"]; n.is_object())
        t += "Tiếp theo: " + n.value("time", std::string{}) + " " + n.value("date", std::string{}) + " " +
             n.value("slot", std::string{}) + "\n";
    else
        t += "Tiếp theo: không có khung giờ nào trong 48 giờ tới\n";
    t += "Đầu ra:\n";
    for (const auto& o : s["outputs"]) t += output_line(o) + "\n";
    const auto waiting = s.value("journal_waiting", 0ULL);
    t += waiting == 0 ? std::string("Nhật ký: đã ghi đủ\n")
                      : "Nhật ký: " + std::to_string(waiting) + " bản ghi đang chờ ghi vào cơ sở dữ liệu\n";
    const auto& alarms = s["alarms"];
    if (alarms.is_array() && !alarms.empty()) {
        t += "CẢNH BÁO MẤT TIẾNG:\n";
        for (const auto& a : alarms)
            t += "  - đầu ra " + a.value("output", std::string{}) + ": " +
                 (a.value("reason", std::string{}) == "failing" ? "đầu ra lỗi" : "im lặng") + " đã " +
                 std::to_string(a.value("seconds", 0LL)) + " giây\n";
    }
    if (s.value("status", std::string{"ok"}) != "ok") {
        t += "Tình trạng: có vấn đề\n";
        for (const auto& reason : s["reasons"]) t += "  - " + reason.get<std::string>() + "\n";
        r.exit_code = exit_status_alarm;
    } else {
        t += "Tình trạng: bình thường\n";
    }
    return r;
}

void add_status_command(CLI::App& app, Context& context) {
    auto* cmd = app.add_subcommand("status", "Trạng thái của loaphuongd: đang phát, tiếp theo, đầu ra, cảnh báo");
    auto json = std::make_shared<bool>(false);
    cmd->add_flag("--json", *json, "In nguyên tệp trạng thái (JSON)");
    cmd->callback([&context, json] {
        context.load();
        const auto file = db::status_file_for(context.config.database);
        std::ifstream in(file);
        if (!in) {
            std::cout << "loaphuongd không chạy (không có tệp trạng thái " << file.string() << ").\n";
            throw CLI::RuntimeError(exit_status_not_running);
        }
        nlohmann::json status;
        try {
            status = nlohmann::json::parse(in);
        } catch (const nlohmann::json::exception& e) {
            std::cout << "Tệp trạng thái " << file.string() << " hỏng: " << e.what() << "\n";
            throw CLI::RuntimeError(exit_status_not_running);
        }
        const long pid = status.value("pid", 0L);
        const bool running = pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
        const auto report = status_report(status, running, domain::wall_now());
        std::cout << (*json ? status.dump(2) + "\n" : report.text);
        if (report.exit_code != 0) throw CLI::RuntimeError(report.exit_code);
    });
}

}  // namespace lp::cli
