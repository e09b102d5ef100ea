#include "api/Spoken.hpp"

#include "api/Params.hpp"
#include "library/Speech.hpp"

namespace lp::api {

std::string rejection_message(const audio::Rejected& r) {
    switch (r.reason()) {
        case audio::RejectReason::unreadable: return "Không đọc được tệp đã tải lên.";
        case audio::RejectReason::empty: return "Tệp đã tải lên rỗng (0 byte).";
        case audio::RejectReason::not_audio: return "Tệp đã tải lên không phải tệp âm thanh.";
        case audio::RejectReason::no_samples: return "Tệp đã tải lên không có đoạn âm thanh nào giải mã được.";
        case audio::RejectReason::undecodable: return "Tệp đã tải lên bị hỏng: giải mã thất bại.";
        case audio::RejectReason::truncated: return "Tệp đã tải lên bị thiếu: không giải mã được đến hết.";
        case audio::RejectReason::silent: return "Tệp đã tải lên chỉ có im lặng, không có gì để phát.";
    }
    return "Tệp đã tải lên không dùng được.";
}

library::ImportResult import_spoken(Services& s, sqlite::Database& db, const std::string& text,
                                    library::ImportRequest request) {
    if (text.size() > 5000) throw invalid("text", "Văn bản quá dài (tối đa 5000 ký tự).");
    if (!request.title) request.title = library::title_from_text(text);
    request.speech_text = text;
    request.original_name = "espeak-ng -v vi";
    const auto media_dir = s.config()->media_dir;
    const library::SpeechWorkDir work(media_dir);
    request.file = work.wav();
    try {
        library::speak_vietnamese(text, request.file);
    } catch (const library::SpeechError&) {
        throw ApiError(422, "text", "Không tạo được giọng đọc bằng espeak-ng (hãy cài gói espeak-ng).");
    }
    library::Importer importer(db, media_dir);
    try {
        return importer.import(request);
    } catch (const audio::Rejected& e) {
        throw invalid("text", rejection_message(e));
    }
}

}  // namespace lp::api
