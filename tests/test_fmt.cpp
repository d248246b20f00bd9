// The opt-in fmt formatters (include/konnect/fmt.hpp): each type formats as its operator<< prints it, takes a
// string's format specifications, never shows the token, and reaches spdlog's output that way too.
#include <konnect/fmt.hpp>

#include "catch.hpp"
#include "second_model.hpp"
#include "support.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#if KONNECT_MODELS_TEST_SPDLOG  // the spdlog cases need an spdlog built on the fmt found (see CMakeLists.txt)
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#endif

#include <cstddef>
#include <iterator>
#include <locale>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using konnect::PersonalAccessTokenCreateResponse;
using support::contains;
using support::printed;
using support::token_fragment_in;

const std::string fmt_test_token(documents::kong_example_token);

const konnect::Uuid example_id = *konnect::Uuid::from_string("83f8380e-7798-4566-99e3-2edf2b57d289");
const konnect::Timestamp example_created_at = *konnect::Timestamp::from_string("2023-01-01T00:00:00.000Z");

PersonalAccessTokenCreateResponse kong_example_response() {
    return PersonalAccessTokenCreateResponse::parse(documents::kong_example_text);
}

// Checks that fmt's `{}` writes what operator<< prints.
template <typename T>
void check_formats_as_printed(const T& value) {
    const std::string formatted = fmt::format("{}", value);
    INFO("formatted: " << support::printable(formatted));
    CHECK(formatted == printed(value));
}

// The validation_error that decoding `document` throws; the test fails when it throws none.
konnect::validation_error decoding_error(const nlohmann::json& document) {
    std::optional<konnect::validation_error> error =
        support::reading_error<PersonalAccessTokenCreateResponse>(document);
    REQUIRE(error.has_value());
    return *error;
}

// Kong's example with the token copied into every other member that can hold a string: all but the name and the state
// then fail to decode, and their problems are about text that repeats the token.
nlohmann::json document_repeating_the_token() {
    nlohmann::json document = documents::kong_example();
    for (const char* key : {"id", "user_id", "name", "state", "revoked_by", "created_at", "updated_at", "last_used_at",
                            "expires_at", "revoked_at"})
        document[key] = fmt_test_token;
    return document;
}

// Groups digits in threes with commas, so that a stream imbued with it shows whether numbers follow the locale.
class DigitsInGroupsOfThree : public std::numpunct<char> {
  protected:
    char do_thousands_sep() const override { return ','; }
    std::string do_grouping() const override { return "\3"; }
};

// Makes `locale` the global locale for its lifetime, then puts the previous one back.
class GlobalLocaleForScope {
  public:
    explicit GlobalLocaleForScope(const std::locale& locale) : previous_(std::locale::global(locale)) {}
    GlobalLocaleForScope(const GlobalLocaleForScope&) = delete;
    GlobalLocaleForScope& operator=(const GlobalLocaleForScope&) = delete;
    ~GlobalLocaleForScope() { std::locale::global(previous_); }

  private:
    std::locale previous_;
};

#if KONNECT_MODELS_TEST_SPDLOG
// A logger that writes each message alone on a line into `out`.
std::shared_ptr<spdlog::logger> logger_writing_to(std::ostringstream& out) {
    auto logger =
        std::make_shared<spdlog::logger>("konnect_fmt_test", std::make_shared<spdlog::sinks::ostream_sink_st>(out));
    logger->set_pattern("%v");
    return logger;
}

// Makes `logger` spdlog's default logger for its lifetime, then puts the previous one back.
class DefaultLoggerForScope {
  public:
    explicit DefaultLoggerForScope(std::shared_ptr<spdlog::logger> logger) : previous_(spdlog::default_logger()) {
        spdlog::set_default_logger(std::move(logger));
    }
    DefaultLoggerForScope(const DefaultLoggerForScope&) = delete;
    DefaultLoggerForScope& operator=(const DefaultLoggerForScope&) = delete;
    ~DefaultLoggerForScope() { spdlog::set_default_logger(previous_); }

  private:
    std::shared_ptr<spdlog::logger> previous_;
};
#endif

}  // namespace

// ---- Each type formats as its operator<< prints it

