# Configures this checkout in another build folder (another compiler, standard, Catch2, nlohmann_json or
# instrumentation), builds some of its targets there and runs a command in that folder.
#
#   -DCHECKOUT=dir     this konnect-models checkout
#   -DWORK=dir         build folder, emptied first
#   -DCXX=path         the C++ compiler
#   -DOPTIONS=a|b      more configure options, separated by |
#   -DTARGETS=a|b      the targets to build
#   -DRUN=a|b          the command to run in the build folder, its arguments separated by |

cmake_minimum_required(VERSION 3.14)
include(${CMAKE_CURRENT_LIST_DIR}/run_step.cmake)

string(REPLACE "|" ";" options "${OPTIONS}")
string(REPLACE "|" ";" targets "${TARGETS}")
string(REPLACE "|" ";" command "${RUN}")
file(REMOVE_RECURSE ${WORK})
run("Configuring" ${CMAKE_COMMAND} -S ${CHECKOUT} -B ${WORK} -DCMAKE_CXX_COMPILER=${CXX}
    -DKONNECT_MODELS_BUILD_EXAMPLES=OFF -DKONNECT_MODELS_INSTALL=OFF ${options})
string(REGEX MATCHALL "konnect-models tests: [^\n]+" versions "${output}")
string(REPLACE ";" "\n  " versions "${versions}")
message(STATUS "Built by ${CXX} with ${OPTIONS}:\n  ${versions}")
run("Building ${TARGETS}" ${CMAKE_COMMAND} --build ${WORK} --target ${targets} --parallel 2)
execute_process(COMMAND ${command} WORKING_DIRECTORY ${WORK} RESULT_VARIABLE exit_code)
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "${RUN} failed (${exit_code})")
endif()
