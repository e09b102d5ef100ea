#include "daemon/ConfigChange.hpp"

#include <algorithm>

namespace lp::daemon {

namespace {

const config::OutputConfig* find(const std::vector<config::OutputConfig>& outputs, const std::string& name) {
    const auto it = std::find_if(outputs.begin(), outputs.end(), [&](const auto& o) { return o.name == name; });
    return it == outputs.end() ? nullptr : &*it;
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& n : names) text += (text.empty() ? "" : ", ") + n;
    return text;
}

}  // namespace

ConfigChange diff(const config::Config& running, const config::Config& reread) {
    ConfigChange change;
    for (const auto& o : reread.outputs) {
        const auto* before = find(running.outputs, o.name);
        if (!before)
            change.outputs_added.push_back(o.name);
        else if (!(*before == o))
            change.outputs_changed.push_back(o.name);
    }
    for (const auto& o : running.outputs)
        if (!find(reread.outputs, o.name)) change.outputs_removed.push_back(o.name);
    change.audio = !(running.audio == reread.audio);
    change.organisation = !(running.organisation == reread.organisation);
    change.slots = !(running.slots == reread.slots);
    change.grace = running.grace != reread.grace;
    const auto restart = [&](bool differs, const char* name) {
        if (differs) change.needs_restart.emplace_back(name);
    };
    restart(running.database != reread.database, "daemon.database");
    restart(running.media_dir != reread.media_dir, "daemon.media_dir");
    restart(running.time_zone != reread.time_zone, "daemon.time_zone");
    restart(running.log_level != reread.log_level, "daemon.log_level");
    restart(!(running.reports == reread.reports), "reports");
    restart(!(running.backup == reread.backup), "backup");
    restart(!(running.publik == reread.publik), "public");
    restart(!(running.live == reread.live), "live");
    return change;
}

config::Config applied(const config::Config& running, const config::Config& reread) {
    config::Config next = reread;
    next.database = running.database;
    next.media_dir = running.media_dir;
    next.time_zone = running.time_zone;
    next.log_level = running.log_level;
    next.reports = running.reports;
    next.backup = running.backup;
    next.publik = running.publik;
    next.live = running.live;
    return next;
}

std::string describe(const ConfigChange& change) {
    std::vector<std::string> parts;
    if (!change.outputs_added.empty()) parts.push_back("outputs added: " + joined(change.outputs_added));
    if (!change.outputs_removed.empty()) parts.push_back("outputs removed: " + joined(change.outputs_removed));
    if (!change.outputs_changed.empty()) parts.push_back("outputs changed: " + joined(change.outputs_changed));
    if (change.audio) parts.emplace_back("[audio] from the next item");
    if (change.organisation) parts.emplace_back("[organisation] from the next report");
    if (change.slots) parts.emplace_back("slots re-seeded");
    if (change.grace) parts.emplace_back("grace from the next decision");
    if (!change.needs_restart.empty())
        parts.push_back("needs a restart (old values kept): " + joined(change.needs_restart));
    if (parts.empty()) return "nothing changed";
    std::string text;
    for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
    return text;
}

}  // namespace lp::daemon
