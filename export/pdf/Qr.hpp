#pragma once
// A QR code (libqrencode) drawn with cairo: the PDF carries its signed check code so a reviewer
// can compare the printed, signed copy with the file received.

#include <cairo.h>

#include <string>

namespace lp::exporting::pdf {

// Draws `text` as a QR code (error correction M, 8-bit) in a square of `size` points at (x, y),
// with its quiet zone inside the square. Throws std::runtime_error with libqrencode's reason.
void draw_qr(cairo_t* cr, double x, double y, double size, const std::string& text);

}  // namespace lp::exporting::pdf
