# cmake -DSAMVERKAN_INCLUDE_DIR=include -P check_include_guards.cmake
#
# Checks that every header under include/samverkan (detail/ too) opens with the include guard style.md asks
# for, SAMVERKAN_<PATH>_HPP: `#ifndef G`, then `#define G`, and ends with `#endif // G`. samverkan/io/json.hpp
# gets SAMVERKAN_IO_JSON_HPP. Lists every header that does not, and fails if any does not.
if(NOT SAMVERKAN_INCLUDE_DIR)
  message(FATAL_ERROR "usage: cmake -DSAMVERKAN_INCLUDE_DIR=<dir> -P check_include_guards.cmake")
endif()

file(GLOB_RECURSE headers RELATIVE ${SAMVERKAN_INCLUDE_DIR} ${SAMVERKAN_INCLUDE_DIR}/samverkan/*.hpp)
list(SORT headers)
set(bad 0)
foreach(header IN LISTS headers)
  string(TOUPPER "${header}" guard)
  string(REGEX REPLACE "[^A-Z0-9]" "_" guard "${guard}")
  file(STRINGS ${SAMVERKAN_INCLUDE_DIR}/${header} directives REGEX "^#[ \t]*(ifndef|define|endif)")
  list(LENGTH directives count)
  if(count LESS 3)
    message(SEND_ERROR "${header}: no include guard (expected ${guard})")
    math(EXPR bad "${bad} + 1")
    continue()
  endif()
  list(GET directives 0 first)
  list(GET directives 1 second)
  list(GET directives -1 last)
  if(NOT first MATCHES "^#ifndef ${guard}$" OR NOT second MATCHES "^#define ${guard}$"
     OR NOT last MATCHES "^#endif // ${guard}$")
    message(SEND_ERROR "${header}: the include guard is not ${guard} "
                       "(#ifndef/#define first, `#endif // ${guard}` last); found '${first}', '${second}', '${last}'")
    math(EXPR bad "${bad} + 1")
  endif()
endforeach()

list(LENGTH headers total)
if(total EQUAL 0)
  message(FATAL_ERROR "no headers under ${SAMVERKAN_INCLUDE_DIR}/samverkan")
endif()
message(STATUS "include guards: ${total} headers, ${bad} wrong")
