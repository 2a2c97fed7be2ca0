# `cmake --install`: headers, both libraries, the CLI, the pattern packs, the
# CMake package (find_package(logcorr)) and logcorr.pc. Included from the
# top-level CMakeLists.txt once every target exists. Every path is relative to
# the prefix, so `cmake --install build --prefix DIR` works for any DIR
# (the package files locate themselves).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(LOGCORR_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/logcorr)
# The CLI looks for its packs at <exe>/../share/logcorr/patterns.
set(LOGCORR_INSTALL_PATTERNDIR ${CMAKE_INSTALL_DATADIR}/logcorr/patterns)

install(TARGETS logcorr logcorr_shared EXPORT logcorrTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT lib NAMELINK_COMPONENT dev
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT lib)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/logcorr
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev FILES_MATCHING PATTERN "*.hpp")

install(TARGETS logcorr_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT bin)
file(GLOB LOGCORR_INSTALL_PACKS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/patterns/*.toml)
install(FILES ${LOGCORR_INSTALL_PACKS} ${PROJECT_SOURCE_DIR}/patterns/README.md
  DESTINATION ${LOGCORR_INSTALL_PATTERNDIR} COMPONENT lib)

# CMake package. Before 1.0 a minor release may break the API (semantic
# versioning's 0.x rule), so find_package(logcorr 0.1) must not accept 0.2:
# SameMinorVersion; from 1.0 on, SameMajorVersion.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(LOGCORR_COMPATIBILITY SameMinorVersion)
else()
  set(LOGCORR_COMPATIBILITY SameMajorVersion)
endif()
install(EXPORT logcorrTargets NAMESPACE logcorr:: DESTINATION ${LOGCORR_INSTALL_CMAKEDIR}
  COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/logcorrConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/logcorrConfig.cmake
  INSTALL_DESTINATION ${LOGCORR_INSTALL_CMAKEDIR}
  PATH_VARS LOGCORR_INSTALL_PATTERNDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/logcorrConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY ${LOGCORR_COMPATIBILITY})
install(FILES ${PROJECT_BINARY_DIR}/cmake/logcorrConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/logcorrConfigVersion.cmake
  DESTINATION ${LOGCORR_INSTALL_CMAKEDIR} COMPONENT dev)

# pkg-config. prefix is derived from the .pc file's own location
# (${pcfiledir}), so the file stays right wherever the tree is installed.
file(RELATIVE_PATH LOGCORR_PC_TO_PREFIX /root/${CMAKE_INSTALL_LIBDIR}/pkgconfig /root)
string(REGEX REPLACE "/$" "" LOGCORR_PC_TO_PREFIX "${LOGCORR_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/logcorr.pc.in ${PROJECT_BINARY_DIR}/cmake/logcorr.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cmake/logcorr.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
