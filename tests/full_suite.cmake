# The full suite: what KONNECT_MODELS_FULL_SUITE adds to the everyday tests of CMakeLists.txt here (the labels are
# listed there). `.ci/run` runs it with every package of every cell, and KONNECT_MODELS_REQUIRE_EVERY_TEST on.

# ---- style: the layout of every C++ file (clang-format) and the header's static analysis (clang-tidy, configured in
# .clang-tidy). Each gate also runs on deliberately broken code (style/broken/ for clang-tidy, a copy made at test
# time for clang-format), to show that it fails. Other releases of these tools lay out and check code a little
# differently, so the gates run with the release the project is checked with.
set(style ${CMAKE_CURRENT_SOURCE_DIR}/style)

# konnect_models_find_style_tool(<variable> <tool> <its tests...>): the tool's release 14, or its tests left out.
function(konnect_models_find_style_tool variable name)
  find_program(${variable} NAMES ${name}-14 ${name})
  if(${variable})
    execute_process(COMMAND ${${variable}} --version OUTPUT_VARIABLE version)
    if(version MATCHES "version 14\\.")
      return()
    endif()
  endif()
  set(${variable} "" PARENT_SCOPE)
  konnect_models_not_tested("${ARGN}" style "needs ${name} 14 (Debian 12: apt-get install ${name})")
endfunction()

konnect_models_find_style_tool(KONNECT_MODELS_CLANG_FORMAT clang-format style.clang_format
                               style.clang_format_rejects_misformatted_code)
