# Every dependency comes from a Debian 12 package; scripts/install-deps.sh installs them.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(spdlog REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(date REQUIRED)
pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET
  libavformat libavcodec libavutil libswresample)
# Loudness at import (EBU R128 integrated, true peak) and the alsa output: without libavfilter
# and libavdevice, which map ~17 MiB of libraries into the daemon (bench/README.md).
pkg_check_modules(EBUR128 REQUIRED IMPORTED_TARGET libebur128)
pkg_check_modules(ALSA REQUIRED IMPORTED_TARGET alsa)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)
# Accounts: Argon2id password hashes and random session/CSRF/bearer secrets.
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# QR codes on the public listen-again pages and posters (reach/).
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
# Journal seals (SHA-256) and exports: XLSX, PDF (cairo + pango, Liberation Serif), zip reading.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(ZLIB REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
# The PDF's QR code of its signed check code.
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
# The text of a PDF report read back when it is verified (evidence/PdfText.cpp).
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
if(LOAPHUONG_TESTS)
  find_package(GTest REQUIRED)
endif()
