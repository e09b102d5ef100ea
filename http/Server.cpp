#include "http/Server.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <array>
#include <deque>
#include <fstream>
#include <random>

#include "http/Errors.hpp"
#include "http/Html.hpp"
#include "http/Range.hpp"
#include "http/SendFile.hpp"
#include "http/Sniff.hpp"

namespace lp::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bh = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

std::shared_ptr<spdlog::logger> log() {
    auto l = spdlog::get("http");
    if (!l) l = spdlog::default_logger()->clone("http");
    return l;
}

constexpr std::uint64_t range_chunk = 4 * 1024 * 1024;
constexpr std::size_t event_queue_limit = 64;

// Percent-encodes a file name for Content-Disposition's filename*=UTF-8''.
std::string rfc5987(std::string_view s) {
    static const char* hexdigits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hexdigits[c >> 4]);
            out.push_back(hexdigits[c & 15]);
        }
    }
    return out;
}

std::string_view sv(boost::beast::string_view s) { return {s.data(), s.size()}; }

std::string cookie_value(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        const auto semi = header.find(';');
        auto part = header.substr(0, semi);
        header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        const auto eq = part.find('=');
        if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    }
    return {};
}

// The whole page of a refusal on the open site (a visitor's phone, not a script).
std::string error_page(int status, std::string_view message) {
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\"><title>" +
           std::to_string(status) + "</title></head><body><p>" + html_escape(message) +
           "</p><p><a href=\"/\">Nghe lại</a></p></body></html>";
}

std::string random_name() {
    std::random_device rd;
    std::string s = "upload-";
    for (int i = 0; i < 16; ++i) s.push_back("0123456789abcdef"[rd() % 16]);
    return s;
}

}  // namespace

struct Closable {
    virtual ~Closable() = default;
    virtual void close() = 0;
};

struct Server::Shared {
    Shared(asio::io_context& io_, ServerOptions o, auth::Gate& g, std::vector<api::Route> routes)
        : io(io_),
          opt(std::move(o)),
          gate(g),
          router(with_builtin(std::move(routes))),
          assets(opt.assets_dir),
          pool(opt.workers) {}

    static std::vector<api::Route> with_builtin(std::vector<api::Route> routes) {
        routes.push_back(api::Route{"GET", "/api/events", auth::Permission::read, false, false, nullptr});
        return routes;
    }

    asio::io_context& io;
    ServerOptions opt;
    auth::Gate& gate;
    Router router;
    Assets assets;
    std::optional<asio::ssl::context> tls;
    asio::thread_pool pool;
    std::shared_ptr<EventHub> events;
    std::size_t connections = 0;
    std::vector<std::weak_ptr<Closable>> sessions;
};

namespace {

using Shared = Server::Shared;

api::Reply invoke(const api::Handler& handler, api::Call& call) {
    try {
        return handler(call);
    } catch (const api::ApiError& e) {
        return error_reply(e.status(), e.field(), e.what());
    } catch (const std::exception& e) {
        log()->error("{} {} failed: {}", call.method, call.path, e.what());
    } catch (...) {
        log()->error("{} {} failed with an unknown exception", call.method, call.path);
    }
    return error_reply(500, "", texts::internal_error);
}

// A handler's after-sent hook must not break the connection or the loop.
void notify_sent(const std::function<void()>& hook) {
    try {
        hook();
    } catch (const std::exception& e) {
        log()->error("after sending a file: {}", e.what());
    }
}

template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>>, public EventStream, public Closable {
public:
    template <class... Args>
    Session(std::shared_ptr<Shared> shared, Args&&... args)
        : shared_(std::move(shared)), stream_(std::forward<Args>(args)...) {
        ++shared_->connections;
    }
    ~Session() override {
        --shared_->connections;
        remove_upload();
    }

    void run(const std::string& client) {
        client_ = client;
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            read();
        } else {
            beast::get_lowest_layer(stream_).expires_after(shared_->opt.read_timeout);
            stream_.async_handshake(asio::ssl::stream_base::server,
                                    [self = this->shared_from_this()](beast::error_code ec) {
                                        if (!ec) self->read();
                                    });
        }
    }

