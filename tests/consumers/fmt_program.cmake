# Included by every consumer project: where the test asks for it (CONSUMER_WITH_FMT, set when the tests found fmt),
# the project also builds consumer_fmt.cpp, which uses the opt-in konnect/fmt.hpp and links fmt as well.
option(CONSUMER_WITH_FMT "Also build the program that uses konnect/fmt.hpp" OFF)
if(CONSUMER_WITH_FMT)
  find_package(fmt REQUIRED)
  add_executable(consumer_fmt consumer_fmt.cpp)
  target_link_libraries(consumer_fmt PRIVATE konnect::models fmt::fmt)
  install(TARGETS consumer_fmt)
endif()
