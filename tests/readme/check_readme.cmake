# Checks that every code block of the README is run by something, as written. The line before each block's opening
# fence says what runs it:
#
#   <!-- command: NAME -->   .ci/run runs the block (it finds the block by NAME)
#   <!-- consumer: FILE -->  a consumer under tests/consumers/ runs these lines: FILE holds them (indentation aside)
#   <!-- snippet: FILE -->   a program under tests/readme/ that the tests build and run: FILE holds these lines
#   <!-- output: NAME -->    what the program NAME prints: check_output.cmake compares them in its own test
#
# It also checks that every consumer and every program under tests/readme/ is shown.
#
#   -DCHECKOUT=dir   this konnect-models checkout

cmake_minimum_required(VERSION 3.14)

file(READ ${CHECKOUT}/README.md rest)
set(shown "")
set(blocks 0)
while(TRUE)
  # The next opening fence, at the start of a line.
  string(FIND "${rest}" "\n```" at)
  if(at EQUAL -1)
    break()
  endif()
  string(SUBSTRING "${rest}" 0 ${at} before)
  math(EXPR at "${at} + 4")
  string(SUBSTRING "${rest}" ${at} -1 rest)
  string(FIND "${rest}" "\n" end_of_fence_line)
  math(EXPR start "${end_of_fence_line} + 1")
  string(SUBSTRING "${rest}" ${start} -1 rest)
  string(FIND "${rest}" "```" closing)
  string(SUBSTRING "${rest}" 0 ${closing} block)
  math(EXPR closing "${closing} + 3")
  string(SUBSTRING "${rest}" ${closing} -1 rest)
  math(EXPR blocks "${blocks} + 1")

  string(REGEX MATCH "[^\n]*$" marker "${before}")
  if(NOT marker MATCHES "^<!-- (command|consumer|snippet|output): ([^ ]+) -->$")
    message(FATAL_ERROR "README: this code block says nothing runs it (a marker line must come before it):\n${block}")
  endif()
  set(kind ${CMAKE_MATCH_1})
  set(file ${CMAKE_MATCH_2})
  if(kind STREQUAL "consumer" OR kind STREQUAL "snippet")
    file(READ ${CHECKOUT}/${file} program)
    string(REGEX REPLACE "\n[ ]+" "\n" program "\n${program}")
    string(REGEX REPLACE "\n[ ]+" "\n" lines "\n${block}")
    string(FIND "${program}" "${lines}" found)
    if(found EQUAL -1)
      message(FATAL_ERROR "README: this block is not what ${file} runs:${lines}")
    endif()
    list(APPEND shown ${file})
  endif()
endwhile()

file(GLOB consumers RELATIVE ${CHECKOUT} ${CHECKOUT}/tests/consumers/*/CMakeLists.txt)
file(GLOB programs RELATIVE ${CHECKOUT} ${CHECKOUT}/tests/readme/*.cpp)
foreach(file ${consumers} ${programs} tests/consumers/compile_and_run.sh tests/consumers/install.sh)
  if(NOT file IN_LIST shown)
    message(FATAL_ERROR "README shows nothing of ${file}")
  endif()
endforeach()
message(STATUS "README: ${blocks} code blocks, each run by what its marker names")
