# Boost.Graph stays out of the core headers (issue 8): a translation unit that includes only the model, the
# model layer's umbrella header or the JSON reader and writer must not reach any boost/graph header; nor
# must the umbrella header samverkan.hpp with the JSON reader when the program links the compiled part
# (SAMVERKAN_SEPARATE_COMPILATION: the cycle rules' strong_components is only declared then). Runs the
# preprocessor (-M: the list of included files) on each and fails naming the first Boost.Graph header found.
#
#   cmake -DCXX=... -DINCLUDE_DIRS="a;b" -DWORK_DIR=... -P check_no_boost_graph.cmake
set(headers samverkan/model/basic_model.hpp samverkan/model.hpp samverkan/io/json.hpp
            samverkan/io/report_json.hpp samverkan/analysis/capability.hpp "compiled:samverkan/samverkan.hpp")
set(flags -std=c++20 -M)
foreach(dir IN LISTS INCLUDE_DIRS)
  list(APPEND flags -I${dir})
endforeach()
file(MAKE_DIRECTORY ${WORK_DIR})
foreach(entry IN LISTS headers)
  set(extra "")
  set(header ${entry})
  if(entry MATCHES "^compiled:(.*)$")
    set(header ${CMAKE_MATCH_1})
    set(extra -DSAMVERKAN_SEPARATE_COMPILATION)
  endif()
  string(REGEX REPLACE "[/.:]" "_" stem "${entry}")
  set(source ${WORK_DIR}/${stem}.cpp)
  if(extra)
    file(WRITE ${source} "#include <${header}>\n#include <samverkan/io/json.hpp>\n")
  else()
    file(WRITE ${source} "#include <${header}>\n")
  endif()
  execute_process(COMMAND ${CXX} ${flags} ${extra} ${source} RESULT_VARIABLE rc OUTPUT_VARIABLE deps
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${header}: the preprocessor failed:\n${err}")
  endif()
  if(NOT deps MATCHES "samverkan/model/basic_model.hpp")
    message(FATAL_ERROR "${header}: the dependency list does not name basic_model.hpp; the check saw nothing")
  endif()
  if(deps MATCHES "(boost/graph/[A-Za-z0-9_/]+\\.hpp)")
    message(FATAL_ERROR "${entry} reaches Boost.Graph (${CMAKE_MATCH_1}); keep it in the headers that run "
                        "its algorithms (detail/bgl.hpp, detail/strong_components.hpp)")
  endif()
  message(STATUS "${entry}: no Boost.Graph header")
endforeach()
