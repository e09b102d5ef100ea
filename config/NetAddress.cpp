#include "config/NetAddress.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

namespace lp::config::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) {
    return static_cast<unsigned char>(c) < 0x80 && std::isalnum(static_cast<unsigned char>(c)) != 0;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::optional<std::string> label_problem(std::string_view label, std::string_view host) {
    if (label.empty()) return quoted(host) + " has an empty label (two dots, or a dot at an end)";
    if (label.size() > 63) return quoted(host) + " has a label longer than 63 characters";
    if (!std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; }))
        return quoted(host) + " is not a host name (letters, digits, '-' and '.' only)";
    if (label.front() == '-' || label.back() == '-')
        return quoted(host) + " is not a host name (a label starts or ends with '-')";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> host_problem(std::string_view host) {
    if (host.empty()) return std::string("the host is empty");
    const std::string text(host);
    if (host.front() == '[') {
        in6_addr v6{};
        if (host.back() != ']' || inet_pton(AF_INET6, text.substr(1, text.size() - 2).c_str(), &v6) != 1)
            return quoted(host) + " is not a valid IPv6 address in brackets (e.g. \"[ff02::1]\")";
        return std::nullopt;
    }
    if (host.find(':') != std::string_view::npos) {
        in6_addr v6{};
        if (inet_pton(AF_INET6, text.c_str(), &v6) == 1)
            return quoted(host) + " is an IPv6 address: write it in brackets, \"[" + text + "]\"";
        return quoted(host) + " is not a host name (no ':' allowed; the port has its own key)";
    }
    // All digits and dots: an IPv4 address, or nothing (999.1.1.1, 10.1.1).
    if (std::all_of(host.begin(), host.end(), [](char c) { return is_digit(c) || c == '.'; })) {
        in_addr v4{};
        if (inet_pton(AF_INET, text.c_str(), &v4) != 1)
            return quoted(host) + " is not a valid IPv4 address (four numbers 0..255, e.g. \"192.168.1.20\")";
        return std::nullopt;
    }
    if (host.size() > 253) return quoted(host) + " is longer than 253 characters";
    for (std::size_t start = 0;;) {
        const auto dot = host.find('.', start);
        const auto label = host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (auto problem = label_problem(label, host)) return problem;
        if (dot == std::string_view::npos) return std::nullopt;
        start = dot + 1;
    }
}

HttpServerParse parse_http_server(std::string_view url) {
    constexpr std::string_view scheme = "http://";
    const auto example = std::string(R"( (e.g. "http://127.0.0.1:8000"))");
    if (!url.starts_with(scheme)) return {std::nullopt, quoted(url) + " is not an http:// URL" + example};
    std::string_view rest = url.substr(scheme.size());
    if (rest.ends_with('/')) rest.remove_suffix(1);
    if (rest.find('/') != std::string_view::npos || rest.find('?') != std::string_view::npos)
        return {std::nullopt, quoted(url) + " has a path; give the server only and the path as mount" + example};
    if (rest.find('@') != std::string_view::npos)
        return {std::nullopt, quoted(url) + " carries credentials; give the password as password" + example};
    // The port follows the last ':' outside an IPv6 literal's brackets.
    std::string_view host = rest;
    std::optional<std::string_view> port_text;
    const auto close = rest.rfind(']');
    const auto colon = rest.rfind(':');
    if (colon != std::string_view::npos && (close == std::string_view::npos || colon > close)) {
        host = rest.substr(0, colon);
        port_text = rest.substr(colon + 1);
    }
    if (auto problem = host_problem(host)) return {std::nullopt, "in " + quoted(url) + ": " + *problem};
    HttpServer server{std::string(host), 8000};
    if (port_text) {
        const bool digits = !port_text->empty() && port_text->size() <= 5 &&
                            std::all_of(port_text->begin(), port_text->end(), is_digit);
        const int port = digits ? std::stoi(std::string(*port_text)) : 0;
        if (port < 1 || port > 65535)
            return {std::nullopt, "in " + quoted(url) + ": port " + quoted(*port_text) + " is not a number 1..65535"};
        server.port = port;
    }
    return {std::move(server), ""};
}

}  // namespace lp::config::detail
