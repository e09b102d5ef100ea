// loaphuong: the operator's command line: journal, exports and reports, backups, the media
// library, the schedule, the accounts of the web page.

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/Context.hpp"
#include "cli/DaemonLinkError.hpp"
#include "cli/EvidenceCli.hpp"
#include "cli/FeedbackCommands.hpp"
#include "cli/JournalCommands.hpp"
#include "cli/LiveCommands.hpp"
#include "cli/MediaCommands.hpp"
#include "cli/OperatorError.hpp"
#include "cli/ReportCommands.hpp"
#include "cli/ScheduleCommands.hpp"
#include "cli/StatusCommand.hpp"
#include "cli/UserCommands.hpp"
#include "config/ConfigError.hpp"

int main(int argc, char** argv) {
    CLI::App app{"loaphuong — quản lý hệ thống truyền thanh phường"};
    app.require_subcommand(1);
    lp::cli::Context context;
    app.add_option("-c,--config", context.config_file,
                   "Tệp cấu hình của loaphuongd (mặc định: $LOAPHUONG_CONFIG, rồi /etc/loaphuong/loaphuong.toml)");
    app.add_flag("--demo", context.demo, "Dùng cấu hình demo (cơ sở dữ liệu ./var/loaphuong.db)");
    lp::cli::add_journal_commands(app, context);
    lp::cli::add_report_commands(app, context);
    lp::cli::add_verify_export_command(app);
    lp::cli::add_media_commands(app, context);
    lp::cli::add_schedule_commands(app, context);
    lp::cli::add_status_command(app, context);
    lp::cli::add_live_commands(app, context);
    lp::cli::add_user_commands(app, context);
    lp::cli::add_feedback_commands(app, context);
    try {
        app.parse(argc, argv);
    } catch (const CLI::RuntimeError& e) {  // a command that already reported its failures
        return e.get_exit_code();
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const lp::config::ConfigError& e) {
        std::cerr << "loaphuong: lỗi cấu hình: " << e.what() << '\n';
        return lp::config::exit_config_error;
    } catch (const lp::cli::DaemonLinkError& e) {
        std::cerr << "loaphuong: " << e.what() << '\n';
        return lp::cli::exit_daemon_link;
    } catch (const lp::cli::OperatorError& e) {
        std::cerr << "loaphuong: " << e.what() << '\n';
        return lp::cli::exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "loaphuong: lỗi: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
