#pragma once
#include <string_view>

namespace lp::daemon {

// sd_notify(3) messages for systemd (Type=notify). Harmless without systemd.
void notify_ready();
void notify_stopping();
void notify_status(std::string_view status);

}  // namespace lp::daemon