    void close() override {
        closed_ = true;
        beast::error_code ec;
        beast::get_lowest_layer(stream_).socket().shutdown(tcp::socket::shutdown_both, ec);
        beast::get_lowest_layer(stream_).close();
    }

    bool push(const std::string& frame) override {
        if (closed_) return false;
        if (queue_.size() >= event_queue_limit) {
            log()->warn("event stream to {} falls behind; dropped", client_);
            close();
            return false;
        }
        queue_.push_back(frame);
        if (queue_.size() == 1) write_event();
        return true;
    }

private:
    void read() {
        header_.emplace();
        header_->header_limit(shared_->opt.header_limit);
        header_->body_limit(shared_->opt.upload_limit);
        json_.reset();
        upload_.reset();
        beast::get_lowest_layer(stream_).expires_after(shared_->opt.idle_timeout);
        bh::async_read_header(
            stream_, buffer_, *header_,
            [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
    }

    void on_header(beast::error_code ec) {
        if (ec == bh::error::header_limit) {
            keep_alive_ = false;
            return send_error(431, "", texts::headers_too_large);
        }
        if (ec == bh::error::body_limit) {
            // A declared Content-Length over the largest limit: Beast stops at that field.
            keep_alive_ = false;
            version_ = header_->get().version();
            return send_error(413, "", texts::upload_too_large);
        }
        if (ec) return;  // closed, timed out or not HTTP: nothing to answer
        beast::get_lowest_layer(stream_).expires_after(shared_->opt.read_timeout);
        const auto& req = header_->get();
        keep_alive_ = req.keep_alive();
        version_ = req.version();
        method_ = std::string(sv(req.method_string()));
        target_ = std::string(sv(req.target()));
        range_ = std::string(sv(req[bh::field::range]));
        user_agent_ = std::string(sv(req[bh::field::user_agent]));
        const bool has_body = !header_->is_done();
        if (shared_->opt.open_site) return open_request(has_body);
        api_path_ = target_.starts_with("/api/") || target_ == "/api" || target_.starts_with("/healthz") ||
                    target_.starts_with("/metrics");

        if (!api_path_) {
            if (has_body) keep_alive_ = false;
            if (method_ != "GET" && method_ != "HEAD") return send_error(405, "", texts::method_not_allowed);
            const auto path = target_.substr(0, target_.find('?'));
            const Asset* asset = shared_->assets.find(path);
            if (!asset) return send_error(404, "", texts::not_found);
            api::Reply r;
            r.file = asset->file;
            r.content_type = asset->content_type;
            return write_reply(std::move(r));
        }

        if (!route_request(has_body)) return;
        const api::Route& route = *match_.route;
        if (route.pattern != "/api/login" && route.pattern != "/healthz") {
            std::string bearer;
            const std::string_view auth = sv(req[bh::field::authorization]);
            if (auth.starts_with("Bearer ")) bearer = std::string(auth.substr(7));
            const std::string cookie = cookie_value(sv(req[bh::field::cookie]), "lp_session");
            std::optional<auth::Session> session;
            if (!cookie.empty() || !bearer.empty()) session = shared_->gate.identify(cookie, bearer);
            if (!session) {
                if (has_body) keep_alive_ = false;
                return send_error(401, "", texts::not_logged_in);
            }
            if (!auth::permits(session->caller.role, route.permission)) {
                if (has_body) keep_alive_ = false;
                return send_error(403, "", texts::forbidden);
            }
            if (!session->caller.by_token && method_ != "GET" && method_ != "HEAD" &&
                (session->csrf.empty() || sv(req["X-CSRF-Token"]) != session->csrf)) {
                if (has_body) keep_alive_ = false;
                return send_error(403, "", texts::csrf);
            }
            call_.caller = session->caller;
        }
        if (!route.handler) return start_events();

        // Beast checks a declared Content-Length against the limit only while parsing the
        // header: check it here, for the route's own limit.
        const auto declared = header_->content_length();
        if (declared && *declared > (route.upload ? shared_->opt.upload_limit : shared_->opt.json_limit)) {
            keep_alive_ = false;
            if (route.upload) return send_error(413, "file", texts::upload_too_large);
            return send_error(413, "", texts::json_too_large);
        }
        if (route.upload) {
            if (const auto name = url_decode(sv(req["X-File-Name"]), false)) call_.upload_name = *name;
            std::error_code fec;
            std::filesystem::create_directories(shared_->opt.upload_dir, fec);
            std::filesystem::permissions(shared_->opt.upload_dir, std::filesystem::perms::owner_all, fec);
            upload_path_ = shared_->opt.upload_dir / random_name();
            const int fd = ::open(upload_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd < 0) {
                log()->error("cannot create an upload file in {}", shared_->opt.upload_dir.string());
                upload_path_.clear();
                keep_alive_ = false;
                return send_error(500, "", texts::internal_error);
            }
            ::close(fd);
            upload_.emplace(std::move(*header_));
            upload_->body_limit(shared_->opt.upload_limit);
            upload_->get().body().open(upload_path_.c_str(), beast::file_mode::write, ec);
            if (ec) {
                keep_alive_ = false;
                return send_error(500, "", texts::internal_error);
            }
            beast::get_lowest_layer(stream_).expires_after(shared_->opt.upload_timeout);
            return bh::async_read(
                stream_, buffer_, *upload_,
                [self = this->shared_from_this()](beast::error_code e, std::size_t) { self->on_upload(e); });
        }
        if (has_body) {
            const std::string_view type = sv(req[bh::field::content_type]);
            if (!type.starts_with("application/json")) {
                keep_alive_ = false;
                return send_error(415, "", texts::json_only);
            }
        }
        json_.emplace(std::move(*header_));
        json_->body_limit(shared_->opt.json_limit);
        bh::async_read(stream_, buffer_, *json_,
                       [self = this->shared_from_this()](beast::error_code e, std::size_t) { self->on_json(e); });
    }

    // Finds the request's route and starts call_ from it; false when it answered the refusal.
    // The open site has no event stream and no uploads.
    bool route_request(bool has_body) {
        match_ = shared_->router.match(method_, target_);
        using K = Match::Kind;
        if (match_.kind == K::found && shared_->opt.open_site && (!match_.route->handler || match_.route->upload))
            match_.kind = K::not_found;
        if (match_.kind != K::found) {
            if (has_body) keep_alive_ = false;
            if (match_.kind == K::not_found)
                send_error(404, "", texts::not_found);
            else if (match_.kind == K::wrong_method)
                send_error(405, "", texts::method_not_allowed);
            else
                send_error(400, "", texts::bad_path);
            return false;
        }
        call_ = api::Call{};
        call_.method = method_;
        call_.path = match_.path;
        call_.params = match_.params;
        call_.client = client_;
        call_.user_agent = user_agent_;
        return true;
    }

    // A request on the open site: the routes alone decide; nobody is identified.
    void open_request(bool has_body) {
        if (!route_request(has_body)) return;
        if (has_body) {
            const auto declared = header_->content_length();
            if (declared && *declared > shared_->opt.form_limit) {
                keep_alive_ = false;
                return send_error(413, "", texts::form_too_large);
            }
            if (!sv(header_->get()[bh::field::content_type]).starts_with("application/x-www-form-urlencoded")) {
                keep_alive_ = false;
                return send_error(415, "", texts::form_only);
            }
        }
        json_.emplace(std::move(*header_));
        json_->body_limit(shared_->opt.form_limit);
        bh::async_read(stream_, buffer_, *json_,
                       [self = this->shared_from_this()](beast::error_code e, std::size_t) { self->on_json(e); });
    }

    void on_json(beast::error_code ec) {
        if (ec == bh::error::body_limit) {
            keep_alive_ = false;
            return send_error(413, "", shared_->opt.open_site ? texts::form_too_large : texts::json_too_large);
        }
        if (ec) return;
        const std::string& text = json_->get().body();
        if (shared_->opt.open_site) {
            std::map<std::string, std::string> fields;
            if (!decode_pairs(text, fields)) return send_error(400, "", texts::bad_path);
            call_.body = nlohmann::json::object();
            for (auto& [k, v] : fields) call_.body[k] = std::move(v);
            return dispatch();
        }
        if (!text.empty()) {
            try {
                call_.body = nlohmann::json::parse(text);
            } catch (const nlohmann::json::parse_error& e) {
                return send_error(400, "", std::string(texts::bad_json) + " (" + e.what() + ")");
            }
        }
        dispatch();
    }

    void on_upload(beast::error_code ec) {
        beast::error_code cec;
        upload_->get().body().file().close(cec);
        if (ec == bh::error::body_limit) {
            keep_alive_ = false;
            remove_upload();
            return send_error(413, "file", texts::upload_too_large);
        }
        if (ec) return remove_upload();
        if (!file_looks_like_audio(upload_path_)) {
            remove_upload();
            return send_error(415, "file", texts::not_audio);
        }
        call_.upload = upload_path_;
        dispatch();
    }

    void dispatch() {
        const api::Route& route = *match_.route;
        if (!route.on_worker) return finish(invoke(route.handler, call_));
        asio::post(shared_->pool, [self = this->shared_from_this()] {
            auto reply = std::make_shared<api::Reply>(invoke(self->match_.route->handler, self->call_));
            asio::post(self->shared_->io, [self, reply] { self->finish(std::move(*reply)); });
        });
    }

    void finish(api::Reply reply) {
        remove_upload();
        if (shared_->opt.open_site && reply.status >= 400 && !reply.text && !reply.file) {
            const auto& error = reply.body["error"];
            return send_error(reply.status, "",
                              error.is_object() && error["message"].is_string() ? error["message"].get<std::string>()
                                                                                : std::string(texts::internal_error));
        }
        if (reply.status >= 200 && reply.status < 300 && method_ != "GET" && method_ != "HEAD")
            shared_->gate.record_change(call_, reply);
        write_reply(std::move(reply));
    }

    void remove_upload() {
        if (upload_path_.empty()) return;
        std::error_code ec;
        std::filesystem::remove(upload_path_, ec);
        upload_path_.clear();
    }

    template <class Body>
    void headers(bh::response<Body>& res, const api::Reply& reply) {
        res.version(version_);
        res.keep_alive(keep_alive_);
        res.set(bh::field::server, "loaphuong");
        res.set("X-Content-Type-Options", "nosniff");
        if (shared_->opt.open_site)
            res.set("Content-Security-Policy",
                    "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'self'; form-action 'self'; "
                    "frame-ancestors 'none'; base-uri 'none'");
        else
            res.set("Content-Security-Policy", "default-src 'self'; media-src 'self' blob:; img-src 'self' data:");
        res.set("Referrer-Policy", "same-origin");
        if (api_path_) res.set(bh::field::cache_control, "no-store");
        for (const auto& [k, v] : reply.headers) res.insert(k, v);
    }

    void send_error(int status, const std::string& field, std::string_view message) {
        if (!shared_->opt.open_site) return write_reply(error_reply(status, field, message));
        api::Reply r;
        r.status = status;
        r.text = error_page(status, message);
        r.content_type = "text/html; charset=utf-8";
        write_reply(std::move(r));
    }

    void write_reply(api::Reply reply) {
        if (!reply.file) {
            bh::response<bh::string_body> res{static_cast<bh::status>(reply.status), version_};
            headers(res, reply);
            if (reply.text) {
                res.set(bh::field::content_type, reply.content_type);
                res.body() = std::move(*reply.text);
            } else {
                res.set(bh::field::content_type, "application/json; charset=utf-8");
                res.body() = reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            }
            res.prepare_payload();
            return send(std::move(res), {});
        }
        const std::filesystem::path file = *reply.file;
        std::filesystem::path remove_after = reply.remove_file_after ? file : std::filesystem::path{};
        const auto sent = [on_sent = reply.on_sent](std::uint64_t first, std::uint64_t count) {
            return on_sent ? std::function<void()>([on_sent, first, count] { on_sent(first, count); })
                           : std::function<void()>{};
        };
        beast::error_code ec;
        bh::file_body::value_type body;
        body.open(file.c_str(), beast::file_mode::scan, ec);
        if (ec) {
            log()->error("cannot open reply file {}: {}", file.string(), ec.message());
            return send_error(404, "", texts::not_found);
        }
        const std::uint64_t size = body.size();
        const auto range = parse_range(range_, size, range_chunk);
        const std::string type = reply.content_type.empty() ? content_type_for(file) : reply.content_type;
        const auto disposition = [&](auto& res) {
            if (!reply.download_name.empty())
                res.set(bh::field::content_disposition, "attachment; filename*=UTF-8''" + rfc5987(reply.download_name));
        };
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            if (method_ != "HEAD" && remove_after.empty() && range.kind != RangeAnswer::Kind::unsatisfiable) {
                const bool whole = range.kind == RangeAnswer::Kind::whole;
                const auto first = whole ? std::uint64_t{0} : range.range.first;
                const auto count = whole ? size : range.range.last - range.range.first + 1;
                bh::response<bh::empty_body> res{
                    whole ? static_cast<bh::status>(reply.status) : bh::status::partial_content, version_};
                headers(res, reply);
                res.set(bh::field::content_type, type);
                res.set(bh::field::accept_ranges, "bytes");
                disposition(res);
                if (!whole)
                    res.set(bh::field::content_range, "bytes " + std::to_string(first) + "-" +
                                                          std::to_string(range.range.last) + "/" +
                                                          std::to_string(size));
                res.content_length(count);
                return send_file(std::move(res), std::move(body), first, count, sent(first, count));
            }
        }
        if (range.kind == RangeAnswer::Kind::whole || method_ == "HEAD") {
            bh::response<bh::file_body> res{static_cast<bh::status>(reply.status), version_};
            headers(res, reply);
            res.set(bh::field::content_type, type);
            res.set(bh::field::accept_ranges, "bytes");
            disposition(res);
            if (method_ == "HEAD") {
                bh::response<bh::empty_body> head{static_cast<bh::status>(reply.status), version_};
                headers(head, reply);
                head.set(bh::field::content_type, type);
                head.set(bh::field::accept_ranges, "bytes");
                head.content_length(size);
                return send(std::move(head), remove_after);
            }
            res.body() = std::move(body);
            res.prepare_payload();
            return send(std::move(res), remove_after, sent(0, size));
        }
        std::function<void()> after;
        bh::response<bh::string_body> res{
            range.kind == RangeAnswer::Kind::partial ? bh::status::partial_content : bh::status::range_not_satisfiable,
            version_};
        headers(res, reply);
        res.set(bh::field::accept_ranges, "bytes");
        if (range.kind == RangeAnswer::Kind::unsatisfiable) {
            res.set(bh::field::content_range, "bytes */" + std::to_string(size));
        } else {
            res.set(bh::field::content_type, type);
            disposition(res);
            res.set(bh::field::content_range, "bytes " + std::to_string(range.range.first) + "-" +
                                                  std::to_string(range.range.last) + "/" + std::to_string(size));
            std::string data(range.range.last - range.range.first + 1, '\0');
            body.file().seek(range.range.first, ec);
            std::size_t got = 0;
            while (!ec && got < data.size()) {
                const auto n = body.file().read(data.data() + got, data.size() - got, ec);
                if (n == 0) break;
                got += n;
            }
            data.resize(got);
            after = sent(range.range.first, got);
            res.body() = std::move(data);
        }
        res.prepare_payload();
        send(std::move(res), remove_after, std::move(after));
    }

    template <class Body>
    void send(bh::response<Body>&& res, std::filesystem::path remove_after, std::function<void()> after_sent = {}) {
        auto msg = std::make_shared<bh::response<Body>>(std::move(res));
        beast::get_lowest_layer(stream_).expires_after(shared_->opt.idle_timeout);
        bh::async_write(stream_, *msg,
                        [self = this->shared_from_this(), msg, remove_after, after_sent = std::move(after_sent)](
                            beast::error_code ec, std::size_t) {
                            if (!remove_after.empty()) {
                                std::error_code rec;
                                std::filesystem::remove(remove_after, rec);
                            }
                            if (!ec && after_sent) notify_sent(after_sent);
                            if (ec || self->closed_) return;
                            if (self->keep_alive_ && !msg->need_eof()) return self->read();
                            self->shutdown();
                        });
    }

    // The header, then the file's bytes by sendfile(2) (http/SendFile.hpp): plain TCP only.
    void send_file(bh::response<bh::empty_body>&& res, bh::file_body::value_type&& body, std::uint64_t first,
                   std::uint64_t count, std::function<void()> after_sent) {
        auto msg = std::make_shared<bh::response<bh::empty_body>>(std::move(res));
        auto file = std::make_shared<bh::file_body::value_type>(std::move(body));
        cork(beast::get_lowest_layer(stream_).socket());
        beast::get_lowest_layer(stream_).expires_after(shared_->opt.idle_timeout);
        bh::async_write(stream_, *msg,
                        [self = this->shared_from_this(), msg, file, first, count, after_sent = std::move(after_sent)](
                            beast::error_code ec, std::size_t) mutable {
                            if (ec || self->closed_) return;
                            // Beast's own deadline covers only its operations: the transfer has its own.
                            beast::get_lowest_layer(self->stream_).expires_never();
                            auto& socket = beast::get_lowest_layer(self->stream_).socket();
                            const int fd = file->file().native_handle();
                            async_send_file(socket, fd, first, count, self->shared_->opt.idle_timeout, file,
                                            [self, after_sent = std::move(after_sent)](beast::error_code sent_ec) {
                                                if (sent_ec) return self->close();
                                                if (after_sent) notify_sent(after_sent);
                                                if (self->closed_) return;
                                                if (self->keep_alive_) return self->read();
                                                self->shutdown();
                                            });
                        });
    }

    void shutdown() {
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            beast::error_code ec;
            stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
            // Lingering close: read what the client still sends (a refused body) for a while,
            // so that closing with unread data does not reset the answer away.
            stream_.expires_after(std::chrono::seconds(5));
            drain();
        } else {
            beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
            stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
        }
    }

