// Shared test support: Kong's example body and small edits of it, deeply nested values, and the helpers that the tests
// of more than one concern use (how a failure shows text, catching a validation_error, checking that no report shows
// the token, timing a call on a huge input).
#ifndef KONNECT_MODELS_TESTS_SUPPORT_HPP
#define KONNECT_MODELS_TESTS_SUPPORT_HPP

#include "catch.hpp"
#include "printable.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace documents {

/// Kong's example 201 body, byte for byte as the schema gives it.
inline constexpr std::string_view kong_example_text =
    R"({"id":"83f8380e-7798-4566-99e3-2edf2b57d289","name":"Development Token","state":"ACTIVE",)"
    R"("konnect_token":"kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",)"
    R"("user_id":"84f8380e-7798-4566-99e3-2edf2b57d288","created_at":"2023-01-01T00:00:00.000Z",)"
    R"("updated_at":"2023-01-01T00:00:00.000Z","expires_at":"2024-01-01T00:00:00.000Z"})";

/// The token in Kong's example: no message or printed form may contain it.
inline constexpr std::string_view kong_example_token = "kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv";

inline nlohmann::json kong_example() { return nlohmann::json::parse(kong_example_text); }

/// Kong's example text with the first `from` replaced by `to`.
inline std::string example_with(std::string_view from, std::string_view to) {
    std::string text(kong_example_text);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

/// Kong's example text with `members` (each starting with a comma) added before its closing brace: text that
/// parsing and ordered_json see in exactly the order written.
inline std::string kong_example_text_plus(std::string_view members) {
    return std::string(kong_example_text.substr(0, kong_example_text.size() - 1)) + std::string(members) + "}";
}

/// Kong's example with one member set to `value`.
inline nlohmann::json with_member(const std::string& key, nlohmann::json value) {
    nlohmann::json document = kong_example();
    document[key] = std::move(value);
    return document;
}

/// Kong's example without one member.
inline nlohmann::json without_member(const std::string& key) {
    nlohmann::json document = kong_example();
    document.erase(key);
    return document;
}

/// What nested() builds its levels of.
enum class Shape { arrays, objects };

/// `levels` containers of one shape, each the only element of the next (1 is an empty array or object), built
/// without recursion. Never copy, compare or dump a value far past the depth limit: those nlohmann operations recurse.
inline nlohmann::json nested(std::size_t levels, Shape shape = Shape::arrays) {
    nlohmann::json value = shape == Shape::arrays ? nlohmann::json::array() : nlohmann::json::object();
    for (std::size_t level = 1; level < levels; ++level) {
        nlohmann::json outer = shape == Shape::arrays ? nlohmann::json::array() : nlohmann::json::object();
        if (shape == Shape::arrays) {
            outer.push_back(std::move(value));
        } else {
            outer["a"] = std::move(value);
        }
        value = std::move(outer);
    }
    return value;
}

/// The pointers of the problems validate() finds, in order.
inline std::vector<std::string> problem_pointers(const nlohmann::json& document) {
    std::vector<std::string> pointers;
    for (const auto& problem : konnect::validate(document))
        pointers.push_back(problem.pointer);
    return pointers;
}

}  // namespace documents

