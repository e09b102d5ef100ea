#pragma once
// RAII for the cairo and pango objects the PDF export uses.

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <filesystem>
#include <memory>
#include <string>

namespace lp::exporting::pdf {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GObjectDeleter {
    void operator()(void* o) const { g_object_unref(o); }
};
struct FontDeleter {
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;
using Layout = std::unique_ptr<PangoLayout, GObjectDeleter>;
using Font = std::unique_ptr<PangoFontDescription, FontDeleter>;

// A PDF surface of `width` x `height` points writing `file`; throws naming the file and
// cairo's status text.
Surface pdf_surface(const std::filesystem::path& file, double width, double height);
// Throws std::runtime_error "<file>: <what>: <cairo_status_to_string>" on an error status.
void check(cairo_status_t status, const std::filesystem::path& file, const char* what);

}  // namespace lp::exporting::pdf