    void drain() {
        stream_.async_read_some(asio::buffer(sink_),
                                [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                                    if (!ec && !self->closed_) self->drain();
                                });
    }

    void start_events() {
        if (!header_->is_done()) return send_error(400, "", texts::bad_path);
        auto self = this->shared_from_this();
        if (!shared_->events->add(self)) return send_error(503, "", texts::too_many_streams);
        beast::get_lowest_layer(stream_).expires_never();
        queue_.push_back(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\n"
            "X-Content-Type-Options: nosniff\r\nConnection: keep-alive\r\n\r\n: connected\n\n");
        write_event();
        // A read that only ends when the client goes away: it keeps the session alive meanwhile.
        stream_.async_read_some(asio::buffer(sink_), [self](beast::error_code ec, std::size_t) {
            if (ec) self->closed_ = true;
        });
    }

    void write_event() {
        asio::async_write(stream_, asio::buffer(queue_.front()),
                          [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) {
                                  self->closed_ = true;
                                  self->queue_.clear();
                                  return;
                              }
                              self->queue_.pop_front();
                              if (!self->queue_.empty()) self->write_event();
                          });
    }

    std::shared_ptr<Shared> shared_;
    Stream stream_;
    beast::flat_buffer buffer_;
    std::optional<bh::request_parser<bh::empty_body>> header_;
    std::optional<bh::request_parser<bh::string_body>> json_;
    std::optional<bh::request_parser<bh::file_body>> upload_;
    std::string client_;
    bool keep_alive_ = true;
    bool api_path_ = false;
    bool closed_ = false;
    unsigned version_ = 11;
    std::string method_, target_, range_, user_agent_;
    Match match_;
    api::Call call_;
    std::filesystem::path upload_path_;
    std::deque<std::string> queue_;
    std::array<char, 16384> sink_{};
};

}  // namespace

