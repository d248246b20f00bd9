// Fuzz target: bytes -> nlohmann::json::parse() (no exceptions) -> konnect::validate(), the non-throwing path.
//
// validate() never throws; it finds no problem exactly when get<PersonalAccessTokenCreateResponse>() succeeds, and
// when get<>() throws, its validation_error (701) lists the problems validate() finds, in the same order. The same
// holds for nlohmann::ordered_json, whose DOM finds the same problems (unknown members aside, in another order) and
// decodes to an equal response. Each standalone type (Uuid, Timestamp, State, State::Value, Secret) reads the root
// exactly when it is a string its from_string() reads, and otherwise reports one problem of the whole value without
// quoting it.
#include "fuzz_support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

using fuzz::check;
using fuzz::printable;
using konnect::Problem;
using Response = konnect::PersonalAccessTokenCreateResponse;

struct Validated {
    std::vector<Problem> problems;
    std::optional<Response> response;
};

// validate() and get<>() on one DOM agree.
template <typename Json>
Validated check_validation(const Json& document, std::string_view text) {
    Validated validated{konnect::validate(document), std::nullopt};  // any exception escapes: a finding
    const std::string details = "text: " + printable(text) + "\nvalidate():\n" + fuzz::listed(validated.problems);
    try {
        validated.response = document.template get<Response>();
    } catch (const konnect::validation_error& error) {
        check(error.id == konnect::validation_error::invalid_document, "get<>() throws a 701 validation_error",
              details + "what(): " + printable(error.what()));
        check(error.problems() == validated.problems, "get<>() throws the problems validate() finds",
              details + "get<>():\n" + fuzz::listed(error.problems()));
        fuzz::check_what_lists_the_problems(error);
    }
    check(validated.problems.empty() == validated.response.has_value(),
          "validate() finds no problem exactly when get<>() succeeds", details);
    return validated;
}

std::vector<Problem> sorted(std::vector<Problem> problems) {
    std::sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.pointer, a.kind, a.message) < std::tie(b.pointer, b.kind, b.message);
    });
    return problems;
}

// The kind of problem a standalone value reports for a root of this JSON type.
konnect::ProblemKind kind_for(const nlohmann::json& value) {
    if (value.is_string()) return konnect::ProblemKind::invalid_format;
    if (value.is_null()) return konnect::ProblemKind::null_not_allowed;
    return konnect::ProblemKind::wrong_type;
}

// Reading the root as a standalone T: `expected` is what from_string() makes of a string root (nothing for any
// other root); a failure is one problem of the whole value, which never quotes a string (a standalone value has no
// token to check a string against).
template <typename T>
void check_standalone(const nlohmann::json& document, const std::optional<T>& expected, std::string_view type,
                      std::string_view text) {
    const std::string details = std::string(type) + " from text " + printable(text);
    try {
        const T value = document.get<T>();
        check(expected.has_value() && value == *expected, "a standalone value reads what from_string() reads", details);
    } catch (const konnect::validation_error& error) {
        check(!expected.has_value(), "a standalone value reads every string from_string() reads",
              details + "\nwhat(): " + printable(error.what()));
        const std::vector<Problem>& problems = error.problems();
        check(error.id == konnect::validation_error::invalid_document && problems.size() == 1 &&
                  problems.front().pointer.empty() && problems.front().kind == kind_for(document),
              "a standalone value that does not read is one 701 problem of the whole value",
              details + "\nproblems:\n" + fuzz::listed(problems));
        check(problems.front().message.find("found the string") == std::string::npos,
              "a standalone value's problem quotes no string", details + "\nproblems:\n" + fuzz::listed(problems));
        fuzz::check_what_lists_the_problems(error);
    }
}

void check_standalone_values(const nlohmann::json& document, std::string_view text) {
    using konnect::State;
    std::optional<std::string_view> string;
    if (document.is_string()) string = document.get_ref<const std::string&>();
    check_standalone(document, string ? konnect::Uuid::from_string(*string) : std::nullopt, "Uuid", text);
    check_standalone(document, string ? konnect::Timestamp::from_string(*string) : std::nullopt, "Timestamp", text);
    check_standalone(document, string ? std::optional(State::from_string(*string)) : std::nullopt, "State", text);
    check_standalone(document, string ? std::optional<State::Value>(State::from_string(*string)) : std::nullopt,
                     "State::Value", text);
    check_standalone(document, string ? std::optional(konnect::Secret(*string)) : std::nullopt, "Secret", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const auto document = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    const auto ordered = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, false);
    check(document.is_discarded() == ordered.is_discarded(), "json and ordered_json read the same texts",
          "text: " + printable(text));
    if (document.is_discarded()) return 0;

    const Validated validated = check_validation(document, text);
    const Validated validated_ordered = check_validation(ordered, text);
    // Duplicate keys keep the last value in both; unknown members are visited in each DOM's own order.
    check(sorted(validated.problems) == sorted(validated_ordered.problems),
          "json and ordered_json DOMs of one text have the same problems",
          "text: " + printable(text) + "\njson:\n" + fuzz::listed(validated.problems) + "ordered_json:\n" +
              fuzz::listed(validated_ordered.problems));
    if (validated.response && validated_ordered.response) {
        check(*validated.response == *validated_ordered.response,
              "json and ordered_json DOMs of one text decode equal responses", "text: " + printable(text));
    }
    check_standalone_values(document, text);
    return 0;
}
