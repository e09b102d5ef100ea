#include "audio/output/kinds/Null.hpp"

namespace lp::audio::output::kinds {

Target Null::target(const OutputSpec&, std::chrono::system_clock::time_point) const {
    Target t;
    t.format = muxer("null");
    t.url = std::string(1, '-');  // (GCC 12 warns, wrongly, on assigning the literal)
    return t;
}

}  // namespace lp::audio::output::kinds
