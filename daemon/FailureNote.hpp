#pragma once
#include <string>
#include <string_view>

namespace lp::daemon {

// The journal's reason for an airing that failed, as the reviewer reads it in the report's
// "Ghi chú" column: what went wrong in Vietnamese, then the player's own technical text
// (FFmpeg's message naming the file or the output) for whoever has to fix it.
//   "/m/a.mp3: avformat_open_input() failed: No such file or directory"
//   → "Không tìm thấy tệp âm thanh. Chi tiết kỹ thuật: /m/a.mp3: avformat_open_input() …"
std::string failure_note(std::string_view technical);
// Only the Vietnamese meaning, for the journal's reason when the technical text is kept apart
// (journal detail): "Không tìm thấy tệp âm thanh".
std::string failure_reason(std::string_view technical);

}  // namespace lp::daemon
