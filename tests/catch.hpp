// The one include for Catch2, whichever major version the build found.
#ifndef KONNECT_MODELS_TESTS_CATCH_HPP
#define KONNECT_MODELS_TESTS_CATCH_HPP

#if KONNECT_MODELS_CATCH2_MAJOR == 3
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#else
#include <catch2/catch.hpp>
#endif

#endif
