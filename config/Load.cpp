#include "config/Load.hpp"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <system_error>

#include <toml++/toml.h>

#include "config/ConfigError.hpp"
#include "config/Schema.hpp"
#include "config/TableReader.hpp"

namespace lp::config {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& file) {
    const auto cannot_read = [&](int error) {
        return ConfigError(file.string() + ": cannot read: " + std::generic_category().message(error));
    };
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f{std::fopen(file.c_str(), "rb"), &std::fclose};
    if (!f) throw cannot_read(errno);
    std::string text;
    char buffer[1 << 14];
    for (;;) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get());
        text.append(buffer, n);
        if (n < sizeof buffer) {
            if (std::ferror(f.get())) throw cannot_read(errno);
            break;
        }
    }
    return text;
}

Config parse_named(std::string_view text, std::string name, const fs::path& base_dir) {
    const detail::Source source{std::move(name), fs::absolute(base_dir).lexically_normal()};
    toml::table root;
    try {
        root = toml::parse(text, source.name);
    } catch (const toml::parse_error& e) {
        detail::fail(source, e.source().begin.line, "", "TOML syntax error: " + std::string{e.description()});
    }
    return detail::read_config(root, source);
}

}  // namespace

Config load_file(const fs::path& file) {
    const std::string text = read_all(file);
    Config cfg = parse_named(text, file.string(), fs::absolute(file).parent_path());
    cfg.source = file;
    return cfg;
}

Config parse(std::string_view text, const fs::path& source, const fs::path& base_dir) {
    Config cfg = parse_named(text, source.string(), base_dir);
    cfg.source = source;
    return cfg;
}

}  // namespace lp::config
