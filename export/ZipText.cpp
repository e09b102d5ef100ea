#include "export/ZipText.hpp"

#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace lp::exporting {
namespace {

std::uint32_t u16(const std::string& b, std::size_t at) {
    return static_cast<std::uint8_t>(b[at]) | static_cast<std::uint32_t>(static_cast<std::uint8_t>(b[at + 1])) << 8;
}
std::uint32_t u32(const std::string& b, std::size_t at) { return u16(b, at) | u16(b, at + 2) << 16; }

std::string inflate_raw(const std::string& in, std::size_t size_hint, const std::string& what) {
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw std::runtime_error(what + ": inflateInit2() failed");
    std::string out;
    out.resize(size_hint > 0 ? size_hint : in.size() * 4 + 64);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (z.total_out >= out.size()) out.resize(out.size() * 2);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + z.total_out);
        z.avail_out = static_cast<uInt>(out.size() - z.total_out);
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&z);
            throw std::runtime_error(what + ": inflate() failed: " + (z.msg ? z.msg : std::to_string(rc)));
        }
    }
    out.resize(z.total_out);
    inflateEnd(&z);
    return out;
}

}  // namespace

std::string searchable_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot open");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 22 || bytes.compare(0, 4, "PK\x03\x04") != 0) return bytes;

    std::string text;
    for (auto& [name, data] : zip_entries(bytes, file.string())) {
        text += data;
        text += '\n';
    }
    return text;
}

std::vector<std::pair<std::string, std::string>> zip_entries(const std::string& bytes, const std::string& what) {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string damaged = what + ": damaged zip archive";
    if (bytes.size() < 22) throw std::runtime_error(damaged + " (too short)");
    std::size_t eocd = std::string::npos;
    for (std::size_t i = bytes.size() - 22 + 1; i-- > 0;)
        if (u32(bytes, i) == 0x06054b50) {
            eocd = i;
            break;
        }
    if (eocd == std::string::npos) throw std::runtime_error(damaged + " (no central directory)");
    const std::uint32_t entries = u16(bytes, eocd + 10);
    std::size_t at = u32(bytes, eocd + 16);
    for (std::uint32_t e = 0; e < entries; ++e) {
        if (at + 46 > bytes.size() || u32(bytes, at) != 0x02014b50) throw std::runtime_error(damaged);
        const auto method = u16(bytes, at + 10);
        const auto csize = u32(bytes, at + 20), usize = u32(bytes, at + 24);
        const auto nlen = u16(bytes, at + 28), xlen = u16(bytes, at + 30), clen = u16(bytes, at + 32);
        const std::size_t local = u32(bytes, at + 42);
        if (at + 46 + nlen > bytes.size()) throw std::runtime_error(damaged);
        const std::string name = bytes.substr(at + 46, nlen);
        if (local + 30 > bytes.size()) throw std::runtime_error(damaged);
        const std::size_t data = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
        if (data + csize > bytes.size()) throw std::runtime_error(damaged + " (" + name + " is cut short)");
        const std::string stored = bytes.substr(data, csize);
        if (method == 0)
            out.emplace_back(name, stored);
        else if (method == 8)
            out.emplace_back(name, inflate_raw(stored, usize, what + ": " + name));
        else
            throw std::runtime_error(damaged + " (" + name + ": unknown compression " + std::to_string(method) + ")");
        at += 46 + nlen + xlen + clen;
    }
    return out;
}

}  // namespace lp::exporting
