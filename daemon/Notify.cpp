#include "daemon/Notify.hpp"

#include <systemd/sd-daemon.h>

#include <string>

namespace lp::daemon {

// sd_notify returns 0 when not under systemd and <0 on a socket error; neither should stop
// the broadcast, so the result only matters for debugging.
void notify_ready() { (void)sd_notify(0, "READY=1"); }
void notify_stopping() { (void)sd_notify(0, "STOPPING=1"); }
void notify_status(std::string_view status) { (void)sd_notify(0, ("STATUS=" + std::string(status)).c_str()); }

}  // namespace lp::daemon
