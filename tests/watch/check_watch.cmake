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
string(REGEX MATCHALL "[^\n]+" answers "${out}")
list(LENGTH answers n)
if(NOT n EQUAL 7)
  message(FATAL_ERROR "expected 7 answers, got ${n}:\n${out}")
endif()
list(GET answers 0 a1)
list(GET answers 1 a2)
list(GET answers 2 a3)
list(GET answers 3 a5)
list(GET answers 4 a6)
if(NOT a1 MATCHES "^\\{\"line\":1,\"removed\":\\[.*\\],\"added\":\\[\\{\"rule\":\"no-accountable\"")
  message(FATAL_ERROR "answer 1: ${a1}")
endif()
if(NOT a2 STREQUAL "{\"line\":2,\"error\":\"unknown actor \\\"nobody\\\"\"}")
  message(FATAL_ERROR "answer 2: ${a2}")
endif()
if(NOT a3 MATCHES "^\\{\"line\":3,\"error\":\"not JSON")
  message(FATAL_ERROR "answer 3: ${a3}")
endif()
if(NOT a5 MATCHES "^\\{\"line\":5,\"removed\":")
  message(FATAL_ERROR "answer 5: ${a5}")
endif()
if(NOT a6 MATCHES "^\\{\"line\":6,\"removed\":.*\"rule\":\"no-accountable\"")
  message(FATAL_ERROR "answer 6: ${a6}")
endif()
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
