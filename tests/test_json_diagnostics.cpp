// The library with nlohmann_json's JSON_DIAGNOSTICS on, built as a program of its own: the option changes what a
// nlohmann::json is, and so what a response is. nlohmann_json then keeps in each value a link to its container,
// asserts that the links are right whenever a value is copied, moved or assigned, and names a value's place in the
// messages of its exceptions. Assertions stay on here, whatever the build type.
#undef NDEBUG
#define JSON_DIAGNOSTICS 1

#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <string>
#include <utility>
#include <vector>

namespace {

using Response = konnect::PersonalAccessTokenCreateResponse;
using documents::kong_example_text_plus;

TEST_CASE("Unknown members that parse() builds link each value to its container, as json::parse does",
          "[json_diagnostics]") {
    // An unknown member "x", and the place of the innermost array in it, which nlohmann_json's message names.
    const std::vector<std::pair<std::string, std::string>> members_and_innermost_arrays = {
        {R"([1])", "/x"},
        {R"([[1,2],[3]])", "/x/1"},
        {R"({"a":[1,{"b":[2]}]})", "/x/a/1/b"},
        // Arrays in an array that grows past the room it first had, which moves them, the first one four times.
        {R"([[0],[1],[2],[3],[4]])", "/x/0"},
    };
    for (const auto& [member, innermost] : members_and_innermost_arrays) {
        INFO("unknown member x: " << member);
        const Response parsed = Response::parse(kong_example_text_plus(R"(,"x":)" + member));
        const Response copy = parsed;  // copying asserts every link of what is copied
        CHECK(copy.additional_properties.at("x") == nlohmann::json::parse(member));
        const nlohmann::json& array = parsed.additional_properties.at(nlohmann::json::json_pointer(innermost));
        CHECK_THROWS_WITH(array.at(1000),
                          "[json.exception.out_of_range.401] (" + innermost + ") array index 1000 is out of range");
    }
}

TEST_CASE("A response decoded from a DOM with links copies, compares and encodes as any other", "[json_diagnostics]") {
    const nlohmann::json document = nlohmann::json::parse(kong_example_text_plus(R"(,"x":{"a":[1,{"b":[2]}]})"));
    const auto decoded = document.get<Response>();
    const Response copy = decoded;
    CHECK(copy == decoded);
    CHECK(nlohmann::json(copy) == document);
    CHECK_THROWS_WITH(copy.additional_properties.at("x").at("a").at(1).at("c"),
                      "[json.exception.out_of_range.403] (/x/a/1) key 'c' not found");
}

}  // namespace
