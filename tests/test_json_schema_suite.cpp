// The JSON Schema Test Suite's `date-time` and `uuid` format vectors against Timestamp, Uuid and validate().
//
// Built only when CMake is given KONNECT_MODELS_JSON_SCHEMA_TEST_SUITE_DIR, the folder holding the suite's
// date-time.json and uuid.json (each an array of {description, schema, tests: [{description, data, valid}]}).
#include "catch.hpp"
#include "documents.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <cstddef>
#include <fstream>
#include <optional>
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

// The file's JSON, or nothing when it cannot be opened or is not JSON.
std::optional<nlohmann::json> read_suite_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return std::nullopt;
    std::ostringstream text;
    text << file.rdbuf();
    nlohmann::json document = nlohmann::json::parse(text.str(), nullptr, false);
    if (document.is_discarded()) return std::nullopt;
    return document;
}

// The data as JSON text with non-ASCII escaped, so that NUL, newlines and Bengali digits show in a failure.
std::string shown(const nlohmann::json& data) { return data.dump(-1, ' ', true); }

// Runs `check(description, data, valid)` on every test of every case whose data is a string, after checking
// that the file is the suite's file for `format`; gives how many string vectors were checked.
template <typename Check>
std::size_t for_each_string_vector(const std::string& path, std::string_view format, Check check) {
    INFO("suite file " << path);
    const std::optional<nlohmann::json> suite = read_suite_file(path);
    REQUIRE(suite.has_value());
    REQUIRE(suite->is_array());
    std::size_t checked = 0;
    for (const nlohmann::json& test_case : *suite) {
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
            check(test.value("description", std::string()), data, test.at("valid").get<bool>());
            ++checked;
        }
    }
    return checked;
}

}  // namespace

TEST_CASE("Timestamp from_string agrees with every date-time string vector of the JSON Schema Test Suite",
          "[json-schema-suite]") {
    const std::size_t checked = for_each_string_vector(
        suite_path("date-time.json"), "date-time",
        [](const std::string& description, const nlohmann::json& data, bool valid) {
            const std::string& text = data.get_ref<const std::string&>();
            INFO("vector " << description << ": " << shown(data) << " is " << (valid ? "valid" : "invalid"));
            CHECK(konnect::Timestamp::from_string(text).has_value() == valid);
        });
    INFO("string vectors checked in the suite file");
    CHECK(checked >= minimum_string_vectors);
}

TEST_CASE("Uuid from_string agrees with every uuid string vector of the JSON Schema Test Suite",
          "[json-schema-suite]") {
    const std::size_t checked = for_each_string_vector(
        suite_path("uuid.json"), "uuid", [](const std::string& description, const nlohmann::json& data, bool valid) {
            const std::string& text = data.get_ref<const std::string&>();
            INFO("vector " << description << ": " << shown(data) << " is " << (valid ? "valid" : "invalid"));
            CHECK(konnect::Uuid::from_string(text).has_value() == valid);
        });
    INFO("string vectors checked in the suite file");
    CHECK(checked >= minimum_string_vectors);
}

TEST_CASE("Validate accepts the Kong example with created_at set to exactly the valid date-time vectors",
          "[json-schema-suite]") {
    const std::size_t checked = for_each_string_vector(
        suite_path("date-time.json"), "date-time",
        [](const std::string& description, const nlohmann::json& data, bool valid) {
            INFO("vector " << description << ": " << shown(data) << " is " << (valid ? "valid" : "invalid"));
            const std::vector<konnect::Problem> problems =
                konnect::validate(documents::with_member("created_at", data));
            if (valid) {
                INFO("first problem " << (problems.empty() ? std::string("none") : konnect::to_string(problems[0])));
                CHECK(problems.empty());
            } else {
                REQUIRE(problems.size() == 1);
                CHECK(problems[0].pointer == "/created_at");
                CHECK(problems[0].kind == konnect::ProblemKind::invalid_format);
            }
        });
    INFO("string vectors checked in the suite file");
    CHECK(checked >= minimum_string_vectors);
}

TEST_CASE("Validate accepts the Kong example with id set to exactly the valid uuid vectors", "[json-schema-suite]") {
    const std::size_t checked = for_each_string_vector(
        suite_path("uuid.json"), "uuid", [](const std::string& description, const nlohmann::json& data, bool valid) {
            INFO("vector " << description << ": " << shown(data) << " is " << (valid ? "valid" : "invalid"));
            const std::vector<konnect::Problem> problems = konnect::validate(documents::with_member("id", data));
            if (valid) {
                INFO("first problem " << (problems.empty() ? std::string("none") : konnect::to_string(problems[0])));
                CHECK(problems.empty());
            } else {
                REQUIRE(problems.size() == 1);
                CHECK(problems[0].pointer == "/id");
                CHECK(problems[0].kind == konnect::ProblemKind::invalid_format);
            }
        });
    INFO("string vectors checked in the suite file");
    CHECK(checked >= minimum_string_vectors);
}

TEST_CASE("The non-string vectors of the JSON Schema Test Suite are neither timestamps nor UUIDs",
          "[json-schema-suite]") {
    for (const std::string_view file_name : {"date-time.json", "uuid.json"}) {
        const std::string path = suite_path(file_name);
        INFO("suite file " << path);
        const std::optional<nlohmann::json> suite = read_suite_file(path);
        REQUIRE(suite.has_value());
        REQUIRE(suite->is_array());
        std::size_t non_strings = 0;
        for (const nlohmann::json& test_case : *suite) {
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