TEST_CASE("A UUID, a timestamp and a secret format as they print", "[fmt]") {
    check_formats_as_printed(example_id);
    check_formats_as_printed(*konnect::Uuid::from_string("AbCdEf01-2345-6789-aBcD-EF0123456789"));
    check_formats_as_printed(konnect::Uuid());
    check_formats_as_printed(example_created_at);
    check_formats_as_printed(*konnect::Timestamp::from_string("2023-06-15T12:30:45.123456+05:30"));
    check_formats_as_printed(*konnect::Timestamp::from_string("1999-12-31T23:59:60.5Z"));
    check_formats_as_printed(konnect::Secret(documents::kong_example_token));
    check_formats_as_printed(konnect::Secret());

    CHECK(fmt::format("{}", example_id) == "83f8380e-7798-4566-99e3-2edf2b57d289");
    CHECK(fmt::format("{}", example_created_at) == "2023-01-01T00:00:00.000Z");
    CHECK(fmt::format("{}", konnect::Secret(documents::kong_example_token)) == "[redacted]");
}

TEST_CASE("Every state and every state value format as they print", "[fmt]") {
    for (const char* text : {"ACTIVE", "REVOKED", "EXPIRED", "PENDING_APPROVAL", "active", "SAY \"HI\"\nTWICE", ""}) {
        INFO("state text: " << support::printable(text));
        check_formats_as_printed(konnect::State::from_string(text));
    }
    for (const konnect::State::Value value :
         {konnect::State::unknown, konnect::State::active, konnect::State::revoked, konnect::State::expired}) {
        INFO("state value: " << value);
        check_formats_as_printed(value);
    }

    CHECK(fmt::format("{}", konnect::State::from_string("ACTIVE")) == "ACTIVE");
    CHECK(fmt::format("{}", konnect::State::from_string("PENDING_APPROVAL")) == "\"PENDING_APPROVAL\" (unknown)");
    CHECK(fmt::format("{}", konnect::State::revoked) == "REVOKED");
}

TEST_CASE("Every problem kind formats as its enumerator name, as it prints", "[fmt]") {
    for (const konnect::ProblemKind kind :
         {konnect::ProblemKind::malformed_json, konnect::ProblemKind::too_deep, konnect::ProblemKind::missing,
          konnect::ProblemKind::null_not_allowed, konnect::ProblemKind::wrong_type,
          konnect::ProblemKind::invalid_format, konnect::ProblemKind::named_by_schema}) {
        INFO("problem kind: " << kind);
        check_formats_as_printed(kind);
    }
    CHECK(fmt::format("{}", konnect::ProblemKind::null_not_allowed) == "null_not_allowed");
}

TEST_CASE("A problem formats as it prints, as its pointer and message", "[fmt]") {
    const konnect::Problem member_problem{"/id", konnect::ProblemKind::wrong_type,
                                          "expected a UUID string, found a number"};
    const konnect::Problem document_problem{"", konnect::ProblemKind::wrong_type, "expected an object, found an array"};
    check_formats_as_printed(member_problem);
    check_formats_as_printed(document_problem);
    CHECK(fmt::format("{}", member_problem) == "/id: expected a UUID string, found a number");
    CHECK(fmt::format("{}", document_problem) == "(document): expected an object, found an array");
}

TEST_CASE("Any model formats as it prints, a model declared outside namespace konnect too", "[fmt]") {
    team_models::Membership membership;
    membership.team_id = *konnect::Uuid::from_string("0f9a2c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b");
    membership.display_name = "Platform";
    check_formats_as_printed(membership);
    CHECK(fmt::format("{}", membership) ==
          "Membership{team_id: 0f9a2c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b, display_name: \"Platform\", joined_at: null, "
          "role: null, invited_by: null}");
    CHECK(fmt::format("{:.10}", membership) == "Membership");
}

