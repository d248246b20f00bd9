# run(<what> <command...>): runs a command in a CMake script, stops the script with the command's
# output when it fails, and leaves that output in `output`.
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE exit_code OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT exit_code EQUAL 0)
    message(FATAL_ERROR "${what} failed (${exit_code}):\n${output}")
  endif()
  set(output "${output}" PARENT_SCOPE)
endfunction()
