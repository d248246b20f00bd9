# Runs one libFuzzer target for a ctest test; the source tree is only read.
#
#   cmake -DFUZZER=<program> -DSEEDS=<seed corpus folder> -DDICT=<dictionary> -DWORK=<folder in the build tree>
#         (-DSECONDS=<n> | -DREGRESSIONS=<folder>) -P run_fuzzer.cmake
#
# SECONDS: fuzzes that long on a fresh copy of the seeds in WORK/corpus, then prints one line of libFuzzer's final
# stats. REGRESSIONS: runs each file in that folder (but dot files and READMEs) and each seed once.
# Fails on any finding; a fuzzing run leaves the input that found it in WORK/artifacts.
foreach(variable FUZZER SEEDS DICT WORK)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "run_fuzzer.cmake needs -D${variable}=...")
  endif()
endforeach()

get_filename_component(name ${FUZZER} NAME)
set(log ${WORK}/${name}.log)
# Every run is bounded: ten seconds an input, 2 GiB of memory (libFuzzer reports either as a finding).
set(limits -timeout=10 -rss_limit_mb=2048 -dict=${DICT})

if(DEFINED REGRESSIONS)
  file(GLOB saved LIST_DIRECTORIES false ${REGRESSIONS}/*)
  list(FILTER saved EXCLUDE REGEX "/(\\.[^/]*|README[^/]*)$")
  file(GLOB seeds LIST_DIRECTORIES false ${SEEDS}/*)
  list(LENGTH saved saved_count)
  list(LENGTH seeds seed_count)
  file(MAKE_DIRECTORY ${WORK})
  # Given files, libFuzzer runs each once and stops at the first that fails.
  execute_process(
    COMMAND ${FUZZER} ${limits} ${saved} ${seeds}
    RESULT_VARIABLE result
    OUTPUT_FILE ${log}
    ERROR_FILE ${log})
  set(summary "${name}: ${saved_count} regression inputs and ${seed_count} seeds run once")
else()
  if(NOT SECONDS MATCHES "^[0-9]+$")
    message(FATAL_ERROR "run_fuzzer.cmake needs -DSECONDS=<whole seconds> or -DREGRESSIONS=<folder>")
  endif()
  file(REMOVE_RECURSE ${WORK}/corpus ${WORK}/artifacts)
  file(MAKE_DIRECTORY ${WORK}/artifacts)
  file(COPY ${SEEDS}/ DESTINATION ${WORK}/corpus)
  math(EXPR deadline "${SECONDS} + 60")
  execute_process(
    COMMAND ${FUZZER} ${WORK}/corpus ${limits} -max_total_time=${SECONDS} -artifact_prefix=${WORK}/artifacts/
            -print_final_stats=1
    RESULT_VARIABLE result
    OUTPUT_FILE ${log}
    ERROR_FILE ${log}
    TIMEOUT ${deadline})

  # libFuzzer's last status line: "#<runs>\tDONE   cov: <edges> ft: <features> corp: <units>/<size> ... exec/s: <n>".
  file(STRINGS ${log} done REGEX "^#[0-9]+\tDONE ")
  file(STRINGS ${log} took REGEX "^Done [0-9]+ runs in [0-9]+ second")
  string(REGEX REPLACE "^#([0-9]+)\tDONE +(cov: [0-9]+ ft: [0-9]+ corp: [^ ]+).* exec/s: ([0-9]+).*$"
                       "\\1 runs, \\3 exec/s, \\2" done "${done}")
  string(REGEX REPLACE "^Done [0-9]+ runs in ([0-9]+) second.*$" " in \\1 s" took "${took}")
  set(summary "${name}: ${done}${took}")
endif()

if(NOT result EQUAL 0)
  # The report is at the end of the log, after libFuzzer's progress lines: show the last 8 KiB as they are.
  file(SIZE ${log} size)
  set(tail_start 0)
  if(size GREATER 8192)
    math(EXPR tail_start "${size} - 8192")
  endif()
  file(READ ${log} report OFFSET ${tail_start})
  message(NOTICE "${report}")
  file(GLOB artifacts ${WORK}/artifacts/*)
  message(FATAL_ERROR "${name} failed (${result}); full log: ${log}\n"
                      "inputs that found it: ${artifacts}\n"
                      "reproduce: ${FUZZER} <input>; keep it as a regression: copy it to tests/fuzz/regressions/")
endif()
message(STATUS "${summary}")
