# Runs the samverkan tool once and checks its exit status and output (model-format.md, section 3).
#
#   cmake -DTOOL=path/to/samverkan -DARGS="audit|--format|json|FILE" -DSTATUS=2 [-DSTDOUT_CONTAINS=...]
#         [-DSTDERR_CONTAINS=...] [-DSTDERR_MATCHES=regex] [-DINPUT=file for stdin] -P check_cli.cmake
#
# ARGS separates the arguments with '|' (a CMake list would split the fragments that contain ';').
# With STATUS 2 stdout must be empty: a failing command prints nothing but its message on stderr.

foreach(variable TOOL STATUS)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "check_cli.cmake needs -D${variable}=...")
  endif()
endforeach()

set(arguments "")
if(DEFINED ARGS AND NOT ARGS STREQUAL "")
  string(REPLACE "|" ";" arguments "${ARGS}")
endif()
set(input_option "")
if(DEFINED INPUT)
  set(input_option INPUT_FILE "${INPUT}")
endif()
execute_process(COMMAND "${TOOL}" ${arguments} ${input_option}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)

set(failures "")
if(NOT status STREQUAL STATUS)
  string(APPEND failures "\n  exit status ${status}, expected ${STATUS}")
endif()
if(STATUS STREQUAL "2" AND NOT out STREQUAL "")
  string(APPEND failures "\n  stdout is not empty")
endif()
if(DEFINED STDOUT_CONTAINS)
  string(FIND "${out}" "${STDOUT_CONTAINS}" at)
  if(at EQUAL -1)
    string(APPEND failures "\n  stdout lacks: ${STDOUT_CONTAINS}")
  endif()
endif()
if(DEFINED STDERR_CONTAINS)
  string(FIND "${err}" "${STDERR_CONTAINS}" at)
  if(at EQUAL -1)
    string(APPEND failures "\n  stderr lacks: ${STDERR_CONTAINS}")
  endif()
endif()
if(DEFINED STDERR_MATCHES AND NOT err MATCHES "${STDERR_MATCHES}")
  string(APPEND failures "\n  stderr does not match: ${STDERR_MATCHES}")
endif()

if(NOT failures STREQUAL "")
  message(FATAL_ERROR "samverkan ${ARGS}:${failures}\n  stdout: ${out}\n  stderr: ${err}")
endif()
