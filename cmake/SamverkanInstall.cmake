# Install rules: headers, the target export, a package config and a version file.
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS samverkan EXPORT samverkan-targets)
install(DIRECTORY include/samverkan DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT samverkan-targets NAMESPACE samverkan:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/samverkan)
export(EXPORT samverkan-targets NAMESPACE samverkan:: FILE ${PROJECT_BINARY_DIR}/samverkan-targets.cmake)

configure_package_config_file(cmake/samverkan-config.cmake.in ${PROJECT_BINARY_DIR}/samverkan-config.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/samverkan)
# A header-only library works with any architecture.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/samverkan-config-version.cmake COMPATIBILITY SameMinorVersion
                                 ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/samverkan-config.cmake ${PROJECT_BINARY_DIR}/samverkan-config-version.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/samverkan)
