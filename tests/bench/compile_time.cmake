# The compile-time goal: for each of five programs, compiling it with konnect-models (compile_time/<program>_ours.cpp)
# against compiling the same program written by hand with nlohmann_json (compile_time/<program>_hand_written.cpp,
# on the struct of hand_written.hpp), each judged on its own against the goal:
#   dom_round_trip  decodes Kong's body through nlohmann's DOM (json::parse, get<>()), encodes it back, prints it
#   text_and_print  decodes Kong's body from its text (ours: parse()) and prints it with operator<<
#   fields_only     no JSON: fills the members one by one, reads some back and prints them
#   encode_only     fills the members as fields_only does, then encodes the response and prints its JSON
#   parse_and_read  decodes Kong's body from its text (ours: parse()) and prints two of its members
# Each file is compiled RUNS times with `CXX -O2 -std=c++17 -c`, the two of a pair one after the other, so that
# load on a shared machine falls on both alike. Prints the medians and, for each pair, their ratio, then links and
# runs both programs of each pair and checks that they print the same text: a ratio compares two programs that do
# the same work. Exits non-zero when a step fails; never on a time ratio.
#
# With VALGRIND, it also counts the instructions each compile executes, once, under valgrind's cachegrind (the
# compiler driver and every process it starts; every file at once). Unlike time, that count is the same on every
# run of the same compiler, whatever else the machine does, so it can hold the goal where time cannot: with
# REQUIRE_GOAL, the script fails when the ratio of instructions of any pair is over what it must hold, and names each
# such pair. A pair must hold the goal, or, while it does not meet it yet, the ratio it has reached (`held_permille_`
# below): those can only come down, and a change that makes a pair worse fails.
#
#   cmake -DCXX=g++ [-DPROGRAMS=dom_round_trip|text_and_print|fields_only|encode_only|parse_and_read] [-DRUNS=5]
#         [-DVALGRIND=valgrind [-DREQUIRE_GOAL=ON]] [-DWORK=<folder>] [-DINCLUDES=<dir|...>]
#         [-DSYSTEM_INCLUDES=<dir|...>] [-DIMPLICIT_INCLUDES=<dir|...>] -P tests/bench/compile_time.cmake
#
# PROGRAMS defaults to all five. Lists are separated by | (a ; would split the argument on the way here).
# INCLUDES (-I) defaults to this checkout's include/, SYSTEM_INCLUDES (-isystem) is where nlohmann_json is; folders
# in IMPLICIT_INCLUDES, those the compiler searches anyway, are left out of both, so that a -I/usr/include does not
# reorder the system headers. Every file this script writes in WORK is named after its source file, so that runs
# for different programs can share WORK at the same time.
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
set(known_programs dom_round_trip text_and_print fields_only encode_only parse_and_read)
if(NOT PROGRAMS)
  set(PROGRAMS ${known_programs})
endif()
find_program(BASH NAMES bash REQUIRED)

set(goal_permille 1150)  # 1.15x
# The pairs that do not meet the goal yet, each with the ratio of instructions it must not exceed meanwhile (g++ 12.2
# -O2, nlohmann_json 3.11.2): lower it as a change brings the pair down, and remove it once the pair meets the goal.
set(held_permille_fields_only 1201)
set(flags -O2 -std=c++17)
foreach(list PROGRAMS INCLUDES SYSTEM_INCLUDES IMPLICIT_INCLUDES)
  string(REPLACE "|" ";" ${list} "${${list}}")
endforeach()
list(REMOVE_DUPLICATES PROGRAMS)
# The files, the two of each pair side by side: <program>_ours, <program>_hand_written.
set(files)
foreach(program IN LISTS PROGRAMS)
  if(NOT program IN_LIST known_programs)
    string(REPLACE ";" "|" known_text "${known_programs}")
    message(FATAL_ERROR "compile_time.cmake: no program ${program}; PROGRAMS is a |-separated list of ${known_text}")
  endif()
  list(APPEND files ${program}_ours ${program}_hand_written)
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

# compile(<file> <out-prefix>): compiles compile_time/<file>.cpp once; sets <out-prefix>_real and <out-prefix>_cpu in
# milliseconds.
function(compile file out)
  # TIMEFORMAT: wall, user and system seconds with 3 decimals, on the last line of stderr after any compiler output.
  execute_process(
    COMMAND ${BASH} -c "TIMEFORMAT='%3R %3U %3S'; time \"$@\"" bash ${CXX} ${flags} -c
            ${CMAKE_CURRENT_LIST_DIR}/compile_time/${file}.cpp -o ${WORK}/${file}.o
    RESULT_VARIABLE exit_code
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "compiling ${file}.cpp failed (${exit_code}):\n${output}")
  endif()
  if(NOT output MATCHES "([0-9]+)\\.([0-9][0-9][0-9]) ([0-9]+)\\.([0-9][0-9][0-9]) ([0-9]+)\\.([0-9][0-9][0-9])\n?$")
    message(FATAL_ERROR "no time in bash's output for ${file}.cpp:\n${output}")
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
  set(permille ${permille} PARENT_SCOPE)
  if(permille LESS_EQUAL goal_permille)
    set(met yes PARENT_SCOPE)
  else()
    set(met NO PARENT_SCOPE)
  endif()
endfunction()

seconds(goal ${goal_permille})