Server::Server(asio::io_context& io, ServerOptions options, auth::Gate& gate, std::vector<api::Route> routes)
    : io_(io),
      shared_(std::make_shared<Shared>(io, std::move(options), gate, std::move(routes))),
      events_(std::make_shared<EventHub>(io, shared_->opt.max_event_streams, shared_->opt.keepalive)),
      acceptor_(io),
      retry_(io) {
    shared_->events = events_;
    if (shared_->opt.upload_dir.empty())
        shared_->opt.upload_dir =
            std::filesystem::temp_directory_path() / ("loaphuong-upload-" + std::to_string(::getpid()));
    if (!shared_->opt.tls_cert.empty()) {
        shared_->tls.emplace(asio::ssl::context::tls_server);
        shared_->tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                                  asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                                  asio::ssl::context::no_tlsv1_1);
        shared_->tls->use_certificate_chain_file(shared_->opt.tls_cert.string());
        shared_->tls->use_private_key_file(shared_->opt.tls_key.string(), asio::ssl::context::pem);
    }
}

Server::~Server() {
    beast::error_code ec;
    acceptor_.close(ec);
    retry_.cancel();
    for (auto& w : shared_->sessions)
        if (auto s = w.lock()) s->close();
    shared_->pool.join();
    std::error_code fec;
    std::filesystem::remove_all(shared_->opt.upload_dir, fec);
}

