#include "http/EventHub.hpp"

#include <algorithm>

namespace lp::http {

EventHub::EventHub(boost::asio::io_context& io, std::size_t max_streams, std::chrono::seconds keepalive)
    : timer_(io), max_(max_streams), keepalive_(keepalive) {
    arm();
}

void EventHub::arm() {
    timer_.expires_after(keepalive_);
    timer_.async_wait([this](const boost::system::error_code& ec) {
        if (ec) return;
        send(": keepalive\n\n");
        arm();
    });
}

void EventHub::publish(const std::string& event, const nlohmann::json& data) {
    send("event: " + event + "\ndata: " + data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n\n");
}

void EventHub::send(const std::string& frame) {
    std::erase_if(streams_, [&](const std::weak_ptr<EventStream>& w) {
        auto s = w.lock();
        return !s || !s->push(frame);
    });
}

bool EventHub::add(const std::shared_ptr<EventStream>& stream) {
    std::erase_if(streams_, [](const std::weak_ptr<EventStream>& w) { return w.expired(); });
    if (streams_.size() >= max_) return false;
    streams_.push_back(stream);
    return true;
}

std::size_t EventHub::streams() const {
    return static_cast<std::size_t>(
        std::count_if(streams_.begin(), streams_.end(), [](const auto& w) { return !w.expired(); }));
}

}  // namespace lp::http
