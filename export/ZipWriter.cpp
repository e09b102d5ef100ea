#include "export/ZipWriter.hpp"

#include <zlib.h>

#include <limits>
#include <memory>
#include <stdexcept>

namespace lp::exporting {
namespace {

struct DeflateEnd {
    void operator()(z_stream* z) const { deflateEnd(z); }
};

std::string deflate_raw(const std::string& in, int level) {
    z_stream z{};
    if (deflateInit2(&z, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error(std::string("deflateInit2() failed: ") + (z.msg ? z.msg : "out of memory"));
    const std::unique_ptr<z_stream, DeflateEnd> guard(&z);
    std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (const int rc = deflate(&z, Z_FINISH); rc != Z_STREAM_END)
        throw std::runtime_error(std::string("deflate() failed: ") + (z.msg ? z.msg : std::to_string(rc)));
    out.resize(z.total_out);
    return out;
}

void u16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}
void u32(std::string& out, std::uint32_t v) {
    u16(out, v & 0xFFFF);
    u16(out, v >> 16);
}

constexpr std::uint32_t dos_date_1980_01_01 = (0 << 9) | (1 << 5) | 1;

}  // namespace

std::string zip_archive(const std::vector<ZipMember>& members, int level) {
    std::string out, directory;
    for (const auto& m : members) {
        if (m.bytes.size() > std::numeric_limits<std::uint32_t>::max() / 2 || m.name.size() > 0xFFFF)
            throw std::runtime_error(m.name + ": too large for a zip archive without zip64");
        const auto crc = static_cast<std::uint32_t>(
            crc32(0L, reinterpret_cast<const Bytef*>(m.bytes.data()), static_cast<uInt>(m.bytes.size())));
        const std::string packed = deflate_raw(m.bytes, level);
        const auto offset = static_cast<std::uint32_t>(out.size());
        const auto header = [&](std::string& to, bool central) {
            u32(to, central ? 0x02014b50 : 0x04034b50);
            if (central) u16(to, 20);  // made by
            u16(to, 20);               // needed to extract: deflate
            u16(to, 0x0800);           // names in UTF-8
            u16(to, 8);                // deflate
            u16(to, 0);                // time 00:00
            u16(to, dos_date_1980_01_01);
            u32(to, crc);
            u32(to, static_cast<std::uint32_t>(packed.size()));
            u32(to, static_cast<std::uint32_t>(m.bytes.size()));
            u16(to, static_cast<std::uint32_t>(m.name.size()));
            u16(to, 0);  // extra
            if (central) {
                u16(to, 0);  // comment
                u16(to, 0);  // disk
                u16(to, 0);  // internal attributes
                u32(to, 0);  // external attributes
                u32(to, offset);
            }
            to += m.name;
        };
        header(out, false);
        out += packed;
        header(directory, true);
    }
    const auto directory_at = static_cast<std::uint32_t>(out.size());
    out += directory;
    u32(out, 0x06054b50);
    u16(out, 0);
    u16(out, 0);
    u16(out, static_cast<std::uint32_t>(members.size()));
    u16(out, static_cast<std::uint32_t>(members.size()));
    u32(out, static_cast<std::uint32_t>(directory.size()));
    u32(out, directory_at);
    u16(out, 0);
    return out;
}

}  // namespace lp::exporting
