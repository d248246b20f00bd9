# The compile-time goal: a program that decodes and encodes one response with konnect-models (compile_time/ours.cpp)
# against the same program written by hand with nlohmann_json (compile_time/hand_written.cpp), each compiled RUNS
# times with `CXX -O2 -std=c++17 -c`, alternately, so that load on a shared machine falls on both alike. Prints the
# medians and their ratio, then links and runs both programs and checks that they print the same text: the ratio
# compares two programs that do the same work. Exits non-zero when a step fails, never on the time ratio.
#
# With VALGRIND, it also counts the instructions each compile executes, once, under valgrind's cachegrind (the
# compiler driver and every process it starts; both programs at once). Unlike time, that count is the same on
# every run of the same compiler, whatever else the machine does, so it can hold the goal where time cannot: with
# REQUIRE_GOAL, the script fails when the ratio of instructions is over the goal.
#
#   cmake -DCXX=g++ [-DRUNS=5] [-DVALGRIND=valgrind [-DREQUIRE_GOAL=ON]] [-DWORK=<folder>] [-DINCLUDES=<dir|...>]
#         [-DSYSTEM_INCLUDES=<dir|...>] [-DIMPLICIT_INCLUDES=<dir|...>] -P tests/bench/compile_time.cmake
#
# Folders are separated by | (a ; would split the argument on the way here). INCLUDES (-I) defaults to this
# checkout's include/, SYSTEM_INCLUDES (-isystem) is where nlohmann_json is; folders in IMPLICIT_INCLUDES, those
# the compiler searches anyway, are left out of both, so that a -I/usr/include does not reorder the system headers.
#
# Times come from bash's `time` (millisecond resolution, on any Debian machine, unlike /usr/bin/time); the ratio
# is of CPU time (user + system), which other processes on the machine disturb far less than wall-clock time, which
# is shown too.
cmake_minimum_required(VERSION 3.20)

if(NOT CXX)
  message(FATAL_ERROR "compile_time.cmake: give the compiler, -DCXX=g++")
endif()
if(NOT RUNS)
  set(RUNS 5)
endif()
if(NOT WORK)
  set(WORK ${CMAKE_CURRENT_BINARY_DIR}/compile_time_work)
endif()
if(NOT DEFINED INCLUDES)
  get_filename_component(INCLUDES ${CMAKE_CURRENT_LIST_DIR}/../../include ABSOLUTE)
endif()
find_program(BASH NAMES bash REQUIRED)

set(programs ours hand_written)
set(goal_permille 1150)  # 1.15x
set(flags -O2 -std=c++17)
foreach(list INCLUDES SYSTEM_INCLUDES IMPLICIT_INCLUDES)
  string(REPLACE "|" ";" ${list} "${${list}}")
endforeach()
foreach(dir IN LISTS INCLUDES)
  if(NOT dir IN_LIST IMPLICIT_INCLUDES)
    list(APPEND flags -I${dir})
  endif()
endforeach()
foreach(dir IN LISTS SYSTEM_INCLUDES)
  if(NOT dir IN_LIST IMPLICIT_INCLUDES)
    list(APPEND flags -isystem ${dir})
  endif()
endforeach()
file(MAKE_DIRECTORY ${WORK})
# bash writes the decimal point of the locale; the parsing below wants a dot.
set(ENV{LC_ALL} C)

# compile(<program> <out-prefix>): compiles once; sets <out-prefix>_real and <out-prefix>_cpu in milliseconds.
function(compile program out)
  # TIMEFORMAT: wall, user and system seconds with 3 decimals, on the last line of stderr after any compiler output.
  execute_process(
    COMMAND ${BASH} -c "TIMEFORMAT='%3R %3U %3S'; time \"$@\"" bash ${CXX} ${flags} -c
            ${CMAKE_CURRENT_LIST_DIR}/compile_time/${program}.cpp -o ${WORK}/${program}.o
    RESULT_VARIABLE exit_code
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "compiling ${program}.cpp failed (${exit_code}):\n${output}")
  endif()
  if(NOT output MATCHES "([0-9]+)\\.([0-9][0-9][0-9]) ([0-9]+)\\.([0-9][0-9][0-9]) ([0-9]+)\\.([0-9][0-9][0-9])\n?$")
    message(FATAL_ERROR "no time in bash's output for ${program}.cpp:\n${output}")
  endif()
  math(EXPR real "${CMAKE_MATCH_1} * 1000 + 1${CMAKE_MATCH_2} - 1000")
  math(EXPR cpu "(${CMAKE_MATCH_3} + ${CMAKE_MATCH_5}) * 1000 + 1${CMAKE_MATCH_4} + 1${CMAKE_MATCH_6} - 2000")
  set(${out}_real ${real} PARENT_SCOPE)
  set(${out}_cpu ${cpu} PARENT_SCOPE)
endfunction()

# median(<out> <milliseconds>...): the middle value (the upper middle one for an even count).
function(median out)
  set(values ${ARGN})
  list(SORT values COMPARE NATURAL)
  list(LENGTH values count)
  math(EXPR middle "${count} / 2")
  list(GET values ${middle} value)
  set(${out} ${value} PARENT_SCOPE)
endfunction()

