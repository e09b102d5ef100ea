# The Debian package: `cpack -G DEB` in a build tree (what it holds: cmake/Install.cmake).
# Dependencies on shared libraries come from dpkg-shlibdeps; the maintainer scripts
# (packaging/debian) create the user and folders and start nothing.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME loaphuong)
set(CPACK_PACKAGE_VENDOR "loaphuong maintainers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "ward loudspeaker programme player and broadcast journal")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Absolute destinations (/etc, /lib/systemd) land in the package, not on the build machine.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "loaphuong maintainers <maintainers@users.noreply.r-seed-4134e300.example>")
set(CPACK_DEBIAN_PACKAGE_SECTION sound)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# CPack puts the summary above it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "loaphuongd airs a Vietnamese ward's public loudspeaker programme at its time
slots through FFmpeg (sound card, Icecast, RTP, recording files) and writes
the broadcast journal into SQLite by itself, sealed against tampering. The
loaphuong command manages the media library, the slots and one-off
announcements, and exports the journal as the official XLSX/PDF report.
.
The package creates the system user loaphuong and /var/lib/loaphuong; it
starts nothing.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Run-time programs and data: espeak-ng speaks `media say`, tzdata gives Asia/Ho_Chi_Minh, the
# PDF report is set in Liberation Serif. passwd (useradd) is used when systemd-sysusers is absent.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "espeak-ng, tzdata, fonts-liberation, passwd")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd, openssl")

set(LOAPHUONG_DEBIAN ${PROJECT_SOURCE_DIR}/packaging/debian)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${LOAPHUONG_DEBIAN}/postinst ${LOAPHUONG_DEBIAN}/prerm ${LOAPHUONG_DEBIAN}/postrm ${LOAPHUONG_DEBIAN}/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Debian's copyright and changelog, in /usr/share/doc/loaphuong.
configure_file(${LOAPHUONG_DEBIAN}/changelog.in ${LOAPHUONG_STAGE}/changelog.Debian @ONLY)
add_custom_command(OUTPUT ${LOAPHUONG_STAGE}/changelog.Debian.gz
  COMMAND ${LOAPHUONG_GZIP} -9n -c ${LOAPHUONG_STAGE}/changelog.Debian > ${LOAPHUONG_STAGE}/changelog.Debian.gz
  DEPENDS ${LOAPHUONG_STAGE}/changelog.Debian)
add_custom_target(loaphuong_changelog ALL DEPENDS ${LOAPHUONG_STAGE}/changelog.Debian.gz)
install(FILES ${LOAPHUONG_DEBIAN}/copyright ${LOAPHUONG_STAGE}/changelog.Debian.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

include(CPack)
