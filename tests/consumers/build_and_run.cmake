# Builds one consumer project against this checkout, runs its program, installs it, and checks what
# konnect-models added to the project.
#
#   -DPROJECT=dir          the consumer project (a folder of tests/consumers)
#   -DCHECKOUT=dir         this konnect-models checkout
#   -DWORK=dir             scratch folder, emptied first
#   -DCXX=path             the C++ compiler
#   -DOPTIONS=a|b          configure options, separated by |
#   -DPIN_COMMIT=ON        fetch the checkout's current commit (KONNECT_MODELS_GIT_REPOSITORY / _GIT_TAG)
#   -DEXPECT_TARGETS=a|b   konnect-models' own targets the project must end up with (default: none)
#   -DCONFIGURE_ONLY=ON    stop after checking the targets
#   -DWITH_FMT=ON          also build and run consumer_fmt.cpp, which uses konnect/fmt.hpp (see fmt_program.cmake)
#
# The project sees the checkout as third_party/konnect-models, so its README lines run as written.

cmake_minimum_required(VERSION 3.14)

include(${CMAKE_CURRENT_LIST_DIR}/../run_step.cmake)

file(REMOVE_RECURSE ${WORK})
file(COPY ${PROJECT}/ ${CHECKOUT}/tests/consumers/consumer.cpp ${CHECKOUT}/tests/consumers/consumer_fmt.cpp
          ${CHECKOUT}/tests/consumers/fmt_program.cmake DESTINATION ${WORK}/source)
file(MAKE_DIRECTORY ${WORK}/source/third_party)
file(CREATE_LINK ${CHECKOUT} ${WORK}/source/third_party/konnect-models SYMBOLIC)

string(REPLACE "|" ";" options "${OPTIONS}")
set(programs consumer)
if(WITH_FMT)
  list(APPEND options -DCONSUMER_WITH_FMT=ON)
  list(APPEND programs consumer_fmt)
endif()
if(PIN_COMMIT)
  run("git rev-parse" git -C ${CHECKOUT} rev-parse HEAD)
  string(STRIP "${output}" commit)
  list(APPEND options -DKONNECT_MODELS_GIT_REPOSITORY=${CHECKOUT} -DKONNECT_MODELS_GIT_TAG=${commit})
  message(STATUS "Fetching konnect-models at ${commit}; uncommitted changes are not part of it")
endif()

run("Configuring ${PROJECT}" ${CMAKE_COMMAND} -S ${WORK}/source -B ${WORK}/build -DCMAKE_CXX_COMPILER=${CXX}
    -DCMAKE_PROJECT_consumer_INCLUDE=${CMAKE_CURRENT_LIST_DIR}/report_targets.cmake ${options})
string(REGEX MATCHALL "konnect-models target: [a-z_]+" reported "${output}")
string(REPLACE "konnect-models target: " "" reported "${reported}")
string(REPLACE "|" ";" expected "${EXPECT_TARGETS}")
if(NOT "${reported}" STREQUAL "${expected}")
  message(FATAL_ERROR "konnect-models added the targets [${reported}], expected [${expected}]:\n${output}")
endif()
if(CONFIGURE_ONLY)
  message(STATUS "konnect-models added the targets [${reported}], as expected")
  return()
endif()

run("Building ${PROJECT}" ${CMAKE_COMMAND} --build ${WORK}/build)
foreach(program ${programs})
  run("Running ${program}" ${WORK}/build/${program})
  message(STATUS "${output}")
  if(NOT output MATCHES "^(decoded and encoded|formatted) .*konnect_token: \\[redacted\\]" OR output MATCHES "kpat_")
    message(FATAL_ERROR "${program} printed something unexpected:\n${output}")
  endif()
endforeach()

# Installing the project installs its programs and nothing of konnect-models.
run("Installing ${PROJECT}" ${CMAKE_COMMAND} --install ${WORK}/build --prefix ${WORK}/prefix)
file(GLOB_RECURSE installed RELATIVE ${WORK}/prefix ${WORK}/prefix/*)
list(TRANSFORM programs PREPEND bin/ OUTPUT_VARIABLE expected)
list(SORT installed)
if(NOT installed STREQUAL expected)
  message(FATAL_ERROR "Installing the consumer installed [${installed}], expected [${expected}]")
endif()
