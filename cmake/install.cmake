# Installs what a program that builds against libcurl looks for: the headers, the
# library under both names, libcurl.pc and a CMake package (CURL::libcurl).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS curl EXPORT CURLTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/curl
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(CODE "execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink libcurl.so.4
  \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/libcurl-gnutls.so.4\")")

set(MCURL_PC_VERSION 7.88.1)
# Relocatable: the prefix is found from where libcurl.pc itself is installed.
file(RELATIVE_PATH MCURL_PC_UP ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" MCURL_PC_UP "${MCURL_PC_UP}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/libcurl.pc.in
               ${PROJECT_BINARY_DIR}/libcurl.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/libcurl.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

set(MCURL_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/CURL)
install(EXPORT CURLTargets NAMESPACE CURL:: DESTINATION ${MCURL_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/CURLConfig.cmake.in
  ${PROJECT_BINARY_DIR}/CURLConfig.cmake INSTALL_DESTINATION ${MCURL_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/CURLConfigVersion.cmake
  VERSION 7.88.1 COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/CURLConfig.cmake
              ${PROJECT_BINARY_DIR}/CURLConfigVersion.cmake
        DESTINATION ${MCURL_CMAKE_DIR})
