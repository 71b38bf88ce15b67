# A `samverkan watch` session from a pipe (docs/watch.md): edits, a bad id, a line that is not JSON, a batch,
# then the report and the model written to files; the written report must be byte for byte what
# `samverkan audit --format json` says of the written model, and the model what `convert --to json` writes.
#   cmake -DTOOL=... -DMODEL=... -DWORK=... -P check_watch.cmake
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/session.jsonl
"{\"op\":\"unassign\",\"actor\":\"trygghetssamordnare\",\"duty\":\"gemensam-lagesbild\",\"role\":\"A\"}
{\"op\":\"assign\",\"actor\":\"nobody\",\"duty\":\"gemensam-lagesbild\",\"role\":\"A\"}
not json

{\"op\":\"remove\",\"kind\":\"forum\",\"id\":\"est-centrum\"}
{\"op\":\"batch\",\"edits\":[{\"op\":\"add-actor\",\"id\":\"ny\"},{\"op\":\"assign\",\"actor\":\"ny\",\"duty\":\"gemensam-lagesbild\",\"role\":\"A\"}]}
{\"op\":\"report\",\"file\":\"${WORK}/report.json\"}
{\"op\":\"model\",\"file\":\"${WORK}/model.json\"}
")
execute_process(COMMAND ${TOOL} watch ${MODEL} INPUT_FILE ${WORK}/session.jsonl
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "watch exited with ${status}: ${err}")
endif()
# (no CMake lists here: messages may hold ';')
string(REGEX REPLACE "[^\n]" "" newlines "${out}")
string(LENGTH "${newlines}" n)
if(NOT n EQUAL 7)
  message(FATAL_ERROR "expected 7 answers (the blank line gets none), got ${n}:\n${out}")
endif()
foreach(expected
    "^\\{\"line\":1,\"removed\":\\[\\],\"added\":\\[\\{\"rule\":\"no-accountable\""
    "\n\\{\"line\":2,\"error\":\"unknown actor \\\\\"nobody\\\\\"\"\\}\n"
    "\n\\{\"line\":3,\"error\":\"not JSON: "
    "\n\\{\"line\":5,\"removed\":\\[\\],\"added\":\\[\\{\"rule\":\"coordination-gap\""
    "\n\\{\"line\":6,\"removed\":\\[\\{\"rule\":\"no-accountable\""
    "\n\\{\"line\":7,\"wrote\":\"[^\n]*report.json\"\\}\n"
    "\n\\{\"line\":8,\"wrote\":\"[^\n]*model.json\"\\}\n$")
  if(NOT out MATCHES "${expected}")
    message(FATAL_ERROR "no answer matches ${expected}:\n${out}")
  endif()
endforeach()
execute_process(COMMAND ${TOOL} audit ${WORK}/model.json --format json --fail-on never OUTPUT_VARIABLE audited)
file(READ ${WORK}/report.json written)
if(NOT audited STREQUAL written)
  message(FATAL_ERROR "the report of the session differs from `samverkan audit` of the written model")
endif()
execute_process(COMMAND ${TOOL} convert ${WORK}/model.json --to json OUTPUT_VARIABLE converted)
file(READ ${WORK}/model.json model_written)
if(NOT converted STREQUAL model_written)
  message(FATAL_ERROR "the model of the session differs from `samverkan convert --to json` of it")
endif()