void Server::start() { try_bind(); }

void Server::try_bind() {
    const std::string where = shared_->opt.host + ":" + std::to_string(shared_->opt.port);
    beast::error_code ec;
    std::string host = shared_->opt.host;
    if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
    if (host == "localhost") host = "127.0.0.1";
    const auto address = asio::ip::make_address(host, ec);
    if (ec) {
        log()->error("{}: {} is not an IP address to listen on", shared_->opt.label, shared_->opt.host);
        return;
    }
    const tcp::endpoint endpoint{address, shared_->opt.port};
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        beast::error_code ignored;
        acceptor_.close(ignored);
        log()->error("{}: cannot listen on {}: {}; airing goes on, retrying every {} s", shared_->opt.label, where,
                     ec.message(), shared_->opt.bind_retry.count());
        retry_.expires_after(shared_->opt.bind_retry);
        retry_.async_wait([this](const beast::error_code& e) {
            if (!e) try_bind();
        });
        return;
    }
    bound_port_ = acceptor_.local_endpoint().port();
    if (shared_->tls)
        log()->warn("{}: HTTPS on {}:{}; the office LAN can reach it", shared_->opt.label, shared_->opt.host,
                    bound_port_);
    else
        log()->info("{}: http://{}:{}", shared_->opt.label, shared_->opt.host, bound_port_);
    accept();
}

void Server::accept() {
    acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted) return;
        if (!ec) {
            beast::error_code pec;
            const auto peer = socket.remote_endpoint(pec);
            const std::string client = pec ? std::string{} : peer.address().to_string();
            auto& sh = *shared_;
            std::erase_if(sh.sessions, [](const auto& w) { return w.expired(); });
            if (sh.connections >= sh.opt.max_connections) {
                auto sock = std::make_shared<tcp::socket>(std::move(socket));
                auto text = std::make_shared<std::string>(too_busy_response());
                if (sh.tls) {
                    sock->close(pec);
                } else {
                    asio::async_write(*sock, asio::buffer(*text), [sock, text](beast::error_code, std::size_t) {
                        beast::error_code e;
                        sock->shutdown(tcp::socket::shutdown_both, e);
                    });
                }
            } else if (sh.tls) {
                auto s = std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(shared_, std::move(socket),
                                                                                         *sh.tls);
                sh.sessions.push_back(s);
                s->run(client);
            } else {
                auto s = std::make_shared<Session<beast::tcp_stream>>(shared_, std::move(socket));
                sh.sessions.push_back(s);
                s->run(client);
            }
        }
        accept();
    });
}

}  // namespace lp::http
