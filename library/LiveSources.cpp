#include "library/LiveSources.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>

#include "audio/live/AlsaCapture.hpp"
#include "domain/Vocabulary.hpp"
#include "library/ItemStore.hpp"

namespace lp::library {
namespace {

// What a relay opens: FFmpeg's network protocols for streams, and local files for tests,
// recordings of a stream and SDP descriptions.
constexpr std::array<std::string_view, 5> schemes{"http", "https", "rtp", "udp", "file"};
constexpr std::chrono::hours longest{24};

[[noreturn]] void refuse(const std::string& field, const std::string& message) {
    throw LiveSourceError(field, message);
}

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void check_local(const std::string& url, const std::string& path) {
    if (!std::filesystem::is_regular_file(path))
        refuse("url", "Nguồn \"" + url + "\": không có tệp " + path + " trên máy này.");
}

// Opens the capture device as the check: one that does not exist or is busy is refused now,
// not found out at air time.
void check_capture_device(const std::string& url, const std::string& device) {
    if (device.find_first_not_of(" \t") == std::string::npos)
        refuse("url", "Nguồn \"" + url + "\": thiếu tên thiết bị thu âm, ví dụ alsa:default, alsa:hw:1,0.");
    try {
        audio::live::check_capture(device);
    } catch (const audio::live::CaptureOpenError& e) {
        const int err = -e.error();
        const std::string why = err == EBUSY ? "đang bận (một chương trình khác đang dùng nó)"
                                : err == ENOENT || err == ENODEV || err == ENXIO ? "không có trên máy này"
                                                                                 : "không mở được";
        refuse("url", "Thiết bị thu âm \"" + device + "\" " + why + " (" + e.what() + ").");
    }
}

}  // namespace

void check_live_url(const std::string& url) {
    if (url.find_first_not_of(" \t") == std::string::npos)
        refuse("url", "Hãy nhập địa chỉ của nguồn tiếp sóng, trực tiếp (URL).");
    if (url.find_first_of(" \t\r\n") != std::string::npos)
        refuse("url", "Địa chỉ nguồn \"" + url + "\" không hợp lệ: có khoảng trắng.");
    if (const auto device = audio::live::capture_device(url)) return check_capture_device(url, *device);
    if (url == "mic" || url.rfind("hw:", 0) == 0 || url.rfind("plughw:", 0) == 0)
        refuse("url", "Nguồn \"" + url + "\": thiết bị thu âm (ALSA) ghi dạng alsa:TÊN, ví dụ alsa:default, alsa:" +
                          (url == "mic" ? std::string("hw:1,0") : url) + ".");
    const auto colon = url.find("://");
    if (colon == std::string::npos) {
        if (ends_with(url, ".sdp")) return check_local(url, url);
        refuse("url", "Địa chỉ nguồn \"" + url +
                          "\" không hợp lệ: cần dạng giao-thức://máy/đường-dẫn, ví dụ "
                          "http://radio.example.vn/vov1.mp3, hoặc một tệp .sdp.");
    }
    std::string scheme = url.substr(0, colon);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    if (std::find(schemes.begin(), schemes.end(), scheme) == schemes.end())
        refuse("url", "Giao thức \"" + scheme + "\" của nguồn \"" + url +
                          "\" không được hỗ trợ: chỉ http, https, rtp, udp, file hoặc tệp .sdp.");
    const std::string rest = url.substr(colon + 3);
    if (scheme == "file") return check_local(url, rest);
    const auto host_end = rest.find_first_of("/?#");
    std::string host = rest.substr(0, host_end);
    if (const auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
    if (host.empty() || host.front() == ':')
        refuse("url", "Địa chỉ nguồn \"" + url + "\" không hợp lệ: thiếu tên máy hoặc địa chỉ IP.");
    if (const auto port = host.rfind(':'); port != std::string::npos && host.back() != ']') {
        const std::string digits = host.substr(port + 1);
        if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(digits) == 0 || std::stoi(digits) > 65535)
            refuse("url", "Địa chỉ nguồn \"" + url + "\" không hợp lệ: cổng \"" + digits + "\" không phải 1–65535.");
    }
}

std::int64_t add_live_source(sqlite::Database& db, const LiveSourceRequest& r) {
    check_live_url(r.url);
    if (r.title.find_first_not_of(" \t") == std::string::npos)
        refuse("title", "Hãy đặt tên cho nguồn (--title), ví dụ \"Thời sự VOV1\": đó là nội dung ghi trong nhật ký.");
    if (r.length.count() <= 0 || r.length > longest)
        refuse("length", "Thời lượng phát của nguồn phải lớn hơn 0 và không quá 24 giờ.");
    if (r.kind != "tiep_song" && r.kind != "truc_tiep")
        refuse("kind", "Loại nguồn \"" + r.kind + "\" không hợp lệ: tiep_song (tiếp sóng) hoặc truc_tiep (trực tiếp).");
    for (const auto& topic : r.topics)
        if (!domain::is_topic(topic)) refuse("topic", "Nội dung \"" + topic + "\" không có trong kế hoạch.");
    if (!domain::is_form(r.form)) refuse("form", "Hình thức \"" + r.form + "\" không hợp lệ.");
    sqlite::Transaction tx(db);
    if (r.fallback) {
        auto st = db.prepare("SELECT live_url IS NULL, retired_at IS NULL FROM media_item WHERE id = ?");
        st.bind(1, *r.fallback);
        if (!st.step() || st.integer(0) == 0 || st.integer(1) == 0)
            refuse("fallback", "Tin, bài dự phòng số " + std::to_string(*r.fallback) +
                                   " không có trong thư viện (hoặc đã thôi phát, hoặc cũng là một nguồn trực tiếp).");
    }
    auto same = db.prepare("SELECT id FROM media_item WHERE file = ?");
    same.bind(1, r.url);
    if (same.step())
        refuse("url", "Nguồn \"" + r.url + "\" đã có trong thư viện: #" + std::to_string(same.integer(0)) + ".");
    auto st = db.prepare(
        "INSERT INTO media_item (file, title, topic, form, note, duration_ms, live_url, live_kind, live_fallback, "
        "original_name) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id");
    st.bind(1, r.url).bind(2, r.title).bind(3, r.topics.empty() ? std::string{"other"} : r.topics.front());
    st.bind(4, r.form).bind(5, r.note).bind(6, static_cast<std::int64_t>(r.length.count())).bind(7, r.url);
    st.bind(8, r.kind).bind(9, r.fallback).bind(10, r.url);
    st.step();
    const auto id = st.integer(0);
    st.reset();
    ItemStore(db).write_topics(id, r.topics);
    tx.commit();
    return id;
}

}  // namespace lp::library
