# Shows that the layout gate fails: runs clang-format as the gate does on a copy of a formatted file with its
# indentation taken away, read from standard input as if it stood at the original's place (so that the same
# .clang-format applies). Keeping no misformatted file in the repository keeps every tracked file formatted.
#
#   -DCLANG_FORMAT=path  the gate's clang-format
#   -DSOURCE=file        a file the gate passes
#   -DWORK=dir           where the misformatted copy is written

cmake_minimum_required(VERSION 3.14)

file(READ ${SOURCE} text)
string(REGEX REPLACE "\n[ ]+" "\n" text "${text}")
get_filename_component(name ${SOURCE} NAME)
file(WRITE ${WORK}/misformatted_${name} "${text}")
execute_process(
  COMMAND ${CLANG_FORMAT} --dry-run --Werror --assume-filename=${SOURCE}
  INPUT_FILE ${WORK}/misformatted_${name}
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
if(exit_code EQUAL 0 OR NOT output MATCHES "error: .*\\[-Wclang-format-violations\\]")
  message(FATAL_ERROR "clang-format passed ${SOURCE} without its indentation (exit ${exit_code}):\n${output}")
endif()
message(STATUS "clang-format rejects ${name} without its indentation")
