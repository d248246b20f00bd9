# Runs an example program and checks how it ends and what it prints (stdout and stderr together).
#
#   -DPROGRAM=path       the program to run
#   -DARGUMENT=arg       its one argument (optional)
#   -DPRODUCER=path      a program whose output becomes PROGRAM's standard input (optional)
#   -DEXIT_CODE=n        the exit status expected
#   -DEXPECT=regex       must match the output
#   -DREJECT=regex       must not match the output (optional)

set(input_file /dev/null)
if(PRODUCER)
  get_filename_component(producer_name "${PRODUCER}" NAME)
  set(input_file "${CMAKE_CURRENT_BINARY_DIR}/${producer_name}.output")
  execute_process(COMMAND "${PRODUCER}" OUTPUT_FILE "${input_file}" RESULT_VARIABLE producer_exit)
  if(NOT producer_exit EQUAL 0)
    message(FATAL_ERROR "${PRODUCER} exited with ${producer_exit}")
  endif()
endif()

execute_process(
  COMMAND "${PROGRAM}" ${ARGUMENT}
  INPUT_FILE "${input_file}"
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)

message("${output}")
if(NOT "${exit_code}" STREQUAL "${EXIT_CODE}")
  message(FATAL_ERROR "${PROGRAM} exited with ${exit_code}, expected ${EXIT_CODE}")
endif()
if(NOT output MATCHES "${EXPECT}")
  message(FATAL_ERROR "the output does not match: ${EXPECT}")
endif()
if(REJECT AND output MATCHES "${REJECT}")
  message(FATAL_ERROR "the output matches what it must not: ${REJECT}")
endif()
