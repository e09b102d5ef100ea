#include "cli/ApiClient.hpp"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "cli/DaemonLinkError.hpp"

namespace lp::cli {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bh = beast::http;

// Where to connect for a listen address: a wildcard listener is reached on loopback.
std::string connect_host(const std::string& host) {
    if (host == "0.0.0.0" || host.empty()) return "127.0.0.1";
    if (host == "[::]" || host == "::") return "::1";
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') return host.substr(1, host.size() - 2);
    return host;
}

bh::request<bh::string_body> make_request(const std::string& method, const std::string& target,
                                          const nlohmann::json& body, const std::string& host,
                                          const std::string& token) {
    bh::request<bh::string_body> req{bh::string_to_verb(method), target, 11};
    req.set(bh::field::host, host);
    req.set(bh::field::user_agent, "loaphuong-cli");
    req.set(bh::field::accept, "application/json");
    req.set(bh::field::authorization, "Bearer " + token);
    if (method != "GET") {
        req.set(bh::field::content_type, "application/json");
        req.body() = body.dump();
        req.prepare_payload();
    }
    return req;
}

ApiResponse to_response(bh::response<bh::string_body>&& res) {
    ApiResponse out;
    out.status = res.result_int();
    if (std::string(res[bh::field::content_type]).starts_with("application/json"))
        out.body = nlohmann::json::parse(res.body(), nullptr, false);
    if (out.body.is_discarded()) out.body = nullptr;
    return out;
}

template <typename Stream>
ApiResponse exchange(Stream& stream, bh::request<bh::string_body>& req) {
    bh::write(stream, req);
    beast::flat_buffer buffer;
    bh::response_parser<bh::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    bh::read(stream, buffer, parser);
    return to_response(parser.release());
}

}  // namespace

ApiClient::ApiClient(Endpoint endpoint, std::string token, std::chrono::seconds timeout)
    : endpoint_(std::move(endpoint)), token_(std::move(token)), timeout_(timeout) {}

std::string ApiClient::address() const {
    const auto host = connect_host(endpoint_.host);
    const bool v6 = host.find(':') != std::string::npos;
    return (endpoint_.tls_cert.empty() ? "http://" : "https://") + (v6 ? "[" + host + "]" : host) + ":" +
           std::to_string(endpoint_.port);
}

ApiResponse ApiClient::send(const std::string& method, const std::string& target, const nlohmann::json& body) const {
    const auto host = connect_host(endpoint_.host);
    auto req = make_request(method, target, body, host, token_);
    asio::io_context io;
    try {
        asio::ip::tcp::resolver resolver(io);
        const auto addresses = resolver.resolve(host, std::to_string(endpoint_.port));
        if (endpoint_.tls_cert.empty()) {
            beast::tcp_stream stream(io);
            stream.expires_after(timeout_);
            stream.connect(addresses);
            return exchange(stream, req);
        }
        asio::ssl::context ctx(asio::ssl::context::tls_client);
        ctx.load_verify_file(endpoint_.tls_cert.string());
        // The configured certificate itself is the trust anchor (a self-signed pair or a leaf).
        X509_STORE_set_flags(SSL_CTX_get_cert_store(ctx.native_handle()), X509_V_FLAG_PARTIAL_CHAIN);
        ctx.set_verify_mode(asio::ssl::verify_peer);
        beast::ssl_stream<beast::tcp_stream> stream(io, ctx);
        beast::get_lowest_layer(stream).expires_after(timeout_);
        beast::get_lowest_layer(stream).connect(addresses);
        stream.handshake(asio::ssl::stream_base::client);
        return exchange(stream, req);
    } catch (const boost::system::system_error& e) {
        const auto& ec = e.code();
        std::string why = ec.message();
        if (ec.category() == asio::error::get_ssl_category() ||
            ec.category() == asio::ssl::error::get_stream_category())
            why = "chứng chỉ TLS của loaphuongd không khớp với tls_cert \"" + endpoint_.tls_cert.string() + "\" (" +
                  ec.message() + ")";
        else if (ec == asio::error::connection_refused)
            why = "không có gì nghe ở địa chỉ này (connection refused)";
        else if (ec == beast::error::timeout)
            why = "quá " + std::to_string(timeout_.count()) + " giây không có trả lời";
        throw DaemonLinkError("loaphuongd đang chạy nhưng không kết nối được tới " + address() + ": " + why +
                              ". Không có gì thay đổi.");
    }
}

}  // namespace lp::cli
