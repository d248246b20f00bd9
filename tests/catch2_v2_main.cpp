// Catch2 3 brings its own main (Catch2::Catch2WithMain); Catch2 2 builds it here.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
