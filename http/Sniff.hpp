#pragma once
// Whether an uploaded file starts like audio (or a browser recording), by its magic bytes,
// before any handler sees it.

#include <filesystem>
#include <string_view>

namespace lp::http {

// ID3 / MPEG frame sync, RIFF....WAVE, OggS, fLaC, ISO BMFF "ftyp" (m4a), EBML (webm).
bool looks_like_audio(std::string_view head);
bool file_looks_like_audio(const std::filesystem::path& file);

}  // namespace lp::http
