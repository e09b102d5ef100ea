#pragma once
#include <new>
#include <utility>

extern "C" {
#include <libavcodec/packet.h>
}

namespace lp::audio::ffmpeg {

// Owns an AVPacket (av_packet_alloc / av_packet_free).
class Packet {
public:
    Packet() : packet_(av_packet_alloc()) {
        if (packet_ == nullptr) throw std::bad_alloc{};
    }
    ~Packet() { av_packet_free(&packet_); }
    Packet(Packet&& other) noexcept : packet_(std::exchange(other.packet_, nullptr)) {}
    Packet& operator=(Packet&& other) noexcept {
        std::swap(packet_, other.packet_);
        return *this;
    }
    Packet(const Packet&) = delete;
    Packet& operator=(const Packet&) = delete;

    AVPacket* get() const noexcept { return packet_; }
    AVPacket* operator->() const noexcept { return packet_; }
    void unref() noexcept { av_packet_unref(packet_); }

private:
    AVPacket* packet_;
};

}  // namespace lp::audio::ffmpeg
