#include "daemon/LiveNotice.hpp"

#include <exception>

#include "daemon/Logging.hpp"
#include "domain/Texts.hpp"
#include "library/Speech.hpp"

namespace lp::daemon {

std::filesystem::path make_live_notice(const std::filesystem::path& media_dir) {
    const auto wav = media_dir / ".live-notice" / "thong-bao-mat-tin-hieu.wav";
    try {
        std::filesystem::create_directories(wav.parent_path());
        library::speak_vietnamese(domain::texts::notice_words, wav);
        return wav;
    } catch (const std::exception& e) {
        logger("audio")->warn("no spoken notice for live sources without a fallback file, silence instead: {}",
                              e.what());
        return {};
    }
}

}  // namespace lp::daemon