if(KONNECT_MODELS_CLANG_FORMAT)
  file(GLOB_RECURSE formatted_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/*.hpp
       ${PROJECT_SOURCE_DIR}/tests/*.hpp ${PROJECT_SOURCE_DIR}/tests/*.cpp ${PROJECT_SOURCE_DIR}/examples/*.cpp)
  add_test(NAME style.clang_format COMMAND ${KONNECT_MODELS_CLANG_FORMAT} --dry-run --Werror ${formatted_files})
  add_test(NAME style.clang_format_rejects_misformatted_code
           COMMAND ${CMAKE_COMMAND} -DCLANG_FORMAT=${KONNECT_MODELS_CLANG_FORMAT}
                   -DSOURCE=${CMAKE_CURRENT_SOURCE_DIR}/consumers/consumer.cpp -DWORK=${CMAKE_CURRENT_BINARY_DIR} -P
                   ${style}/misformat.cmake)
  set_tests_properties(style.clang_format style.clang_format_rejects_misformatted_code PROPERTIES LABELS style)
endif()

# The library names nothing of nlohmann_json's internal namespace; the check is also shown to find such a name.
add_test(NAME style.nlohmann_public_api_only COMMAND ${CMAKE_COMMAND} -DINCLUDE=${PROJECT_SOURCE_DIR}/include -P
                                                     ${style}/public_api_only.cmake)
add_test(NAME style.nlohmann_public_api_only_finds_an_internal_name
         COMMAND ${CMAKE_COMMAND} -DINCLUDE=${PROJECT_SOURCE_DIR}/include -DWORK=${CMAKE_CURRENT_BINARY_DIR} -P
                 ${style}/public_api_only.cmake)
set_tests_properties(style.nlohmann_public_api_only style.nlohmann_public_api_only_finds_an_internal_name
                     PROPERTIES LABELS style)

# Every test carries labels of the documented set.
string(REPLACE ";" "|" labels "${konnect_models_test_labels}")
add_test(NAME style.every_test_has_a_documented_label
         COMMAND ${CMAKE_COMMAND} -DBUILD=${PROJECT_BINARY_DIR} -DCTEST=${CMAKE_CTEST_COMMAND} "-DLABELS=${labels}" -P
                 ${CMAKE_CURRENT_SOURCE_DIR}/check_labels.cmake)
set_tests_properties(style.every_test_has_a_documented_label PROPERTIES LABELS style)

# What clang-tidy reads is also built with the strict warnings, and run.
add_executable(every_entry_point ${style}/every_entry_point.cpp)
target_link_libraries(every_entry_point PRIVATE konnect::models)
konnect_models_strict_warnings(every_entry_point)
add_test(NAME style.every_entry_point_behaves_as_documented COMMAND every_entry_point)
set_tests_properties(style.every_entry_point_behaves_as_documented PROPERTIES LABELS style)

konnect_models_find_style_tool(KONNECT_MODELS_CLANG_TIDY clang-tidy style.clang_tidy.c++17 style.clang_tidy.c++20
                               style.clang_tidy_rejects_a_finding)
if(KONNECT_MODELS_CLANG_TIDY)
  foreach(standard 17 20)
    add_test(NAME style.clang_tidy.c++${standard}
             COMMAND ${KONNECT_MODELS_CLANG_TIDY} --quiet ${style}/every_entry_point.cpp -- -std=c++${standard}
                     -I${PROJECT_SOURCE_DIR}/include)
    set_tests_properties(style.clang_tidy.c++${standard} PROPERTIES LABELS style)
  endforeach()
  add_test(NAME style.clang_tidy_rejects_a_finding COMMAND ${KONNECT_MODELS_CLANG_TIDY} --quiet ${style}/broken/tidy_finding.cpp
                                                           -- -std=c++17 -I${PROJECT_SOURCE_DIR}/include)
  set_tests_properties(style.clang_tidy_rejects_a_finding PROPERTIES LABELS style PASS_REGULAR_EXPRESSION
                                                                     "error: .*\\[bugprone-use-after-move,-warnings-as-errors\\]")
endif()

# ---- matrix: the unit tests once more in a build folder of their own for each cell this build (its compiler,
# standard and packages) leaves out. A cell is named by what it uses; a cell whose package is not given runs with the
# system's and says so in its name, and KONNECT_MODELS_REQUIRE_EVERY_TEST makes that an error.
#   the oldest:  clang++, C++20, the other Catch2 major, the oldest nlohmann_json supported, under ASan and UBSan
#   the newer:   g++, C++17, a newer nlohmann_json and fmt, each test file its own translation unit
set(KONNECT_MODELS_SECOND_CATCH2_DIR "" CACHE PATH "Catch2_DIR of the other Catch2 major, for the oldest cell")
set(KONNECT_MODELS_OLDEST_NLOHMANN_JSON_DIR
    ""
    CACHE PATH "nlohmann_json_DIR of the oldest nlohmann_json supported, for the oldest cell")
set(KONNECT_MODELS_NEWER_NLOHMANN_JSON_DIR "" CACHE PATH "nlohmann_json_DIR of a newer nlohmann_json, for the newer cell")
set(KONNECT_MODELS_NEWER_FMT_DIR "" CACHE PATH "fmt_DIR of a newer fmt, for the newer cell")

# A test that configures this checkout in a build folder of its own with another compiler and options, builds some
# targets there and runs a command in that folder (see build_and_run_elsewhere.cmake).
function(konnect_models_elsewhere_test name labels)
  cmake_parse_arguments(PARSE_ARGV 2 elsewhere "" "COMPILER" "OPTIONS;TARGETS;RUN")
  string(REPLACE ";" "|" options "-G${CMAKE_GENERATOR};${elsewhere_OPTIONS}")
  string(REPLACE ";" "|" targets "${elsewhere_TARGETS}")
  string(REPLACE ";" "|" run "${elsewhere_RUN}")
  add_test(NAME ${name}
           COMMAND ${CMAKE_COMMAND} -DCHECKOUT=${PROJECT_SOURCE_DIR} -DWORK=${CMAKE_CURRENT_BINARY_DIR}/${name}
                   -DCXX=${elsewhere_COMPILER} "-DOPTIONS=${options}" "-DTARGETS=${targets}" "-DRUN=${run}" -P
                   ${CMAKE_CURRENT_SOURCE_DIR}/build_and_run_elsewhere.cmake)
  set_tests_properties(${name} PROPERTIES LABELS "${labels}" PROCESSORS 2)
endfunction()

# konnect_models_package_version(<package_dir> <package> <out>): the version in a package's version file.
function(konnect_models_package_version package_dir package out)
  file(GLOB version_file ${package_dir}/${package}ConfigVersion.cmake ${package_dir}/${package}-config-version.cmake)
  if(NOT version_file)
    message(FATAL_ERROR "${package_dir} holds no version file of ${package}")
  endif()
  file(STRINGS ${version_file} version REGEX "set\\(PACKAGE_VERSION \"")
  string(REGEX MATCH "[0-9]+(\\.[0-9]+)*" version "${version}")
  set(${out} ${version} PARENT_SCOPE)
endfunction()

# konnect_models_matrix_package(<cell> <what> <package> <dir> <option> <name_out> <options_out>): adds the package
# in <dir> to a cell's name and configure options; without <dir>, says the cell runs with the system's.
function(konnect_models_matrix_package cell what package dir option name_out options_out)
  if(NOT dir)
    if(KONNECT_MODELS_REQUIRE_EVERY_TEST)
      message(FATAL_ERROR "konnect-models tests: the ${cell} cell needs ${what}: set ${option}")
    endif()
    message(STATUS "konnect-models tests: the ${cell} cell runs with the system's ${package}: set ${option} "
                   "to the package folder of ${what}")
    return()
  endif()
  konnect_models_package_version(${dir} ${package} version)
  string(TOLOWER ${package} package_name)
  set(${name_out} "${${name_out}}.${package_name}_${version}" PARENT_SCOPE)
  set(${options_out} ${${options_out}} -D${package}_DIR=${dir} PARENT_SCOPE)
  set(${package}_matrix_version ${version} PARENT_SCOPE)
endfunction()

set(cell_run ${CMAKE_CTEST_COMMAND} --output-on-failure --parallel 2 -L unit)
set(schema_suite_option -DKONNECT_MODELS_JSON_SCHEMA_TEST_SUITE_DIR=${KONNECT_MODELS_JSON_SCHEMA_TEST_SUITE_DIR})

if(KONNECT_MODELS_CLANGXX)
  set(oldest_cell suite.clang++.c++20)
  set(oldest_options
      -DCMAKE_CXX_STANDARD=20 ${schema_suite_option}
      "-DCMAKE_CXX_FLAGS=-g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all")
  konnect_models_matrix_package(oldest "the other Catch2 major" Catch2 "${KONNECT_MODELS_SECOND_CATCH2_DIR}"
                                KONNECT_MODELS_SECOND_CATCH2_DIR oldest_cell oldest_options)
  konnect_models_matrix_package(
    oldest "nlohmann_json ${konnect_models_nlohmann_json_minimum}" nlohmann_json
    "${KONNECT_MODELS_OLDEST_NLOHMANN_JSON_DIR}" KONNECT_MODELS_OLDEST_NLOHMANN_JSON_DIR oldest_cell oldest_options)
  if(KONNECT_MODELS_OLDEST_NLOHMANN_JSON_DIR AND NOT nlohmann_json_matrix_version VERSION_EQUAL
                                                 konnect_models_nlohmann_json_minimum)
    message(FATAL_ERROR "KONNECT_MODELS_OLDEST_NLOHMANN_JSON_DIR holds nlohmann_json ${nlohmann_json_matrix_version}, "
                        "not the oldest supported, ${konnect_models_nlohmann_json_minimum}")
  endif()
  konnect_models_elsewhere_test(
    ${oldest_cell}.asan_ubsan "matrix;sanitize"
    COMPILER ${KONNECT_MODELS_CLANGXX}
    OPTIONS ${oldest_options}
    TARGETS unit_tests
    RUN ${cell_run})
else()
  konnect_models_not_tested(suite.clang++.c++20.asan_ubsan "matrix;sanitize" "needs clang++ (apt-get install clang)")
endif()

if(KONNECT_MODELS_GXX)
  set(newer_cell suite.g++.c++17)
  # Under g++'s UndefinedBehaviorSanitizer too, not only clang++'s: g++ takes fewer expressions for constant ones
  # under it, and checks at run time what it compiled.
  set(newer_options -DCMAKE_CXX_STANDARD=17 -DKONNECT_MODELS_UNITY_BUILD=OFF ${schema_suite_option}
                    "-DCMAKE_CXX_FLAGS=-fsanitize=undefined -fno-sanitize-recover=all")
  konnect_models_matrix_package(newer "a newer nlohmann_json" nlohmann_json "${KONNECT_MODELS_NEWER_NLOHMANN_JSON_DIR}"
                                KONNECT_MODELS_NEWER_NLOHMANN_JSON_DIR newer_cell newer_options)
  konnect_models_matrix_package(newer "a newer fmt" fmt "${KONNECT_MODELS_NEWER_FMT_DIR}" KONNECT_MODELS_NEWER_FMT_DIR
                                newer_cell newer_options)
  if(KONNECT_MODELS_NEWER_FMT_DIR)
    # spdlog and fmt's shared library are built for other systems than this one: with another fmt, fmt itself is
    # tested, header-only.
    list(APPEND newer_options -DCMAKE_DISABLE_FIND_PACKAGE_spdlog=ON -DKONNECT_MODELS_FMT_TARGET=fmt::fmt-header-only)
  endif()
  konnect_models_elsewhere_test(
    ${newer_cell}.ubsan "matrix;sanitize"
    COMPILER ${KONNECT_MODELS_GXX}
    OPTIONS ${newer_options}
    TARGETS unit_tests
    RUN ${cell_run})
else()
  konnect_models_not_tested(suite.g++.c++17.ubsan "matrix;sanitize" "needs g++ (apt-get install g++)")
endif()

# The vendored header on its own, warning-free under strict flags, with each compiler and standard.
foreach(compiler g++ clang++)
  string(TOUPPER ${compiler} variable)
  string(REPLACE "+" "X" variable KONNECT_MODELS_${variable})
  foreach(standard 17 20)
    set(name vendored.${compiler}.c++${standard})
    if(TEST consumer.${name})
      continue()  # the everyday suite has it
    endif()
    if(${variable})
      konnect_models_consumer_command_test(${name} vendored ${PROJECT_SOURCE_DIR} ${${variable}} -std=c++${standard})
      set_tests_properties(consumer.${name} PROPERTIES LABELS "consumer;matrix")
    else()
      konnect_models_not_tested(consumer.${name} "consumer;matrix" "needs ${compiler}")
    endif()
  endforeach()
endforeach()

# ---- memcheck: valgrind on this build's own unit test binary, where any error or leak fails the run. Memcheck is
# some 30 times slower, so the wall-clock guards get that much more room, the property tests (which the other runs
# give their 2000 documents) a tenth of the documents, and the [huge] tests and the [slow] ones (text nested a
# million levels deep) are left to the others.
find_program(KONNECT_MODELS_VALGRIND NAMES valgrind)
set(memcheck_test suite.memcheck.${this_compiler})
if(KONNECT_MODELS_VALGRIND)
  # The secret tests replace the global allocation functions to watch what a released block holds;
  # nouserintercepts keeps valgrind from replacing those replacements with its own.
  add_test(NAME ${memcheck_test}
           COMMAND ${KONNECT_MODELS_VALGRIND} --quiet --error-exitcode=1 --leak-check=full
                   --soname-synonyms=somalloc=nouserintercepts $<TARGET_FILE:konnect_models_tests> ~[huge]~[slow])
  set_tests_properties(${memcheck_test} PROPERTIES LABELS memcheck ENVIRONMENT
                                                   "KONNECT_MODELS_TEST_TIME_FACTOR=30;KONNECT_MODELS_PROPERTY_CASES=200")
else()
  konnect_models_not_tested(${memcheck_test} memcheck "needs valgrind (apt-get install valgrind)")
endif()

# ---- fuzz: each libFuzzer target (fuzz/) fuzzes for KONNECT_MODELS_FUZZ_SECONDS from its seed corpus, then replays
# the inputs that once found a bug; any crash, leak, undefined behaviour or timeout fails.
option(KONNECT_MODELS_BUILD_FUZZERS "Build the libFuzzer targets here (Clang only)" OFF)
set(KONNECT_MODELS_FUZZ_SECONDS 60 CACHE STRING "How long each fuzz.<name> test fuzzes, in seconds")
if(KONNECT_MODELS_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "KONNECT_MODELS_BUILD_FUZZERS needs Clang's libFuzzer; this compiler is ${CMAKE_CXX_COMPILER_ID}")
  endif()
  add_subdirectory(fuzz)
elseif(KONNECT_MODELS_CLANGXX)
  konnect_models_elsewhere_test(
    fuzz fuzz
    COMPILER ${KONNECT_MODELS_CLANGXX}
    OPTIONS -DKONNECT_MODELS_FULL_SUITE=ON -DKONNECT_MODELS_BUILD_FUZZERS=ON
            -DKONNECT_MODELS_FUZZ_SECONDS=${KONNECT_MODELS_FUZZ_SECONDS} -DKONNECT_MODELS_BUILD_BENCHMARKS=OFF
    TARGETS fuzz_parse fuzz_validate fuzz_formats
    RUN ${CMAKE_CTEST_COMMAND} --output-on-failure --parallel 2 -L fuzz)
else()
  konnect_models_not_tested(fuzz fuzz "needs clang++ with libFuzzer (apt-get install clang libclang-rt-dev)")
endif()

# ---- bench: the benchmarks (bench/, Google Benchmark), run briefly, and the compile-time goal; they judge no time.
option(KONNECT_MODELS_BUILD_BENCHMARKS "Build the benchmarks (needs Google Benchmark)" ON)
if(KONNECT_MODELS_BUILD_BENCHMARKS)
  add_subdirectory(bench)
endif()

# ---- consumer: the other routes.
konnect_models_consumer_project_test(
  add_subdirectory_adds_tests_and_examples_only_when_asked CONFIGURE_ONLY
  PROJECT add_subdirectory
  OPTIONS "-DKONNECT_MODELS_BUILD_TESTS=ON|-DKONNECT_MODELS_BUILD_EXAMPLES=ON|-DCatch2_DIR=${Catch2_DIR}"
  EXPECT_TARGETS "konnect_models_tests|decode_response|build_response")
konnect_models_consumer_project_test(
  add_subdirectory_honours_build_testing_off CONFIGURE_ONLY
  PROJECT add_subdirectory
  OPTIONS "-DKONNECT_MODELS_BUILD_TESTS=ON|-DBUILD_TESTING=OFF")

find_package(Git QUIET)
if(Git_FOUND AND EXISTS ${PROJECT_SOURCE_DIR}/.git)
  konnect_models_consumer_project_test(fetch_content PROJECT fetch_content PIN_COMMIT)
else()
  konnect_models_not_tested(consumer.fetch_content consumer "needs git and a git checkout")
endif()

# Two vendored copies of different versions in one program: each sees its own types (the versioned inline namespace).
add_test(NAME consumer.two_versions_in_one_program
         COMMAND bash ${consumers}/two_versions.sh ${PROJECT_SOURCE_DIR} ${consumers_work}/two_versions ${CMAKE_CXX_COMPILER}
                 ${konnect_models_warning_flags})
set_tests_properties(consumer.two_versions_in_one_program PROPERTIES LABELS consumer)

# Installing as the README says, then the projects that find the installed package.
set(consumer_prefix ${consumers_work}/installed)
add_test(NAME consumer.install COMMAND ${CMAKE_COMMAND} -DCHECKOUT=${PROJECT_SOURCE_DIR} -DWORK=${consumers_work}/install
                                       -DPREFIX=${consumer_prefix} -DVERSION=${PROJECT_VERSION} -P
                                       ${consumers}/check_installed_package.cmake)
set_tests_properties(consumer.install PROPERTIES LABELS consumer FIXTURES_SETUP installed_package)

konnect_models_consumer_project_test(find_package PROJECT find_package OPTIONS "-DCMAKE_PREFIX_PATH=${consumer_prefix}")
set_tests_properties(consumer.find_package PROPERTIES FIXTURES_REQUIRED installed_package)

find_program(KONNECT_MODELS_PKG_CONFIG NAMES pkg-config pkgconf)
if(KONNECT_MODELS_PKG_CONFIG)
  konnect_models_consumer_command_test(pkg_config pkg-config ${consumer_prefix} ${CMAKE_CXX_COMPILER})
  set_tests_properties(consumer.pkg_config PROPERTIES FIXTURES_REQUIRED installed_package)
else()
  konnect_models_not_tested(consumer.pkg_config consumer "needs pkg-config (apt-get install pkgconf)")
endif()
