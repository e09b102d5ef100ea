#pragma once
// QR codes for the posters and pages (libqrencode): a link as an SVG image.

#include <string>
#include <string_view>

namespace lp::reach {

// The QR code of `text` (error correction M, 4-module quiet zone) as a standalone SVG document
// in which one module is one user unit. Throws std::runtime_error
// "QRcode_encodeString() failed: <reason>".
std::string qr_svg(std::string_view text);

}  // namespace lp::reach
