# samverkan's own development settings: warnings for our targets (tests, examples, tool, benchmarks,
# fuzzers), never for users. Included only when one of those is built.
include_guard(GLOBAL)

add_library(samverkan_development INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(samverkan_development INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                         -Wno-sign-conversion)
  if(SAMVERKAN_WARNINGS_AS_ERRORS)
    target_compile_options(samverkan_development INTERFACE -Werror)
  endif()
endif()

# samverkan_add_program(NAME SOURCES...): an executable of ours, with our warnings.
function(samverkan_add_program name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE samverkan::samverkan samverkan_development)
endfunction()