TEST_CASE("A response formats as it prints, every member on one line and the token redacted", "[fmt]") {
    SECTION("Kong's example") {
        const auto response = kong_example_response();
        check_formats_as_printed(response);
        CHECK(fmt::format("{}", response) ==
              "PersonalAccessTokenCreateResponse{id: 83f8380e-7798-4566-99e3-2edf2b57d289, "
              "user_id: 84f8380e-7798-4566-99e3-2edf2b57d288, name: \"Development Token\", state: ACTIVE, "
              "konnect_token: [redacted], revoked_by: null, created_at: 2023-01-01T00:00:00.000Z, "
              "updated_at: 2023-01-01T00:00:00.000Z, last_used_at: null, expires_at: 2024-01-01T00:00:00.000Z, "
              "revoked_at: null}");
    }
    SECTION("an unknown state, null members and unknown members") {
        nlohmann::json document = documents::with_member("state", "PENDING_APPROVAL");
        document["expires_at"] = nullptr;
        document["region"] = "eu-central-secret";
        document["tier"] = {{"level", 2}};
        const auto response = document.get<PersonalAccessTokenCreateResponse>();
        check_formats_as_printed(response);
        const std::string formatted = fmt::format("{}", response);
        INFO("formatted: " << formatted);
        CHECK(contains(formatted, ", state: \"PENDING_APPROVAL\" (unknown), "));
        CHECK(contains(formatted, ", expires_at: null, "));
        CHECK(contains(formatted, ", additional_properties: 2 members (\"region\", \"tier\")}"));
        CHECK_FALSE(contains(formatted, "eu-central-secret"));
    }
}

TEST_CASE("A validation error formats as its what text, as it has no operator<<", "[fmt]") {
    nlohmann::json document = documents::without_member("expires_at");
    document["id"] = 42;
    const konnect::validation_error error = decoding_error(document);
    REQUIRE(error.problems().size() == 2);

    const std::string formatted = fmt::format("{}", error);
    INFO("formatted: " << formatted);
    CHECK(formatted == error.what());
    CHECK(formatted.rfind("[konnect.validation_error.701] 2 problems: /id: ", 0) == 0);
    CHECK(contains(formatted, "; " + to_string(error.problems()[1])));
}

TEST_CASE("A list of problems formats with fmt::join and as a range, each problem as it prints", "[fmt]") {
    nlohmann::json document = documents::with_member("id", 42);
    document["updated_at"] = nullptr;
    const std::vector<konnect::Problem> problems = konnect::validate(document);
    REQUIRE(problems.size() == 2);
    const std::string first = printed(problems[0]);
    const std::string second = printed(problems[1]);

    CHECK(fmt::format("{}", fmt::join(problems, "\n")) == first + "\n" + second);
    // Unquoted, as `{}` formats each problem: their messages' own quotes are not escaped.
    CHECK(fmt::format("{}", problems) == "[" + first + ", " + second + "]");
    CHECK(fmt::format("{}", std::vector<konnect::Uuid>{example_id, konnect::Uuid()}) ==
          "[83f8380e-7798-4566-99e3-2edf2b57d289, 00000000-0000-0000-0000-000000000000]");
}

TEST_CASE("What a type formats as does not change with the global locale, as fmt's own numbers do not", "[fmt]") {
    nlohmann::json document = documents::kong_example();
    for (int member = 0; member < 1000; ++member)
        document["unknown_" + std::to_string(member)] = member;
    const auto response = document.get<PersonalAccessTokenCreateResponse>();
    const std::string before = fmt::format("{}", response);
    REQUIRE(contains(before, ", additional_properties: 1000 members (\"unknown_0\", "));

    // The locale owns the facet and deletes it.
    const GlobalLocaleForScope grouping(std::locale(std::locale::classic(), new DigitsInGroupsOfThree));
    REQUIRE(contains(printed(response), ", additional_properties: 1,000 members ("));  // the locale is in force
    CHECK(fmt::format("{}", response) == before);
    CHECK(fmt::format("{}", 1000) == "1000");
}

// ---- A string's format specifications

TEST_CASE("A value type takes a string's fill, alignment and width", "[fmt]") {
    const konnect::State active = konnect::State::active;
    const konnect::Secret secret(documents::kong_example_token);

    CHECK(fmt::format("{:>40}", example_id) == "    83f8380e-7798-4566-99e3-2edf2b57d289");
    CHECK(fmt::format("{:<38}|", example_id) == "83f8380e-7798-4566-99e3-2edf2b57d289  |");
    CHECK(fmt::format("{:*^28}", example_created_at) == "**2023-01-01T00:00:00.000Z**");
    CHECK(fmt::format("{:*^12}", active) == "***ACTIVE***");
    CHECK(fmt::format("{:-<10}|", konnect::State::from_string("NEW")) == "\"NEW\" (unknown)|");  // wider than 10
    CHECK(fmt::format("{:>9}", konnect::State::expired) == "  EXPIRED");
    CHECK(fmt::format("{:*^14}", secret) == "**[redacted]**");
    CHECK(fmt::format("{:.>12}", konnect::ProblemKind::missing) == ".....missing");
    // Width alone aligns text to the left, as for a string.
    CHECK(fmt::format("{:9}|", konnect::State::active) == "ACTIVE   |");
}

