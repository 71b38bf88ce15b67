# cmake -DBUILD_DIR=<samverkan build> -DPREFIX=<empty dir to be> -DCONFIG=<config> -P install.cmake
# Installs samverkan into a fresh prefix for the find_package consumer test.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX} --config ${CONFIG}
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result})")
endif()
foreach(expected include/samverkan/samverkan.hpp include/samverkan/model/basic_model.hpp)
  if(NOT EXISTS ${PREFIX}/${expected})
    message(FATAL_ERROR "not installed: ${expected}")
  endif()
endforeach()
file(GLOB_RECURSE configs ${PREFIX}/*/samverkan-config.cmake ${PREFIX}/*/samverkan-config-version.cmake
     ${PREFIX}/*/samverkan-targets.cmake)
list(LENGTH configs found)
if(NOT found EQUAL 3)
  message(FATAL_ERROR "expected the package config, version file and targets file; found: ${configs}")
endif()
