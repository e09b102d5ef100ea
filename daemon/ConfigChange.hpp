#pragma once
// What a SIGHUP's re-read config file changes against the running one (pure; no I/O).
#include <string>
#include <vector>

#include "config/Config.hpp"

namespace lp::daemon {

struct ConfigChange {
    // By output name, in the new file's order (removed: in the old file's order). Changed: the
    // same name with any setting different (the output is rebuilt; an unchanged one keeps
    // running untouched).
    std::vector<std::string> outputs_added;
    std::vector<std::string> outputs_removed;
    std::vector<std::string> outputs_changed;
    bool audio = false;         // [audio]: from the next item
    bool organisation = false;  // [organisation]: from the next report
    bool slots = false;         // [[slot]]: re-seeded as at start
    bool grace = false;         // [daemon] grace: from the next decision
    // Settings that only a restart applies, as the file names them ("daemon.database", ...):
    // the running daemon keeps their old values.
    std::vector<std::string> needs_restart;

    bool outputs() const { return !outputs_added.empty() || !outputs_removed.empty() || !outputs_changed.empty(); }
    bool any() const { return outputs() || audio || organisation || slots || grace || !needs_restart.empty(); }
};

ConfigChange diff(const config::Config& running, const config::Config& reread);

// The config the daemon runs with after the reload: `reread`, with the settings that need a
// restart kept at their `running` values.
config::Config applied(const config::Config& running, const config::Config& reread);

// One line for the log: "outputs added: c; removed: a; changed: b; [audio]; ..." or "nothing changed".
std::string describe(const ConfigChange& change);

}  // namespace lp::daemon
