# What `cmake --install` puts where (and so what the .deb of cmake/Packaging.cmake holds).
# The programs follow CMAKE_INSTALL_PREFIX (/usr in the .deb: the daemon in sbin, as Debian
# policy wants for programs the administrator does not run by hand). The files systemd and the
# CLI look for at fixed places go there whatever the prefix; DESTDIR applies to them as usual.
include(GNUInstallDirs)

set(LOAPHUONG_CONFDIR /etc/loaphuong)  # the CLI's default: /etc/loaphuong/loaphuong.toml
set(LOAPHUONG_SYSTEMD_UNITDIR /lib/systemd/system CACHE PATH "Where the systemd unit is installed")
set(LOAPHUONG_SYSUSERSDIR /usr/lib/sysusers.d CACHE PATH "Where the sysusers.d file is installed")
set(LOAPHUONG_TMPFILESDIR /usr/lib/tmpfiles.d CACHE PATH "Where the tmpfiles.d file is installed")

# Full RELRO for the two installed programs (Debian's hardening "bindnow"; relro is the default).
target_link_options(loaphuongd PRIVATE LINKER:-z,now)
target_link_options(loaphuong PRIVATE LINKER:-z,now)
install(TARGETS loaphuongd RUNTIME DESTINATION ${CMAKE_INSTALL_SBINDIR})
install(TARGETS loaphuong RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The unit names the daemon by its installed path, known only when installing (cpack installs
# with the prefix /usr whatever the build tree was configured with).
set(LOAPHUONG_STAGE ${PROJECT_BINARY_DIR}/install-stage)
install(CODE "
  set(LOAPHUONG_SBINDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_SBINDIR}\")
  set(LOAPHUONG_CONFDIR \"${LOAPHUONG_CONFDIR}\")
  configure_file(\"${PROJECT_SOURCE_DIR}/systemd/loaphuongd.service.in\"
                 \"${LOAPHUONG_STAGE}/loaphuongd.service\" @ONLY)
")
install(FILES ${LOAPHUONG_STAGE}/loaphuongd.service DESTINATION ${LOAPHUONG_SYSTEMD_UNITDIR})
install(FILES systemd/loaphuong.sysusers.conf DESTINATION ${LOAPHUONG_SYSUSERSDIR} RENAME loaphuong.conf)
install(FILES systemd/loaphuong.tmpfiles.conf DESTINATION ${LOAPHUONG_TMPFILESDIR} RENAME loaphuong.conf)

# The example configuration, with the installed paths; a conffile in the .deb.
install(FILES config/loaphuong.example.toml DESTINATION ${LOAPHUONG_CONFDIR} RENAME loaphuong.toml)

# The web page's static files, served from /usr/share/loaphuong/web.
if(EXISTS ${PROJECT_SOURCE_DIR}/web)
  install(DIRECTORY web/ DESTINATION ${CMAKE_INSTALL_DATADIR}/loaphuong/web)
endif()

# Man pages, written in roff (docs/man), installed gzipped (gzip -n: reproducible).
find_program(LOAPHUONG_GZIP gzip REQUIRED)
foreach(page loaphuongd.8 loaphuong.1 loaphuong.toml.5)
  string(REGEX REPLACE ".*\\.([0-9])$" "\\1" section ${page})
  add_custom_command(OUTPUT ${LOAPHUONG_STAGE}/${page}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${LOAPHUONG_STAGE}
    COMMAND ${LOAPHUONG_GZIP} -9n -c ${PROJECT_SOURCE_DIR}/docs/man/${page} > ${LOAPHUONG_STAGE}/${page}.gz
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/${page}
    COMMENT "gzip ${page}")
  list(APPEND LOAPHUONG_MAN_PAGES ${LOAPHUONG_STAGE}/${page}.gz)
  install(FILES ${LOAPHUONG_STAGE}/${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
endforeach()
add_custom_target(loaphuong_man ALL DEPENDS ${LOAPHUONG_MAN_PAGES})

install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
