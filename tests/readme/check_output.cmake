# Runs a program and checks that what it prints (standard output, then standard error) is, byte for byte, the README
# block marked `<!-- output: NAME -->`.
#
#   -DCHECKOUT=dir     this konnect-models checkout
#   -DNAME=name        the marker's name
#   -DPROGRAM=path     the program

cmake_minimum_required(VERSION 3.14)

file(READ ${CHECKOUT}/README.md readme)
string(FIND "${readme}" "<!-- output: ${NAME} -->\n```text\n" at)
if(at EQUAL -1)
  message(FATAL_ERROR "README has no block marked <!-- output: ${NAME} --> (a ```text block right after the marker)")
endif()
string(LENGTH "<!-- output: ${NAME} -->\n```text\n" marker_length)
math(EXPR at "${at} + ${marker_length}")
string(SUBSTRING "${readme}" ${at} -1 shown)
string(FIND "${shown}" "```" closing)
string(SUBSTRING "${shown}" 0 ${closing} shown)

execute_process(
  COMMAND ${PROGRAM}
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE printed
  ERROR_VARIABLE errors)
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${exit_code}:\n${printed}${errors}")
endif()
if(NOT "${printed}${errors}" STREQUAL "${shown}")
  message(FATAL_ERROR "${PROGRAM} prints\n${printed}${errors}\nbut the README shows\n${shown}")
endif()
message(STATUS "${PROGRAM} prints what the README shows")
