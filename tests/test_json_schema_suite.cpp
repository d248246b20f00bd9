// The JSON Schema Test Suite's `date-time` and `uuid` format vectors against Timestamp, Uuid and validate().
//
// Built only when CMake is given KONNECT_MODELS_JSON_SCHEMA_TEST_SUITE_DIR, the folder holding the suite's
// date-time.json and uuid.json (each an array of {description, schema, tests: [{description, data, valid}]}).
#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef KONNECT_MODELS_JSON_SCHEMA_TEST_SUITE_DIR
#error "KONNECT_MODELS_JSON_SCHEMA_TEST_SUITE_DIR must name the folder with the suite's date-time.json and uuid.json"
#endif

namespace {

// Each file holds 27 (date-time) and 22 (uuid) string vectors: fewer than this means the wrong or a cut file.
constexpr std::size_t minimum_string_vectors = 20;

std::string suite_path(std::string_view file_name) {
    return std::string(KONNECT_MODELS_JSON_SCHEMA_TEST_SUITE_DIR) + "/" + std::string(file_name);
}

// The file's JSON array of cases; the test stops here when the file cannot be opened, is not JSON or not an array.
nlohmann::json read_suite_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    REQUIRE(file.is_open());
    std::ostringstream text;
    text << file.rdbuf();
    nlohmann::json document = nlohmann::json::parse(text.str(), nullptr, false);
    REQUIRE_FALSE(document.is_discarded());
    REQUIRE(document.is_array());
    return document;
}

// The data as JSON text with non-ASCII escaped, so that NUL, newlines and Bengali digits show in a failure.
std::string shown(const nlohmann::json& data) { return data.dump(-1, ' ', true); }

// Runs `check(data, valid)` on every test of every case whose data is a string, with the vector as context, after
// checking that the file is the suite's file for `format`; then checks that enough string vectors were there.
template <typename Check>
void check_every_string_vector(std::string_view file_name, std::string_view format, Check check) {
    const std::string path = suite_path(file_name);
    INFO("suite file " << path);
    std::size_t checked = 0;
    for (const nlohmann::json& test_case : read_suite_file(path)) {
        const std::string case_description = test_case.value("description", std::string());
        INFO("case " << case_description);
        REQUIRE(test_case.contains("schema"));
        CHECK(test_case["schema"].value("format", std::string()) == format);
        REQUIRE(test_case.contains("tests"));
        REQUIRE(test_case["tests"].is_array());
        for (const nlohmann::json& test : test_case["tests"]) {
            const nlohmann::json& data = test.at("data");
            if (!data.is_string()) continue;  // the suite's "format ignores non-strings" vectors, per its README
            REQUIRE(test.at("valid").is_boolean());
            const bool valid = test.at("valid").get<bool>();
            INFO("vector " << test.value("description", std::string()) << ": " << shown(data) << " is "
                           << (valid ? "valid" : "invalid"));
            check(data, valid);
            ++checked;
        }
    }
    INFO("string vectors checked in the suite file");
    CHECK(checked >= minimum_string_vectors);
}

// Checks that validate() finds nothing wrong in Kong's example with `member` set to each valid string vector of
// the file, and exactly one invalid_format problem at `member` with each invalid one.
void check_member_takes_exactly_the_valid_vectors(std::string_view file_name, std::string_view format,
                                                  const std::string& member) {
    check_every_string_vector(file_name, format, [&member](const nlohmann::json& data, bool valid) {
        const std::vector<konnect::Problem> problems = konnect::validate(documents::with_member(member, data));
        if (valid) {
            INFO("first problem " << (problems.empty() ? std::string("none") : konnect::to_string(problems[0])));
            CHECK(problems.empty());
        } else {
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].pointer == "/" + member);
            CHECK(problems[0].kind == konnect::ProblemKind::invalid_format);
        }
    });
}

}  // namespace

TEST_CASE("Timestamp from_string agrees with every date-time string vector of the JSON Schema Test Suite",
          "[json-schema-suite]") {
    check_every_string_vector("date-time.json", "date-time", [](const nlohmann::json& data, bool valid) {
        CHECK(konnect::Timestamp::from_string(data.get_ref<const std::string&>()).has_value() == valid);
    });
}

TEST_CASE("Uuid from_string agrees with every uuid string vector of the JSON Schema Test Suite",
          "[json-schema-suite]") {
    check_every_string_vector("uuid.json", "uuid", [](const nlohmann::json& data, bool valid) {
        CHECK(konnect::Uuid::from_string(data.get_ref<const std::string&>()).has_value() == valid);
    });
}

TEST_CASE("Validate accepts the Kong example with created_at set to exactly the valid date-time vectors",
          "[json-schema-suite]") {
    check_member_takes_exactly_the_valid_vectors("date-time.json", "date-time", "created_at");
}

TEST_CASE("Validate accepts the Kong example with id set to exactly the valid uuid vectors", "[json-schema-suite]") {
    check_member_takes_exactly_the_valid_vectors("uuid.json", "uuid", "id");
}

TEST_CASE("The non-string vectors of the JSON Schema Test Suite are neither timestamps nor UUIDs",
          "[json-schema-suite]") {
    for (const std::string_view file_name : {"date-time.json", "uuid.json"}) {
        const std::string path = suite_path(file_name);
        INFO("suite file " << path);
        std::size_t non_strings = 0;
        for (const nlohmann::json& test_case : read_suite_file(path)) {
            for (const nlohmann::json& test : test_case.at("tests")) {
                const nlohmann::json& data = test.at("data");
                if (data.is_string()) continue;
                ++non_strings;
                INFO("vector " << test.value("description", std::string()) << ": " << shown(data));
                CHECK_THROWS_AS(data.get<konnect::Timestamp>(), konnect::validation_error);
                CHECK_THROWS_AS(data.get<konnect::Uuid>(), konnect::validation_error);
                CHECK_FALSE(konnect::validate(documents::with_member("created_at", data)).empty());
                CHECK_FALSE(konnect::validate(documents::with_member("id", data)).empty());
            }
        }
        // The suite opens each file with integers, floats, objects, arrays, booleans and null.
        CHECK(non_strings >= 6);
    }
}