namespace support {

/// Whether `text` contains `part`: std::string_view has no contains() before C++23.
inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

/// What operator<< writes for `value`: every type prints, and what it prints is under test.
template <typename T>
inline std::string printed(const T& value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

/// One problem a line, so that an INFO shows every problem found, not just the first that a check looks at.
inline std::string problems_text(const std::vector<konnect::Problem>& problems) {
    std::string text;
    for (const auto& problem : problems)
        text += to_string(problem) + "\n";
    return text;
}

/// The kinds of `problems` in order, to check a whole list of kinds in one comparison.
inline std::vector<konnect::ProblemKind> problem_kinds(const std::vector<konnect::Problem>& problems) {
    std::vector<konnect::ProblemKind> kinds;
    for (const auto& problem : problems)
        kinds.push_back(problem.kind);
    return kinds;
}

/// The first stretch of the token (12 bytes) that `text` shows, or an empty string when it shows none: a report
/// must not show even part of the token.
inline std::string token_fragment_in(std::string_view text) {
    constexpr std::size_t fragment_size = 12;
    const std::string_view token = documents::kong_example_token;
    for (std::size_t at = 0; at + fragment_size <= token.size(); ++at) {
        if (contains(text, token.substr(at, fragment_size))) return std::string(token.substr(at, fragment_size));
    }
    return {};
}

/// Checks that no problem's pointer or message shows a stretch of the token, as parsing and validation promise.
inline void check_no_token_fragment_in(const std::vector<konnect::Problem>& problems) {
    for (const auto& problem : problems) {
        INFO("problem pointer: " << problem.pointer << "\nproblem message: " << problem.message);
        CHECK(token_fragment_in(problem.message).empty());
        CHECK(token_fragment_in(problem.pointer).empty());
    }
}

/// What a too_deep problem says of an unknown member whose name it may quote (the pointer names the member).
inline constexpr std::string_view too_deep_message =
    "this member nests deeper than the 128 levels a document may have (its root object is level 1)";

/// A bound far above what linear work on the tests' huge inputs takes (milliseconds optimised, a second or two under
/// a sanitizer) and far below what quadratic work on them takes (minutes): a check against it catches an algorithm,
/// not a slow machine. Runs under heavier instrumentation (valgrind) multiply it by KONNECT_MODELS_TEST_TIME_FACTOR.
inline double seconds_allowed() {
    constexpr double seconds = 10.0;
    const char* factor = std::getenv("KONNECT_MODELS_TEST_TIME_FACTOR");  // NOLINT(concurrency-mt-unsafe)
    return factor == nullptr ? seconds : seconds * std::max(1.0, std::strtod(factor, nullptr));
}

/// What `action` returns, after checking that it took less than seconds_allowed(); `what` names the action in a
/// failure.
template <typename Action>
inline auto within_seconds_allowed(std::string_view what, Action action) {
    const auto start = std::chrono::steady_clock::now();
    auto result = action();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(what << " took " << seconds << " s");
    CHECK(seconds < seconds_allowed());
    return result;
}

/// The validation_error `action` throws, or nothing when it returns: so that a test can check the error's id and
/// problems (any other exception escapes and fails the test).
template <typename Action>
inline std::optional<konnect::validation_error> validation_error_from(Action action) {
    try {
        action();
    } catch (const konnect::validation_error& error) {
        return error;
    }
    return std::nullopt;
}

/// The one problem the validation_error that `action` throws lists: REQUIREs that it throws one, with one problem.
template <typename Action>
inline konnect::Problem only_problem_thrown_by(Action action) {
    const std::optional<konnect::validation_error> error = validation_error_from(action);
    REQUIRE(error.has_value());
    INFO("what(): " << error->what());
    REQUIRE(error->problems().size() == 1);
    return error->problems().front();
}

/// The validation_error that `value.get<T>()` throws, or nothing when it returns.
template <typename T>
inline std::optional<konnect::validation_error> reading_error(const nlohmann::json& value) {
    return validation_error_from([&value] { static_cast<void>(value.get<T>()); });
}

/// Checks that `value.get<T>()` throws an invalid_document validation_error with one problem of `kind` at the root:
/// how Uuid, Timestamp, State and Secret each refuse a JSON value they cannot read.
template <typename T>
inline void check_one_root_problem_reading(const nlohmann::json& value, konnect::ProblemKind kind) {
    const std::optional<konnect::validation_error> error = reading_error<T>(value);
    REQUIRE(error.has_value());
    INFO("what(): " << error->what());
    CHECK(error->id == konnect::validation_error::invalid_document);
    REQUIRE(error->problems().size() == 1);
    CHECK(error->problems().front().pointer.empty());
    CHECK(error->problems().front().kind == kind);
}

/// A row of a GENERATE table of texts that parse: the Uuid and Timestamp tables share the shape.
struct ValidText {
    std::string_view text;
    std::string_view written;  // what to_string() must write
    std::string_view why;
};

/// A row of a GENERATE table of texts that must not parse, and why each is there.
struct InvalidText {
    std::string_view text;
    std::string_view why;
};

}  // namespace support

#endif
