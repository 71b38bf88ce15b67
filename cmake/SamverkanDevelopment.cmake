# samverkan's own development settings: warnings for our targets (tests, examples, tool, benchmarks,
# fuzzers), never for users. Included only when one of those is built.
include_guard(GLOBAL)

add_library(samverkan_development INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(samverkan_development INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                         -Wno-sign-conversion)
  # g++ 12 at -O3 reports -Wrestrict inside libstdc++'s std::string (a known false positive, GCC PR 105651):
  # off for g++ 12, so that the plain Release build is warning-free too.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(samverkan_development INTERFACE -Wno-restrict)
  endif()
  if(SAMVERKAN_WARNINGS_AS_ERRORS)
    target_compile_options(samverkan_development INTERFACE -Werror)
  endif()
endif()

# samverkan_add_program(NAME SOURCES...): an executable of ours, with our warnings.
function(samverkan_add_program name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE samverkan::samverkan samverkan_development)
endfunction()

# The synthetic national-model generator (synthetic/include/samverkan/synthetic/): a fixture for the tool's
# `generate` command, the benchmarks and the tests. Not part of the library and never installed.
add_library(samverkan_synthetic INTERFACE)
target_include_directories(samverkan_synthetic INTERFACE ${PROJECT_SOURCE_DIR}/synthetic/include)
target_link_libraries(samverkan_synthetic INTERFACE samverkan::samverkan)
