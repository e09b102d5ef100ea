#include "audio/ffmpeg/Interrupt.hpp"

namespace lp::audio::ffmpeg {

int Interrupt::poll(void* self) {
    const auto& i = *static_cast<const Interrupt*>(self);
    if (i.cancelled()) return 1;
    return Steady::now().time_since_epoch().count() > i.deadline_.load(std::memory_order_relaxed) ? 1 : 0;
}

}  // namespace lp::audio::ffmpeg
