#pragma once
// Whether the system clock is synchronised (NTP, chrony, systemd-timesyncd): the kernel's view
// through ntp_adjtime(), as `timedatectl` shows it ("System clock synchronized"). Each airing's
// row keeps it, so a reviewer knows the times were kept by a trusted clock.

#include <functional>
#include <optional>

namespace lp::journal {

// True when synchronised, false when the kernel says STA_UNSYNC (or TIME_ERROR); none when it
// cannot be asked.
std::optional<bool> system_clock_synced();

// How the recorder asks: tests inject their own answer.
using ClockSyncFn = std::function<std::optional<bool>()>;

}  // namespace lp::journal