# Once untimed when there are several runs, so that the first timed run does not read the headers from a cold disk.
if(RUNS GREATER 1)
  foreach(file IN LISTS files)
    compile(${file} warm_up)
  endforeach()
endif()
foreach(run RANGE 1 ${RUNS})
  foreach(file IN LISTS files)
    compile(${file} this)
    list(APPEND ${file}_real ${this_real})
    list(APPEND ${file}_cpu ${this_cpu})
  endforeach()
endforeach()

list(JOIN flags " " shown_flags)
set(report "compile time, ${CXX} ${shown_flags} -c, median of ${RUNS} run(s); goal: ours / hand_written <= ${goal}x:\n")
foreach(file IN LISTS files)
  median(${file}_median_cpu ${${file}_cpu})
  median(${file}_median_real ${${file}_real})
  seconds(cpu ${${file}_median_cpu})
  seconds(real ${${file}_median_real})
  list(JOIN ${file}_cpu ", " each)
  string(APPEND report "  ${file}.cpp: ${cpu} s CPU, ${real} s wall (CPU ms of each run: ${each})\n")
endforeach()

if(VALGRIND)
  # Every compile at once, as one pipeline (the compiler reads nothing from its input); each process writes its
  # own count file, whose `summary:` line is its total.
  set(commands)
  foreach(file IN LISTS files)
    file(GLOB stale ${WORK}/${file}.cachegrind.*)
    if(stale)
      file(REMOVE ${stale})
    endif()
    list(APPEND commands COMMAND ${VALGRIND} --tool=cachegrind --cache-sim=no --trace-children=yes
         --cachegrind-out-file=${WORK}/${file}.cachegrind.%p ${CXX} ${flags} -c
         ${CMAKE_CURRENT_LIST_DIR}/compile_time/${file}.cpp -o ${WORK}/${file}.o)
  endforeach()
  string(TIMESTAMP valgrind_start "%s")
  execute_process(${commands} RESULTS_VARIABLE exit_codes OUTPUT_VARIABLE output ERROR_VARIABLE output)
  string(TIMESTAMP valgrind_end "%s")
  math(EXPR valgrind_seconds "${valgrind_end} - ${valgrind_start}")
  foreach(exit_code IN LISTS exit_codes)
    if(NOT exit_code EQUAL 0)
      message(FATAL_ERROR "compiling under ${VALGRIND} failed (${exit_codes}):\n${output}")
    endif()
  endforeach()
  foreach(file IN LISTS files)
    file(GLOB count_files ${WORK}/${file}.cachegrind.*)
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
      message(FATAL_ERROR "no instructions counted for ${file}.cpp in ${WORK}")
    endif()
    math(EXPR ${file}_instructions "${instructions} / 1000000")
  endforeach()
  string(APPEND report "  instructions counted under valgrind, once each, all files at once: "
         "${valgrind_seconds} s wall\n")
endif()

# The two programs of a pair must print the same text for their ratio to compare the same work.
foreach(file IN LISTS files)
  execute_process(COMMAND ${CXX} ${WORK}/${file}.o -o ${WORK}/${file} RESULT_VARIABLE exit_code ERROR_VARIABLE output)
  if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "linking ${file} failed (${exit_code}):\n${output}")
  endif()
  execute_process(COMMAND ${WORK}/${file} RESULT_VARIABLE exit_code OUTPUT_VARIABLE ${file}_output
                  ERROR_VARIABLE output)
  if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "running ${file} failed (${exit_code}):\n${output}")
  endif()
endforeach()

# One line a pair: its ratios, each against the goal; with VALGRIND, the pairs that miss it in instructions.
set(missed)
foreach(program IN LISTS PROGRAMS)
  set(ours ${program}_ours)
  set(hand_written ${program}_hand_written)
  if(NOT ${ours}_output STREQUAL ${hand_written}_output)
    message(FATAL_ERROR "${report}${program}: the two programs print different text:\n${ours}:\n${${ours}_output}\n"
                        "${hand_written}:\n${${hand_written}_output}")
  endif()
  set(line "  ${program}, ours / hand_written:")
  if(${hand_written}_median_cpu GREATER 0)
    judge(${${ours}_median_cpu} ${${hand_written}_median_cpu})
    string(APPEND line " CPU ${ratio}x, met: ${met};")
  endif()
  if(VALGRIND)
    judge(${${ours}_instructions} ${${hand_written}_instructions})
    string(APPEND line " instructions ${${ours}_instructions} M / ${${hand_written}_instructions} M = ${ratio}x, "
           "met: ${met};")
    if(NOT met)
      if(DEFINED held_permille_${program})
        seconds(held ${held_permille_${program}})
        string(APPEND line " held at <= ${held}x until it is;")
        if(permille GREATER held_permille_${program})
          list(APPEND missed "${program} (over the ${held}x it holds)")
        endif()
      else()
        list(APPEND missed ${program})
      endif()
    endif()
  endif()
  string(APPEND report "${line} both print the same text\n")
endforeach()
message("${report}")
if(REQUIRE_GOAL AND missed)
  list(JOIN missed ", " missed)
  message(FATAL_ERROR "the compile-time goal (ours / hand_written <= ${goal}x in instructions), or the ratio a pair "
                      "holds until it meets it, is not met by: ${missed}")
endif()
