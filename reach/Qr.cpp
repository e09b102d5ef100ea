#include "reach/Qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace lp::reach {
namespace {

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrCode = std::unique_ptr<QRcode, QrFree>;

constexpr int quiet = 4;

}  // namespace

std::string qr_svg(std::string_view text) {
    const std::string input(text);
    QrCode code(QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) throw std::runtime_error(std::string("QRcode_encodeString() failed: ") + std::strerror(errno));
    const int n = code->width;
    const int side = n + 2 * quiet;
    std::string svg =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
        std::to_string(side) + " " + std::to_string(side) +
        "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path "
        "fill=\"#000\" d=\"";
    // One rectangle per horizontal run of dark modules (bit 0 of each byte is "dark").
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n;) {
            if (!(code->data[y * n + x] & 1)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < n && (code->data[y * n + x + run] & 1)) ++run;
            svg += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h" + std::to_string(run) +
                   "v1h-" + std::to_string(run) + "z";
            x += run;
        }
    }
    svg += "\"/></svg>\n";
    return svg;
}

}  // namespace lp::reach
