# Runs the samverkan tool once and compares its standard output byte for byte with a file: the messages of
# findings are made when written (analysis/message.hpp), and these outputs, captured before that change,
# hold them to the texts the rules used to store.
#
#   cmake -DTOOL=path/to/samverkan -DARGS="audit|--format|json|FILE" -DEXPECTED=file [-DINPUT=stdin file]
#         -P check_output.cmake
#
# ARGS separates the arguments with '|'. Any exit status is accepted (audit and diff exit 1 on findings and
# differences); the output must match exactly.

foreach(variable TOOL ARGS EXPECTED)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "check_output.cmake needs -D${variable}=...")
  endif()
endforeach()
string(REPLACE "|" ";" arguments "${ARGS}")
set(input_option "")
if(DEFINED INPUT)
  set(input_option INPUT_FILE "${INPUT}")
endif()
execute_process(COMMAND "${TOOL}" ${arguments} ${input_option} RESULT_VARIABLE status OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
file(READ "${EXPECTED}" expected)
if(NOT out STREQUAL expected)
  get_filename_component(name "${EXPECTED}" NAME)
  file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/${name}.actual" "${out}")
  message(FATAL_ERROR "output differs from ${EXPECTED} (exit status ${status}; the output is in "
                      "${CMAKE_CURRENT_BINARY_DIR}/${name}.actual)\n${err}")
endif()
