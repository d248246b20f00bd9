# bench.smoke: runs the benchmark binary briefly and passes when it exits 0, prints a complete ratio table (a
# PASS_REGULAR_EXPRESSION alone would ignore the exit code) and meets the allocation goal, which is a count and so
# the same on any machine. No timing is judged here: CI machines are too noisy.
#   cmake -DBENCH=<konnect_models_bench> -P run_smoke.cmake
execute_process(
  COMMAND ${BENCH} --benchmark_min_time=0.001 --benchmark_repetitions=1
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
message("${output}")
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "konnect_models_bench failed (${exit_code})")
endif()
if(NOT output MATCHES "konnect-models performance goals")
  message(FATAL_ERROR "konnect_models_bench printed no ratio table")
endif()
if(output MATCHES " n/a")
  message(FATAL_ERROR "the ratio table is missing a case")
endif()
if(output MATCHES "allocations per decode +[0-9.]+ +<= [0-9.]+ +NO")
  message(FATAL_ERROR "an allocation goal is not met")
endif()
