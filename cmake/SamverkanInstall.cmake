# Install rules: headers, the target export, a package config and a version file; plus the same export for
# the build tree, so a project can use a build of samverkan without installing it (samverkan_DIR=<build>).
#
#   cmake --install build --prefix /opt/samverkan
#   find_package(samverkan 0.1 CONFIG REQUIRED)   # with CMAKE_PREFIX_PATH=/opt/samverkan
#   target_link_libraries(my_tool PRIVATE samverkan::samverkan)
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(SAMVERKAN_INSTALL_CMAKEDIR ${CMAKE_INSTALL_DATADIR}/cmake/samverkan
    CACHE STRING "Where the samverkan package config is installed, relative to the prefix")
mark_as_advanced(SAMVERKAN_INSTALL_CMAKEDIR)

install(TARGETS samverkan EXPORT samverkan-targets)
if(TARGET samverkan_compiled)
  install(TARGETS samverkan_compiled EXPORT samverkan-targets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/samverkan DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.hpp")
install(EXPORT samverkan-targets NAMESPACE samverkan:: DESTINATION ${SAMVERKAN_INSTALL_CMAKEDIR})
export(EXPORT samverkan-targets NAMESPACE samverkan:: FILE ${PROJECT_BINARY_DIR}/samverkan-targets.cmake)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/samverkan-config.cmake.in
                              ${PROJECT_BINARY_DIR}/samverkan-config.cmake INSTALL_DESTINATION ${SAMVERKAN_INSTALL_CMAKEDIR})
# 0.x: a minor version may break the API, so only the same minor version is compatible. The headers work
# with any architecture; samverkan::compiled, when installed, is checked by the linker.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/samverkan-config-version.cmake COMPATIBILITY SameMinorVersion
                                 ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/samverkan-config.cmake ${PROJECT_BINARY_DIR}/samverkan-config-version.cmake
        DESTINATION ${SAMVERKAN_INSTALL_CMAKEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/samverkan)