TEST_CASE("Width and precision may be given as arguments", "[fmt]") {
    CHECK(fmt::format("{:>{}}", konnect::State::revoked, 10) == "   REVOKED");
    CHECK(fmt::format("{:.{}}", example_id, 8) == "83f8380e");
    CHECK(fmt::format("{:^{width}.{precision}}|", example_created_at, fmt::arg("width", 12),
                      fmt::arg("precision", 10)) == " 2023-01-01 |");
}

TEST_CASE("Precision keeps the first characters of the text, and ? quotes it, as for a string", "[fmt]") {
    CHECK(fmt::format("{:.4}", example_created_at) == "2023");
    CHECK(fmt::format("{:.3}", konnect::Secret(documents::kong_example_token)) == "[re");
    CHECK(fmt::format("{:?}", konnect::State::from_string("SAY \"HI\"")) ==
          R"text("\"SAY \\\"HI\\\"\" (unknown)")text");
}

TEST_CASE("The response, a problem and a validation error take a string's specifications too", "[fmt]") {
    const auto response = kong_example_response();
    const std::string printed_response = printed(response);
    CHECK(fmt::format("{:.33}", response) == "PersonalAccessTokenCreateResponse");
    CHECK(fmt::format("{:>{}}", response, printed_response.size() + 2) == "  " + printed_response);

    const konnect::Problem problem{"/name", konnect::ProblemKind::missing, "required member is missing"};
    CHECK(fmt::format("{:-^37}", problem) == "--/name: required member is missing--");

    const konnect::validation_error error = decoding_error(documents::without_member("name"));
    CHECK(fmt::format("{:.30}", error) == "[konnect.validation_error.701]");
}

TEST_CASE("A specification only numbers take is refused, as for a string", "[fmt]") {
    // fmt::runtime: from C++20 fmt checks constant format strings as it compiles them, and would refuse these there.
    for (const char* specification : {"{:d}", "{:x}", "{:+}", "{:#}", "{:08}", "{:e}"}) {
        INFO("format string: " << specification);
        CHECK_THROWS_AS(fmt::format(fmt::runtime(specification), example_id), fmt::format_error);
        CHECK_THROWS_AS(fmt::format(fmt::runtime(specification), konnect::State::active), fmt::format_error);
        CHECK_THROWS_AS(fmt::format(fmt::runtime(specification), konnect::ProblemKind::missing), fmt::format_error);
    }
}

// ---- The token never shows

TEST_CASE("The token never appears in a formatted response, whatever the specifications", "[fmt]") {
    nlohmann::json document_with_copies = documents::with_member("name", "copy of " + fmt_test_token);
    document_with_copies["state"] = "LEAKED_" + fmt_test_token;
    document_with_copies[fmt_test_token] = fmt_test_token;
    const std::vector<std::pair<const char*, PersonalAccessTokenCreateResponse>> responses{
        {"Kong's example", kong_example_response()},
        {"the token in the name, an unknown state and an unknown member's name and value",
         document_with_copies.get<PersonalAccessTokenCreateResponse>()},
    };
    for (const auto& [description, response] : responses) {
        REQUIRE(response.konnect_token.reveal() == documents::kong_example_token);
        for (const char* specification : {"{}", "{:>1000}", "{:?}", "{:.400}"}) {
            const std::string formatted = fmt::format(fmt::runtime(specification), response);
            INFO(description << "\nformat string: " << specification << "\nformatted: " << formatted);
            CHECK(token_fragment_in(formatted).empty());
            CHECK(contains(formatted, "konnect_token: [redacted]"));
        }
    }
}

TEST_CASE("The token never appears in a formatted secret, whatever the specifications", "[fmt]") {
    const konnect::Secret secret(documents::kong_example_token);
    for (const char* specification : {"{}", "{:>100}", "{:?}", "{:.100}", "{:*^60}"}) {
        const std::string formatted = fmt::format(fmt::runtime(specification), secret);
        INFO("format string: " << specification << "\nformatted: " << formatted);
        CHECK(token_fragment_in(formatted).empty());
        CHECK(contains(formatted, "[redacted]"));
    }
}

