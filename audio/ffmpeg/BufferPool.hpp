#pragma once
#include <new>

extern "C" {
#include <libavutil/buffer.h>
}

namespace lp::audio::ffmpeg {

// Owns an AVBufferPool of fixed-size buffers (av_buffer_pool_init / av_buffer_pool_uninit):
// packets that go out ten times a second reuse their memory instead of a malloc and free
// each. Buffers still referenced when the pool dies stay valid; the pool frees itself after
// the last one comes back.
class BufferPool {
public:
    explicit BufferPool(int size) : pool_(av_buffer_pool_init(static_cast<std::size_t>(size), nullptr)), size_(size) {
        if (pool_ == nullptr) throw std::bad_alloc{};
    }
    ~BufferPool() { av_buffer_pool_uninit(&pool_); }
    BufferPool(const BufferPool&) = delete;
    BufferPool& operator=(const BufferPool&) = delete;

    int size() const noexcept { return size_; }
    // A buffer of size() bytes, owned by the caller's reference.
    AVBufferRef* get() {
        AVBufferRef* buffer = av_buffer_pool_get(pool_);
        if (buffer == nullptr) throw std::bad_alloc{};
        return buffer;
    }

private:
    AVBufferPool* pool_;
    int size_;
};

}  // namespace lp::audio::ffmpeg
