# Checks that the samverkan tool rejects one invalid model file as the contract requires
# (model-format.md, section 3): exit status 2, nothing on stdout, and on stderr a message that starts with
# the file name and contains every line of the file's .expect sidecar (the line:column, JSON path and what
# is wrong).
#
#   cmake -DTOOL=path/to/samverkan -DMODEL=tests/invalid/NAME.json -P check_invalid.cmake
#
# NAME.expect holds one fragment per line; each must occur in the message verbatim.

foreach(variable TOOL MODEL)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "check_invalid.cmake needs -D${variable}=...")
  endif()
endforeach()

get_filename_component(directory "${MODEL}" DIRECTORY)
get_filename_component(name "${MODEL}" NAME_WE)
get_filename_component(file_name "${MODEL}" NAME)
set(expect_file "${directory}/${name}.expect")
if(NOT EXISTS "${expect_file}")
  message(FATAL_ERROR "${file_name}: no ${name}.expect next to it")
endif()

# Run from the folder of the model so that the message names it exactly as given: NAME.json.
# With -DPLACE=... the file is a template (tests/invalid-templates), given to apply on that place.
if(DEFINED PLACE)
  set(command "${TOOL}" apply "${PLACE}" --template "${file_name}")
else()
  set(command "${TOOL}" audit --format json --fail-on never "${file_name}")
endif()
execute_process(COMMAND ${command}
                WORKING_DIRECTORY "${directory}"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)

set(failures "")
if(NOT status STREQUAL "2")
  string(APPEND failures "\n  exit status ${status}, expected 2")
endif()
string(LENGTH "${out}" out_length)
if(NOT out_length EQUAL 0)
  string(APPEND failures "\n  stdout is not empty (${out_length} bytes)")
endif()
string(FIND "${err}" "${file_name}:" at)
if(NOT at EQUAL 0)
  string(APPEND failures "\n  the message does not start with \"${file_name}:\"")
endif()

# Lines are split by hand: the fragments contain ';', which CMake lists would split on.
file(READ "${expect_file}" expected)
while(NOT expected STREQUAL "")
  string(FIND "${expected}" "\n" newline)
  if(newline EQUAL -1)
    set(fragment "${expected}")
    set(expected "")
  else()
    string(SUBSTRING "${expected}" 0 ${newline} fragment)
    math(EXPR rest "${newline} + 1")
    string(SUBSTRING "${expected}" ${rest} -1 expected)
  endif()
  if(NOT fragment STREQUAL "")
    string(FIND "${err}" "${fragment}" found)
    if(found EQUAL -1)
      string(APPEND failures "\n  the message lacks: ${fragment}")
    endif()
  endif()
endwhile()

if(NOT failures STREQUAL "")
  message(FATAL_ERROR "${file_name}:${failures}\n  stderr: ${err}")
endif()
