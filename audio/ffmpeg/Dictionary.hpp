#pragma once
#include <string>
#include <utility>

extern "C" {
#include <libavutil/dict.h>
}

namespace lp::audio::ffmpeg {

// Owns an AVDictionary of options (av_dict_set / av_dict_free). FFmpeg calls take a
// pointer to the pointer and remove the entries they used; what is left was not understood.
class Dictionary {
public:
    Dictionary() = default;
    ~Dictionary() { av_dict_free(&dict_); }
    Dictionary(Dictionary&& other) noexcept : dict_(std::exchange(other.dict_, nullptr)) {}
    Dictionary& operator=(Dictionary&& other) noexcept {
        std::swap(dict_, other.dict_);
        return *this;
    }
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    void set(const std::string& key, const std::string& value) { av_dict_set(&dict_, key.c_str(), value.c_str(), 0); }
    // A copy, for a call that consumes its dictionary.
    Dictionary copy() const {
        Dictionary out;
        av_dict_copy(&out.dict_, dict_, 0);
        return out;
    }
    AVDictionary** address() noexcept { return &dict_; }

private:
    AVDictionary* dict_ = nullptr;
};

}  // namespace lp::audio::ffmpeg
