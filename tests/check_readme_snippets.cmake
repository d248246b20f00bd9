# Checks that each README snippet marked `<!-- consumer: path -->` is run as written by that consumer
# file (indentation aside), and that every consumer is shown.
#
#   -DCHECKOUT=dir   this konnect-models checkout

cmake_minimum_required(VERSION 3.14)

file(READ ${CHECKOUT}/README.md rest)
set(shown "")
while(TRUE)
  string(FIND "${rest}" "<!-- consumer: " at)
  if(at EQUAL -1)
    break()
  endif()
  string(SUBSTRING "${rest}" ${at} -1 rest)
  if(NOT rest MATCHES "^<!-- consumer: ([^ ]+) -->\n```[a-z]*\n")
    message(FATAL_ERROR "README: a consumer marker must be followed by a fenced code block")
  endif()
  set(file ${CMAKE_MATCH_1})
  string(LENGTH "${CMAKE_MATCH_0}" opening)
  string(SUBSTRING "${rest}" ${opening} -1 rest)
  string(FIND "${rest}" "```" closing)
  string(SUBSTRING "${rest}" 0 ${closing} snippet)

  file(READ ${CHECKOUT}/${file} consumer)
  string(REGEX REPLACE "\n[ ]+" "\n" consumer "\n${consumer}")
  string(REGEX REPLACE "\n[ ]+" "\n" snippet "\n${snippet}")
  string(FIND "${consumer}" "${snippet}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "README: this snippet is not what ${file} runs:${snippet}")
  endif()
  list(APPEND shown ${file})
endwhile()

file(GLOB consumers RELATIVE ${CHECKOUT} ${CHECKOUT}/tests/consumers/*/CMakeLists.txt)
foreach(consumer ${consumers} tests/consumers/compile_and_run.sh)
  if(NOT consumer IN_LIST shown)
    message(FATAL_ERROR "README shows no snippet of ${consumer}")
  endif()
endforeach()
list(LENGTH shown count)
message(STATUS "README: ${count} snippets, each what its consumer runs")
