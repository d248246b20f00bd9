# Injected into a consumer project (CMAKE_PROJECT_consumer_INCLUDE) by build_and_run.cmake: once the
# whole project is configured, it reports which of konnect-models' own targets exist, so the test can
# tell that a subproject adds only konnect::models unless asked for more.
function(konnect_models_report_targets)
  foreach(target konnect_models_tests decode_response build_response)
    if(TARGET ${target})
      message(STATUS "konnect-models target: ${target}")
    endif()
  endforeach()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL konnect_models_report_targets)
