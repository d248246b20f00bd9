# Checks that the library uses nlohmann_json's public API only: no header under include/ names nlohmann's internal
# namespace, whose classes and their shapes may change in any release. With -DWORK, it shows instead that the check
# finds such a name: it runs on a copy of the main header with one added, in WORK, and fails if the check passes it.
#
#   -DINCLUDE=dir  the library's include/ folder
#   [-DWORK=dir]   where the copy with an internal name is written

cmake_minimum_required(VERSION 3.14)

# internal_uses(<out> <files...>): "file: line" for each line that names nlohmann's internal namespace.
function(internal_uses out)
  set(found "")
  foreach(file IN LISTS ARGN)
    file(STRINGS ${file} lines REGEX "nlohmann::(json_abi[A-Za-z0-9_]*::)?detail::")
    foreach(line IN LISTS lines)
      string(APPEND found "${file}: ${line}\n")
    endforeach()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE headers ${INCLUDE}/*.hpp)
if(NOT headers)
  message(FATAL_ERROR "no header under ${INCLUDE}")
endif()
if(WORK)
  set(copy ${WORK}/with_an_internal_name.hpp)
  file(READ ${INCLUDE}/konnect/personal_access_token_create_response.hpp text)
  file(WRITE ${copy} "${text}\nusing Parser = nlohmann::detail::parser<nlohmann::json, const char*>;\n")
  internal_uses(found ${copy})
  if(found STREQUAL "")
    message(FATAL_ERROR "the check passed a header that names nlohmann::detail: ${copy}")
  endif()
  message(STATUS "the check finds ${found}")
  return()
endif()
internal_uses(found ${headers})
if(NOT found STREQUAL "")
  message(FATAL_ERROR "the library names nlohmann_json's internal namespace:\n${found}")
endif()
list(LENGTH headers count)
message(STATUS "${count} headers use nlohmann_json's public API only")
