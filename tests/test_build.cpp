// The build itself: the suite runs against the nlohmann_json that CMake chose, not another copy found first
// on the include path, so a cell of the test matrix that names a version really tested that version.
#include "catch.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <string>

TEST_CASE("The suite is compiled against the nlohmann_json release CMake found", "[build]") {
    const std::string compiled = std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                                 std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                                 std::to_string(NLOHMANN_JSON_VERSION_PATCH);
    CHECK(compiled == KONNECT_MODELS_NLOHMANN_JSON_VERSION);
}
