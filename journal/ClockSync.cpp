#include "journal/ClockSync.hpp"

#include <sys/timex.h>

namespace lp::journal {

std::optional<bool> system_clock_synced() {
    timex tx{};  // modes 0: read only, no privilege needed
    const int state = ::ntp_adjtime(&tx);
    if (state == -1) return std::nullopt;
    return state != TIME_ERROR && (tx.status & STA_UNSYNC) == 0;
}

}  // namespace lp::journal
