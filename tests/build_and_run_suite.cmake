# Builds the Catch2 suite of this checkout in another configuration (compiler, standard, Catch2) and runs it.
#
#   -DCHECKOUT=dir     this konnect-models checkout
#   -DWORK=dir         build folder, emptied first
#   -DCXX=path         the C++ compiler
#   -DOPTIONS=a|b      more configure options, separated by |

cmake_minimum_required(VERSION 3.14)
include(${CMAKE_CURRENT_LIST_DIR}/run_step.cmake)

string(REPLACE "|" ";" options "${OPTIONS}")
file(REMOVE_RECURSE ${WORK})
run("Configuring" ${CMAKE_COMMAND} -S ${CHECKOUT} -B ${WORK} -DCMAKE_CXX_COMPILER=${CXX}
    -DKONNECT_MODELS_BUILD_EXAMPLES=OFF -DKONNECT_MODELS_INSTALL=OFF ${options})
string(REGEX MATCHALL "konnect-models tests: [^\n]+" versions "${output}")
string(REPLACE ";" "\n  " versions "${versions}")
message(STATUS "Built by ${CXX} with ${OPTIONS}:\n  ${versions}")
run("Building the suite" ${CMAKE_COMMAND} --build ${WORK} --target konnect_models_tests --parallel 2)
run("Running the suite" ${WORK}/tests/konnect_models_tests)
string(REGEX MATCH "All tests passed[^\n]*" summary "${output}")
message(STATUS "${summary}")
