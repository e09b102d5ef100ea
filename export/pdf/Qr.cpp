#include "export/pdf/Qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace lp::exporting::pdf {
namespace {

struct QrDeleter {
    void operator()(QRcode* q) const { QRcode_free(q); }
};

constexpr int quiet_zone = 4;  // modules of white around the code, as the standard asks

}  // namespace

void draw_qr(cairo_t* cr, double x, double y, double size, const std::string& text) {
    errno = 0;
    const std::unique_ptr<QRcode, QrDeleter> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
    if (!code)
        throw std::runtime_error(std::string("QRcode_encodeString8bit() failed: ") +
                                 (errno ? std::strerror(errno) : "unknown error"));
    const int n = code->width;
    const double module = size / (n + 2 * quiet_zone);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, size, size);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int row = 0; row < n; ++row)
        for (int col = 0; col < n; ++col)
            if (code->data[row * n + col] & 1)
                cairo_rectangle(cr, x + (col + quiet_zone) * module, y + (row + quiet_zone) * module, module, module);
    cairo_fill(cr);
    cairo_restore(cr);
}

}  // namespace lp::exporting::pdf