TEST_CASE("The token never appears in the formatted problems or error of a document whose invalid members repeat it",
          "[fmt]") {
    const nlohmann::json document = document_repeating_the_token();
    const std::vector<konnect::Problem> problems = konnect::validate(document);
    const std::vector<std::string_view> pointers_expected{"/id",         "/user_id",      "/revoked_by", "/created_at",
                                                          "/updated_at", "/last_used_at", "/expires_at", "/revoked_at"};
    REQUIRE(problems.size() == pointers_expected.size());

    for (std::size_t i = 0; i < problems.size(); ++i) {
        const std::string formatted = fmt::format("{}", problems[i]);
        INFO("formatted: " << formatted);
        CHECK(problems[i].pointer == pointers_expected[i]);
        CHECK(problems[i].kind == konnect::ProblemKind::invalid_format);
        CHECK(token_fragment_in(formatted).empty());
    }
    CHECK(token_fragment_in(fmt::format("{}", fmt::join(problems, "; "))).empty());
    CHECK(token_fragment_in(fmt::format("{}", problems)).empty());

    const konnect::validation_error decoding = decoding_error(document);
    const std::optional<konnect::validation_error> parsing = support::validation_error_from(
        [&document] { static_cast<void>(PersonalAccessTokenCreateResponse::parse(document.dump())); });
    REQUIRE(parsing.has_value());
    for (const konnect::validation_error& error : {decoding, *parsing}) {
        const std::string formatted = fmt::format("{}", error);
        INFO("formatted: " << formatted);
        CHECK(error.problems() == problems);
        CHECK(contains(formatted, "8 problems: /id: "));
        CHECK(token_fragment_in(formatted).empty());
    }
}

#if KONNECT_MODELS_TEST_SPDLOG
// ---- spdlog

TEST_CASE("spdlog writes a response, its members and a validation error as fmt formats them, without the token",
          "[fmt][spdlog]") {
    const auto response = kong_example_response();
    const konnect::validation_error error = decoding_error(document_repeating_the_token());
    std::ostringstream out;
    const auto logger = logger_writing_to(out);

    logger->info("created {}", response);
    logger->info("state {:>8}|, id {}, expires {}", response.state, response.id, *response.expires_at);
    logger->info("token {}", response.konnect_token);
    logger->warn("rejected: {}", error);
    logger->error("first problem: {} ({})", error.problems().front(), error.problems().front().kind);
    logger->flush();

    const std::string logged = out.str();
    INFO("logged:\n" << logged);
    CHECK(logged == fmt::format("created {}\n", response) +
                        "state   ACTIVE|, id 83f8380e-7798-4566-99e3-2edf2b57d289, expires 2024-01-01T00:00:00.000Z\n" +
                        "token [redacted]\n" + fmt::format("rejected: {}\n", error) +
                        fmt::format("first problem: {} (invalid_format)\n", error.problems().front()));
    CHECK(contains(logged, "konnect_token: [redacted]"));
    CHECK(token_fragment_in(logged).empty());
}

TEST_CASE("spdlog::info with the default logger writes a response redacted", "[fmt][spdlog]") {
    const auto response = kong_example_response();
    std::ostringstream out;
    {
        const DefaultLoggerForScope scope(logger_writing_to(out));
        spdlog::info("created {}", response);
        spdlog::default_logger()->flush();
    }

    const std::string logged = out.str();
    INFO("logged:\n" << logged);
    CHECK(logged == "created " + printed(response) + "\n");
    CHECK(token_fragment_in(logged).empty());
}
#endif

// ---- Arguments

TEST_CASE("Named and positional arguments mix with the library's types", "[fmt]") {
    const konnect::State state = konnect::State::revoked;
    CHECK(fmt::format("{1} at {0}, then {1:*>10} as {state}, {state:.3}", example_created_at, state,
                      fmt::arg("state", konnect::ProblemKind::missing)) ==
          "REVOKED at 2023-01-01T00:00:00.000Z, then ***REVOKED as missing, mis");
    CHECK(fmt::format("{id:>{width}}|{0}", konnect::Secret(documents::kong_example_token), fmt::arg("id", example_id),
                      fmt::arg("width", 38)) == "  83f8380e-7798-4566-99e3-2edf2b57d289|[redacted]");

    std::string appended = "id=";
    fmt::format_to(std::back_inserter(appended), "{}; state={:<8}|", example_id, state);
    CHECK(appended == "id=83f8380e-7798-4566-99e3-2edf2b57d289; state=REVOKED |");
}
