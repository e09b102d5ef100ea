#include "export/pdf/Cairo.hpp"

#include <stdexcept>

namespace lp::exporting::pdf {

void check(cairo_status_t status, const std::filesystem::path& file, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(file.string() + ": " + what + "() failed: " + cairo_status_to_string(status));
}

Surface pdf_surface(const std::filesystem::path& file, double width, double height) {
    Surface s(cairo_pdf_surface_create(file.c_str(), width, height));
    check(cairo_surface_status(s.get()), file, "cairo_pdf_surface_create");
    return s;
}

}  // namespace lp::exporting::pdf
