#pragma once
// Server-Sent Events: publish() fans one event out to every connected /api/events stream.
// Each stream has a bounded queue; a client that falls behind is dropped, never waited for.
// Loop thread only.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace lp::http {

class EventStream {
public:
    virtual ~EventStream() = default;
    // false: the stream is closed or its queue is full (it closes itself).
    virtual bool push(const std::string& frame) = 0;
};

class EventHub {
public:
    explicit EventHub(boost::asio::io_context& io, std::size_t max_streams = 32,
                      std::chrono::seconds keepalive = std::chrono::seconds(15));
    void publish(const std::string& event, const nlohmann::json& data);
    // false: already at the maximum.
    bool add(const std::shared_ptr<EventStream>& stream);
    std::size_t streams() const;

private:
    void send(const std::string& frame);
    void arm();
    boost::asio::steady_timer timer_;
    std::size_t max_;
    std::chrono::seconds keepalive_;
    std::vector<std::weak_ptr<EventStream>> streams_;
};

}  // namespace lp::http
