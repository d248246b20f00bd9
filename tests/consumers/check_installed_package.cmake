# Installs the checkout into an empty prefix as the README says (install.sh) and checks what it put there:
# exactly the headers and the package files, with a version file that answers find_package as the README says.
#
#   -DCHECKOUT=dir   this konnect-models checkout
#   -DWORK=dir       scratch folder, emptied first
#   -DPREFIX=dir     the install prefix, emptied first
#   -DVERSION=x.y.z  the project's version

cmake_minimum_required(VERSION 3.14)
include(${CMAKE_CURRENT_LIST_DIR}/../run_step.cmake)

run("Installing" bash ${CMAKE_CURRENT_LIST_DIR}/install.sh ${CHECKOUT} ${WORK} ${PREFIX})

file(GLOB_RECURSE installed RELATIVE ${PREFIX} ${PREFIX}/*)
list(SORT installed)
set(expected
    include/konnect/fmt.hpp
    include/konnect/personal_access_token_create_response.hpp
    share/cmake/konnect_models/konnect_modelsConfig.cmake
    share/cmake/konnect_models/konnect_modelsConfigVersion.cmake
    share/cmake/konnect_models/konnect_modelsTargets.cmake
    share/pkgconfig/konnect_models.pc)
if(NOT installed STREQUAL expected)
  message(FATAL_ERROR "Installed [${installed}], expected [${expected}]")
endif()

# Asks the version file as find_package(konnect_models <requested>) would, on a machine with the given
# pointer size.
function(check_version_answer requested pointer_size expected_answer)
  set(PACKAGE_FIND_VERSION ${requested})
  string(REPLACE "." ";" parts ${requested})
  list(GET parts 0 PACKAGE_FIND_VERSION_MAJOR)
  list(GET parts 1 PACKAGE_FIND_VERSION_MINOR)
  set(CMAKE_SIZEOF_VOID_P ${pointer_size})
  include(${PREFIX}/share/cmake/konnect_models/konnect_modelsConfigVersion.cmake)
  if(PACKAGE_VERSION_UNSUITABLE)
    set(PACKAGE_VERSION_COMPATIBLE FALSE)
  endif()
  if(NOT PACKAGE_VERSION_COMPATIBLE STREQUAL expected_answer)
    message(FATAL_ERROR "Asking for ${requested} with ${pointer_size}-byte pointers: compatible is "
                        "'${PACKAGE_VERSION_COMPATIBLE}', expected '${expected_answer}'")
  endif()
endfunction()

string(REGEX MATCH "^[0-9]+\\.[0-9]+" major_minor ${VERSION})
string(REGEX MATCH "^[0-9]+" major ${VERSION})
math(EXPR next_major "${major} + 1")
check_version_answer(${major_minor} 8 TRUE)
check_version_answer(${major_minor} 4 TRUE)  # architecture-independent: a 32-bit build may use it too
check_version_answer(${next_major}.0 8 FALSE)  # another major is another API
check_version_answer(${major}.999 8 FALSE)  # newer than what is installed
string(REGEX MATCH "[0-9]+$" minor ${major_minor})
if(major EQUAL 0 AND minor GREATER 0)
  math(EXPR previous_minor "${minor} - 1")
  check_version_answer(0.${previous_minor} 8 FALSE)  # while the major is 0, another minor is another API
else()
  check_version_answer(${major}.0 8 TRUE)
endif()
message(STATUS "Installed: ${installed}")