# seconds(<out> <milliseconds>): "1.234".
function(seconds out milliseconds)
  math(EXPR whole "${milliseconds} / 1000")
  math(EXPR fraction "${milliseconds} % 1000 + 1000")
  string(SUBSTRING ${fraction} 1 3 fraction)
  set(${out} "${whole}.${fraction}" PARENT_SCOPE)
endfunction()

# judge(<ours> <hand_written>): sets ratio ("1.234", ours / hand_written) and met (yes or NO, against the goal).
function(judge ours hand_written)
  math(EXPR permille "(${ours} * 1000 + ${hand_written} / 2) / ${hand_written}")
  seconds(text ${permille})
  set(ratio ${text} PARENT_SCOPE)
  if(permille LESS_EQUAL goal_permille)
    set(met yes PARENT_SCOPE)
  else()
    set(met NO PARENT_SCOPE)
  endif()
endfunction()

seconds(goal ${goal_permille})

# Once untimed when there are several runs, so that the first timed run does not read the headers from a cold disk.
if(RUNS GREATER 1)
  foreach(program IN LISTS programs)
    compile(${program} warm_up)
  endforeach()
endif()
foreach(run RANGE 1 ${RUNS})
  foreach(program IN LISTS programs)
    compile(${program} this)
    list(APPEND ${program}_real ${this_real})
    list(APPEND ${program}_cpu ${this_cpu})
  endforeach()
endforeach()

list(JOIN flags " " shown_flags)
set(report "compile time, ${CXX} ${shown_flags} -c, median of ${RUNS} run(s):\n")
foreach(program IN LISTS programs)
  median(${program}_median_cpu ${${program}_cpu})
  median(${program}_median_real ${${program}_real})
  seconds(cpu ${${program}_median_cpu})
  seconds(real ${${program}_median_real})
  list(JOIN ${program}_cpu ", " each)
  string(APPEND report "  ${program}.cpp: ${cpu} s CPU, ${real} s wall (CPU ms of each run: ${each})\n")
endforeach()
if(hand_written_median_cpu GREATER 0)
  judge(${ours_median_cpu} ${hand_written_median_cpu})
  string(APPEND report "  ours / hand_written (CPU): ${ratio}x, goal <= ${goal}x, met: ${met}\n")
endif()

if(VALGRIND)
  # Both compiles at once, as one pipeline (the compiler reads nothing from its input); each process writes its
  # own count file, whose `summary:` line is its total.
  file(GLOB stale ${WORK}/*.cachegrind.*)
  if(stale)
    file(REMOVE ${stale})
  endif()
  set(commands)
  foreach(program IN LISTS programs)
    list(APPEND commands COMMAND ${VALGRIND} --tool=cachegrind --cache-sim=no --trace-children=yes
         --cachegrind-out-file=${WORK}/${program}.cachegrind.%p ${CXX} ${flags} -c
         ${CMAKE_CURRENT_LIST_DIR}/compile_time/${program}.cpp -o ${WORK}/${program}.o)
  endforeach()
  execute_process(${commands} RESULTS_VARIABLE exit_codes OUTPUT_VARIABLE output ERROR_VARIABLE output)
  foreach(exit_code IN LISTS exit_codes)
    if(NOT exit_code EQUAL 0)
      message(FATAL_ERROR "compiling under ${VALGRIND} failed (${exit_codes}):\n${output}")
    endif()
  endforeach()
  foreach(program IN LISTS programs)
    file(GLOB count_files ${WORK}/${program}.cachegrind.*)
    set(instructions 0)
    foreach(count_file IN LISTS count_files)
      file(STRINGS ${count_file} summary REGEX "^summary: [0-9]+$")
      string(REGEX REPLACE "^summary: ([0-9]+)$" "\\1" count "${summary}")
      if(count STREQUAL "")
        message(FATAL_ERROR "no summary line in ${count_file}")
      endif()
      math(EXPR instructions "${instructions} + ${count}")
    endforeach()
    if(instructions EQUAL 0)
      message(FATAL_ERROR "no instructions counted for ${program}.cpp in ${WORK}")
    endif()
    math(EXPR ${program}_instructions "${instructions} / 1000000")
  endforeach()
  judge(${ours_instructions} ${hand_written_instructions})
  string(APPEND report "  instructions executed (valgrind, once each): ours.cpp ${ours_instructions} M, "
         "hand_written.cpp ${hand_written_instructions} M: ${ratio}x, goal <= ${goal}x, met: ${met}\n")
  if(REQUIRE_GOAL AND NOT met)
    message(FATAL_ERROR "${report}the compile-time goal is not met in instructions")
  endif()
endif()

# Both programs must print the same text for the ratio to compare the same work.
foreach(program IN LISTS programs)
  execute_process(COMMAND ${CXX} ${WORK}/${program}.o -o ${WORK}/${program} RESULT_VARIABLE exit_code
                  ERROR_VARIABLE output)
  if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "linking ${program} failed (${exit_code}):\n${output}")
  endif()
  execute_process(COMMAND ${WORK}/${program} RESULT_VARIABLE exit_code OUTPUT_VARIABLE ${program}_output
                  ERROR_VARIABLE output)
  if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "running ${program} failed (${exit_code}):\n${output}")
  endif()
endforeach()
if(NOT ours_output STREQUAL hand_written_output)
  message(FATAL_ERROR "the two programs print different text:\nours:\n${ours_output}\nhand_written:\n${hand_written_output}")
endif()
string(APPEND report "  both programs print the same text")
message("${report}")
