// validate(), the problems it lists, and the validation_error that decoding throws with them.
#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <cstddef>
#include <exception>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using Response = konnect::PersonalAccessTokenCreateResponse;
using documents::nested;
using documents::Shape;
using konnect::ProblemKind;
using support::contains;
using support::problem_kinds;
using support::problems_text;

constexpr std::string_view uuid_string = "a UUID string";
constexpr std::string_view date_time_string = "an RFC 3339 date-time string";
constexpr std::string_view plain_string = "a string";

// What the schema says about each member, in schema order.
struct Member {
    std::string key;
    std::string_view expected;  // how a problem names the value the member needs
    bool required;
    bool nullable;
};
const std::vector<Member> members{{"id", uuid_string, true, false},
                                  {"user_id", uuid_string, true, false},
                                  {"name", plain_string, true, false},
                                  {"state", plain_string, true, false},
                                  {"konnect_token", plain_string, true, false},
                                  {"revoked_by", uuid_string, false, true},
                                  {"created_at", date_time_string, true, false},
                                  {"updated_at", date_time_string, false, false},
                                  {"last_used_at", date_time_string, false, true},
                                  {"expires_at", date_time_string, true, true},
                                  {"revoked_at", date_time_string, false, true}};

}  // namespace

TEST_CASE("The Kong example and its valid variants have no problems", "[validation]") {
    const std::vector<nlohmann::json> valid{
        documents::kong_example(),
        documents::without_member("updated_at"),
        documents::with_member("state", "SOME_FUTURE_STATE"),
        documents::with_member("extra", nlohmann::json::parse(R"({"any": ["shape", 1, null]})")),
        documents::with_member("created_at", "2023-01-01T02:00:00.5+02:00"),
        documents::with_member("id", "83F8380E-7798-4566-99E3-2EDF2B57D289")};
    for (const auto& document : valid) {
        INFO("document: " << document.dump());
        const auto problems = konnect::validate(document);
        INFO("problems:\n" << problems_text(problems));
        CHECK(problems.empty());
        CHECK_NOTHROW(document.get<Response>());
    }
}

TEST_CASE("A document without a required member is rejected with one missing problem naming it", "[validation]") {
    for (const auto& member : members) {
        if (!member.required) continue;
        const nlohmann::json document = documents::without_member(member.key);
        INFO("member: " << member.key << "\ndocument: " << document.dump());
        const auto problems = konnect::validate(document);
        INFO("problems:\n" << problems_text(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pointer == "/" + member.key);
        CHECK(problems[0].kind == ProblemKind::missing);
        CHECK(contains(problems[0].message, "missing"));
        CHECK(contains(problems[0].message, "expected " + std::string(member.expected)));
    }
}

TEST_CASE("A document without an optional member has no problems", "[validation]") {
    for (const auto& member : members) {
        if (member.required) continue;
        const nlohmann::json document = documents::without_member(member.key);
        INFO("member: " << member.key << "\ndocument: " << document.dump());
        const auto problems = konnect::validate(document);
        INFO("problems:\n" << problems_text(problems));
        CHECK(problems.empty());
    }
}

TEST_CASE("A null non nullable member is rejected with one null_not_allowed problem naming it", "[validation]") {
    for (const auto& member : members) {
        if (member.nullable) continue;
        const nlohmann::json document = documents::with_member(member.key, nullptr);
        INFO("member: " << member.key << "\ndocument: " << document.dump());
        const auto problems = konnect::validate(document);
        INFO("problems:\n" << problems_text(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pointer == "/" + member.key);
        CHECK(problems[0].kind == ProblemKind::null_not_allowed);
        CHECK(contains(problems[0].message, "expected " + std::string(member.expected)));
        CHECK(contains(problems[0].message, "found null"));
        CHECK_FALSE(contains(problems[0].message, "or null"));
    }
}

TEST_CASE("A null updated_at is rejected although an absent updated_at is accepted", "[validation]") {
    // The schema lets updated_at be left out but, unlike last_used_at, never be null.
    CHECK(konnect::validate(documents::without_member("updated_at")).empty());

    const nlohmann::json document = documents::with_member("updated_at", nullptr);
    INFO("document: " << document.dump());
    const auto problems = konnect::validate(document);
    INFO("problems:\n" << problems_text(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/updated_at");
    CHECK(problems[0].kind == ProblemKind::null_not_allowed);
    CHECK_THROWS_AS(document.get<Response>(), konnect::validation_error);
}

TEST_CASE("Nullable members accept null", "[validation]") {
    for (const auto& member : members) {
        if (!member.nullable) continue;
        const nlohmann::json document = documents::with_member(member.key, nullptr);
        INFO("member: " << member.key << "\ndocument: " << document.dump());
        const auto problems = konnect::validate(document);
        INFO("problems:\n" << problems_text(problems));
        CHECK(problems.empty());
        CHECK_NOTHROW(document.get<Response>());
    }
}

TEST_CASE("A member of a wrong JSON type is rejected with one wrong_type problem saying what was expected and found",
          "[validation]") {
    const std::vector<std::pair<nlohmann::json, std::string>> wrong_values{
        {nlohmann::json(42), "found a number"},
        {nlohmann::json(-1.5), "found a number"},
        {nlohmann::json(true), "found a boolean"},
        {nlohmann::json(false), "found a boolean"},
        {nlohmann::json::array(), "found an array"},
        {nlohmann::json::parse(R"(["2023-01-01T00:00:00.000Z"])"), "found an array"},
        {nlohmann::json::object(), "found an object"},
        {nlohmann::json::parse(R"({"value": "x"})"), "found an object"}};
    for (const auto& member : members) {
        for (const auto& [value, found] : wrong_values) {
            const nlohmann::json document = documents::with_member(member.key, value);
            INFO("member: " << member.key << "\ndocument: " << document.dump());
            const auto problems = konnect::validate(document);
            INFO("problems:\n" << problems_text(problems));
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].pointer == "/" + member.key);
            CHECK(problems[0].kind == ProblemKind::wrong_type);
            CHECK(contains(problems[0].message, "expected " + std::string(member.expected)));
            CHECK(contains(problems[0].message, found));
            CHECK(contains(problems[0].message, "or null") == member.nullable);
        }
    }
}

TEST_CASE("A string that is not a UUID or not a date-time is rejected as invalid_format quoting the string",
          "[validation]") {
    const std::vector<std::string> not_uuids{"not-a-uuid",
                                             "",
                                             "83f8380e7798456699e32edf2b57d289",
                                             "{83f8380e-7798-4566-99e3-2edf2b57d289}",
                                             "83f8380e-7798-4566-99e3-2edf2b57d28g",
                                             " 83f8380e-7798-4566-99e3-2edf2b57d289"};
    const std::vector<std::string> not_date_times{"2023-01-01",
                                                  "",
                                                  "yesterday",
                                                  "2023-01-01 00:00:00Z",
                                                  "2023-13-01T00:00:00.000Z",
                                                  "2023-02-29T00:00:00.000Z",
                                                  "2023-01-01T00:00:00.000"};
    for (const auto& member : members) {
        if (member.expected == plain_string) continue;
        for (const auto& text : member.expected == uuid_string ? not_uuids : not_date_times) {
            const nlohmann::json document = documents::with_member(member.key, text);
            INFO("member: " << member.key << "\ndocument: " << document.dump());
            const auto problems = konnect::validate(document);
            INFO("problems:\n" << problems_text(problems));
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].pointer == "/" + member.key);
            CHECK(problems[0].kind == ProblemKind::invalid_format);
            CHECK(contains(problems[0].message, "expected " + std::string(member.expected)));
            CHECK(contains(problems[0].message, "found the string \"" + text + "\""));
        }
    }
}

TEST_CASE("A UUID or date-time member that does not read says why after the string it quotes", "[validation]") {
    struct Row {
        std::string member;
        std::string value;
        std::string message;
    };
    const std::string date_time = "expected an RFC 3339 date-time string (like 2023-01-01T00:00:00.000Z), found ";
    const std::string nullable_date_time =
        "expected an RFC 3339 date-time string (like 2023-01-01T00:00:00.000Z) or null, found ";
    const std::string uuid = "expected a UUID string (8-4-4-4-12 hexadecimal digits), found ";
    const std::vector<Row> rows{
        {"created_at", "2023-02-30T00:00:00Z",
         date_time + R"(the string "2023-02-30T00:00:00Z": February 2023 has no day 30)"},
        {"created_at", "2024-04-31T00:00:00Z",
         date_time + R"(the string "2024-04-31T00:00:00Z": April 2024 has no day 31)"},
        {"updated_at", "1900-02-29T00:00:00Z",
         date_time + R"(the string "1900-02-29T00:00:00Z": February 1900 has no day 29)"},
        {"created_at", "2023-01-00T00:00:00Z",
         date_time + R"(the string "2023-01-00T00:00:00Z": January 2023 has no day 00)"},
        {"created_at", "2023-13-01T00:00:00Z",
         date_time + R"(the string "2023-13-01T00:00:00Z": there is no month 13)"},
        {"created_at", "2023-01-01T24:00:00Z", date_time + R"(the string "2023-01-01T24:00:00Z": there is no hour 24)"},
        {"created_at", "2023-01-01T00:60:00Z",
         date_time + R"(the string "2023-01-01T00:60:00Z": there is no minute 60)"},
        {"created_at", "2023-01-01T00:00:61Z",
         date_time + R"(the string "2023-01-01T00:00:61Z": there is no second 61)"},
        {"expires_at", "1998-12-31T23:59:60+01:00",
         nullable_date_time + R"(the string "1998-12-31T23:59:60+01:00": second 60, a leap second, comes only at )"
                              R"(23:59:60 UTC, and this is 22:59:60 UTC)"},
        {"created_at", "2023-01-01T00:00:00+01",
         date_time + R"(the string "2023-01-01T00:00:00+01": an offset must be +HH:MM or -HH:MM)"},
        {"created_at", "2023-01-01 00:00:00Z",
         date_time + R"(the string "2023-01-01 00:00:00Z": character 11 must be 'T' or 't' (YYYY-MM-DDTHH:MM:SS))"},
        {"id", "83f8380e-7798-4566-99e3-2edf2b57d28",
         uuid + R"(the string "83f8380e-7798-4566-99e3-2edf2b57d28": a UUID has 36 characters, this has 35)"},
        {"revoked_by", "83f8380e-7798-4566-99e3-2edf2b57d28x",
         "expected a UUID string (8-4-4-4-12 hexadecimal digits) or null, found the string "
         R"("83f8380e-7798-4566-99e3-2edf2b57d28x": character 36 must be a hexadecimal digit)"},
        // Not quoted: longer than 64 bytes, so the reason names no value from it either.
        {"created_at", "2023-02-30T00:00:00." + std::string(50, '0') + "Z",
         date_time + "a string of 71 bytes (not quoted): the day must be 01 to the last day of its month"}};
    for (const Row& row : rows) {
        const nlohmann::json document = documents::with_member(row.member, row.value);
        INFO("member: " << row.member << "\nvalue: " << row.value);
        const auto problems = konnect::validate(document);
        INFO("problems:\n" << problems_text(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pointer == "/" + row.member);
        CHECK(problems[0].kind == ProblemKind::invalid_format);
        CHECK(problems[0].message == row.message);
        CHECK(support::reading_error<Response>(document)->problems() == problems);
    }
}

TEST_CASE("The reason a date-time holding a run of the token does not read names no value from it", "[validation]") {
    // The token's first bytes where the seconds go: the string is not quoted, and the reason says only which
    // character is wrong, not what it is.
    const std::string kong_token(documents::kong_example_token);
    const std::string value = "2023-01-01T00:00:" + kong_token.substr(0, 12);
    const auto problems = konnect::validate(documents::with_member("created_at", value));
    INFO("problems:\n" << problems_text(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message ==
          "expected an RFC 3339 date-time string (like 2023-01-01T00:00:00.000Z), found a string of 29 bytes (not "
          "quoted): character 18 must be a digit of the second (YYYY-MM-DDTHH:MM:SS)");
    support::check_no_token_fragment_in(problems);
}

TEST_CASE("A document with several faults lists every problem in schema order", "[validation]") {
    SECTION("four faults whose keys sort differently from the schema") {
        nlohmann::json document = documents::without_member("id");
        document["user_id"] = "not-a-uuid";
        document["name"] = 42;
        document["created_at"] = "bad";
        document["updated_at"] = nullptr;
        INFO("document: " << document.dump());
        const auto problems = konnect::validate(document);
        INFO("problems:\n" << problems_text(problems));
        CHECK(documents::problem_pointers(document) ==
              std::vector<std::string>{"/id", "/user_id", "/name", "/created_at", "/updated_at"});
        CHECK(problem_kinds(problems) == std::vector<ProblemKind>{ProblemKind::missing, ProblemKind::invalid_format,
                                                                  ProblemKind::wrong_type, ProblemKind::invalid_format,
                                                                  ProblemKind::null_not_allowed});
    }
    SECTION("every member broken at once") {
        nlohmann::json document = nlohmann::json::object();
        std::vector<std::string> expected;
        for (const auto& member : members) {
            document[member.key] = 42;
            expected.push_back("/" + member.key);
        }
        INFO("document: " << document.dump());
        CHECK(documents::problem_pointers(document) == expected);
    }
}

TEST_CASE("A root that is not an object is rejected with one wrong_type problem for the whole document",
          "[validation]") {
    const std::vector<nlohmann::json> roots{nlohmann::json::array(), nlohmann::json::array({documents::kong_example()}),
                                            nlohmann::json("text"),  nlohmann::json(42),
                                            nlohmann::json(1.5),     nlohmann::json(nullptr),
                                            nlohmann::json(true),    nlohmann::json(false)};
    for (const auto& document : roots) {
        INFO("document: " << document.dump());
        const auto problems = konnect::validate(document);
        INFO("problems:\n" << problems_text(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pointer.empty());
        CHECK(problems[0].kind == ProblemKind::wrong_type);
        CHECK(contains(problems[0].message, "expected an object"));
    }
}

TEST_CASE("A discarded value, what nlohmann_json reads from text that is not JSON, is never taken for null",
          "[validation]") {
    const nlohmann::json discarded = nlohmann::json::parse("{", nullptr, false);
    REQUIRE(discarded.is_discarded());
    const std::string found = "found a discarded value";

    const auto root_problems = konnect::validate(discarded);
    INFO("problems of a discarded root:\n" << problems_text(root_problems));
    REQUIRE(root_problems.size() == 1);
    CHECK(root_problems[0].kind == ProblemKind::wrong_type);
    CHECK(contains(root_problems[0].message, found));

    for (const std::string member : {"revoked_by", "id"}) {  // one nullable, one not
        const auto problems = konnect::validate(documents::with_member(member, discarded));
        INFO("problems of a discarded " << member << ":\n" << problems_text(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pointer == "/" + member);
        CHECK(problems[0].kind == ProblemKind::wrong_type);
        CHECK(contains(problems[0].message, found));
    }
}

TEST_CASE("Decoding an invalid document throws a validation_error with the problems validate finds", "[validation]") {
    nlohmann::json several_faults = documents::without_member("id");
    several_faults["name"] = 42;
    several_faults["created_at"] = "bad";
    several_faults["updated_at"] = nullptr;
    const std::vector<nlohmann::json> invalid{
        several_faults,
        documents::without_member("expires_at"),
        documents::with_member("konnect_token", 1),
        documents::with_member("extra", nested(konnect::max_nesting_depth, Shape::arrays)),
        nlohmann::json::array(),
        nlohmann::json(nullptr),
        nlohmann::json::object()};
    for (const auto& document : invalid) {
        INFO("document: " << document.dump());
        std::vector<konnect::Problem> problems;
        CHECK_NOTHROW(problems = konnect::validate(document));
        INFO("validate() finds:\n" << problems_text(problems));
        CHECK_FALSE(problems.empty());

        const auto error = support::reading_error<Response>(document);
        REQUIRE(error.has_value());
        const std::string what = error->what();
        INFO("what(): " << what);
        CHECK(error->problems() == problems);
        CHECK(error->id == konnect::validation_error::invalid_document);
        CHECK(what.rfind("[konnect.validation_error.701]", 0) == 0);
        for (const auto& problem : problems) {
            INFO("pointer: " << problem.pointer);
            CHECK(contains(what, (problem.pointer.empty() ? std::string("(document)") : problem.pointer) + ": "));
        }
    }
}

TEST_CASE("A decoding error can be caught as a nlohmann json exception with id 701 and as a std exception",
          "[validation]") {
    const nlohmann::json document = documents::without_member("name");
    INFO("document: " << document.dump());
    CHECK_THROWS_AS(document.get<Response>(), nlohmann::json::exception);
    CHECK_THROWS_AS(document.get<Response>(), std::exception);

    std::optional<int> id;
    try {
        static_cast<void>(document.get<Response>());
    } catch (const nlohmann::json::exception& error) {
        id = error.id;
    }
    REQUIRE(id.has_value());
    CHECK(*id == 701);
}

TEST_CASE("The what text lists at most sixteen problems and says how many more there are", "[validation]") {
    const std::vector<std::pair<std::size_t, std::string>> counts{
        {1, ""}, {16, ""}, {17, "and 1 more"}, {20, "and 4 more"}};
    for (const auto& [count, more] : counts) {
        std::vector<konnect::Problem> problems;
        for (std::size_t i = 0; i < count; ++i)
            problems.push_back({"/p" + std::to_string(i), ProblemKind::wrong_type, "problem " + std::to_string(i)});
        const konnect::validation_error error(konnect::validation_error::invalid_document, problems);
        const std::string what = error.what();
        INFO("problems: " << count << "\nwhat(): " << what);

        CHECK(error.problems() == problems);
        CHECK(what.rfind("[konnect.validation_error.701] " + std::to_string(count) + " problem", 0) == 0);
        for (std::size_t i = 0; i < count; ++i) {
            INFO("problem " << i);
            CHECK(contains(what, "/p" + std::to_string(i) + ": ") == (i < 16));
        }
        if (more.empty()) {
            CHECK_FALSE(contains(what, "more"));
        } else {
            CHECK(contains(what, "; " + more));
        }
    }
}

TEST_CASE("The what text writes the id as std::to_string writes an int, a negative one and the extremes too",
          "[validation]") {
    for (const int id : {0, 1, 701, -5, std::numeric_limits<int>::max(), std::numeric_limits<int>::min()}) {
        const konnect::validation_error error(id, {{"/id", ProblemKind::wrong_type, "a problem"}});
        const std::string what = error.what();
        INFO("id: " << id << "\nwhat(): " << what);
        CHECK(what == "[konnect.validation_error." + std::to_string(id) + "] 1 problem: /id: a problem");
    }
}

TEST_CASE("No problem or what text contains the token value whatever member the value turns up in", "[validation]") {
    const std::string token(documents::kong_example_token);
    nlohmann::json token_copied_to_unknown = documents::with_member("name", 42);
    token_copied_to_unknown["copy_of_the_token"] = token;
    nlohmann::json token_everywhere = documents::kong_example();
    for (const auto& member : members)
        if (member.key != "konnect_token") token_everywhere[member.key] = token;
    nlohmann::json token_as_deep_key = documents::kong_example();
    token_as_deep_key[token] = nested(konnect::max_nesting_depth, Shape::arrays);

    const std::vector<std::pair<std::string, nlohmann::json>> documents_with_token{
        {"token valid and name a number", documents::with_member("name", 42)},
        {"token valid and id missing", documents::without_member("id")},
        {"token in id", documents::with_member("id", token)},
        {"token in user_id", documents::with_member("user_id", token)},
        {"token in revoked_by", documents::with_member("revoked_by", token)},
        {"token in created_at", documents::with_member("created_at", token)},
        {"token in updated_at", documents::with_member("updated_at", token)},
        {"token in last_used_at", documents::with_member("last_used_at", token)},
        {"token in expires_at", documents::with_member("expires_at", token)},
        {"token in revoked_at", documents::with_member("revoked_at", token)},
        {"token in every other member", token_everywhere},
        {"token inside a longer bad uuid", documents::with_member("id", "83f8380e-" + token + "-x")},
        {"token after a valid date-time", documents::with_member("created_at", "2023-01-01T00:00:00.000Z" + token)},
        {"token after forty bytes of user_id", documents::with_member("user_id", std::string(40, 'x') + token)},
        {"token after a hundred bytes of id", documents::with_member("id", std::string(100, 'x') + token)},
        {"token in an unknown member and name a number", token_copied_to_unknown},
        {"token as the name of a too deep unknown member", token_as_deep_key},
        {"token inside an array given for name", documents::with_member("name", nlohmann::json::array({token}))},
        {"token as a key of an object given for state", documents::with_member("state", {{token, 1}})}};

    for (const auto& [description, document] : documents_with_token) {
        INFO(description << "\ndocument: " << document.dump());
        const auto problems = konnect::validate(document);
        REQUIRE_FALSE(problems.empty());
        support::check_no_token_fragment_in(problems);
        const auto error = support::reading_error<Response>(document);
        REQUIRE(error.has_value());
        INFO("what(): " << error->what());
        CHECK(support::token_fragment_in(error->what()).empty());
    }
}

TEST_CASE("An unknown member nested to the depth limit is accepted and one level deeper is rejected as too_deep",
          "[validation]") {
    // The root object is level 1, so a member's value may hold max_nesting_depth - 1 levels.
    for (const Shape shape : {Shape::arrays, Shape::objects}) {
        INFO("nested " << (shape == Shape::arrays ? "arrays" : "objects"));
        {
            const nlohmann::json at_limit = nested(konnect::max_nesting_depth - 1, shape);
            const nlohmann::json document = documents::with_member("deep", at_limit);
            const auto problems = konnect::validate(document);
            INFO("at the limit, problems:\n" << problems_text(problems));
            CHECK(problems.empty());
            const auto response = document.get<Response>();
            REQUIRE(response.additional_properties.contains("deep"));
            CHECK(response.additional_properties.at("deep") == at_limit);
        }
        {
            const nlohmann::json document = documents::with_member("deep", nested(konnect::max_nesting_depth, shape));
            const auto problems = konnect::validate(document);
            INFO("one level deeper, problems:\n" << problems_text(problems));
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].kind == ProblemKind::too_deep);
            CHECK(problems[0].pointer == "/deep");
            CHECK(problems[0].message == support::too_deep_message);
            CHECK_THROWS_AS(document.get<Response>(), konnect::validation_error);
        }
    }
}

TEST_CASE("A hundred thousand levels of nesting are reported as a problem without recursing past the limit",
          "[validation]") {
    // Never copy, compare or dump these documents: those nlohmann operations recurse.
    constexpr std::size_t levels = 100000;
    struct Placement {
        std::string where;
        std::function<nlohmann::json(nlohmann::json)> place;
        ProblemKind kind;
        std::string pointer;
    };
    const std::vector<Placement> placements{
        {"an unknown member", [](nlohmann::json deep) { return documents::with_member("deep", std::move(deep)); },
         ProblemKind::too_deep, "/deep"},
        {"the name member", [](nlohmann::json deep) { return documents::with_member("name", std::move(deep)); },
         ProblemKind::wrong_type, "/name"},
        {"the root", [](nlohmann::json deep) { return deep; }, ProblemKind::wrong_type, ""}};
    for (const auto& placement : placements) {
        INFO("deep value in " << placement.where);
        const nlohmann::json document = placement.place(nested(levels, Shape::arrays));
        std::vector<konnect::Problem> problems;
        CHECK_NOTHROW(problems = konnect::validate(document));
        INFO("problems:\n" << problems_text(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].kind == placement.kind);
        CHECK(problems[0].pointer == placement.pointer);
        CHECK_THROWS_AS(document.get<Response>(), konnect::validation_error);
    }
}

TEST_CASE("A found string is quoted only when it is short and shares no run of eight bytes with the token",
          "[validation]") {
    const std::string token(documents::kong_example_token);
    const std::vector<std::pair<std::string, std::string>> ids_and_findings{
        {"not-a-uuid", R"(the string "not-a-uuid")"},
        {std::string(64, 'x'), "the string \"" + std::string(64, 'x') + "\""},
        {std::string(65, 'x'), "a string of 65 bytes (not quoted)"},
        {token.substr(0, token.size() - 1), "a string of 53 bytes (not quoted)"},
        {"id-" + token.substr(30, 8), "a string of 11 bytes (not quoted)"},
        {"id-" + token.substr(30, 7), "the string \"id-" + token.substr(30, 7) + "\""}};
    for (const auto& [id, found] : ids_and_findings) {
        INFO("id: " << support::printable(id));
        const auto problems = konnect::validate(documents::with_member("id", id));
        INFO("problems:\n" << problems_text(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].pointer == "/id");
        CHECK(problems[0].kind == ProblemKind::invalid_format);
        CHECK(contains(problems[0].message, ", found " + found));
        support::check_no_token_fragment_in(problems);
    }
}

TEST_CASE("Validating huge members against a long token takes linear time", "[validation]") {
    // Looking for each 8-byte run of a 1001-byte token in an 800000-byte member takes a minute where the member holds
    // none of them (aaaaaaac repeated); a member of a only holds the first, found at once. Both must be cheap.
    const std::string all_a(800000, 'a');
    std::string no_run_of_the_token;
    while (no_run_of_the_token.size() < all_a.size())
        no_run_of_the_token += "aaaaaaac";
    nlohmann::json document = documents::with_member("konnect_token", std::string(1000, 'a') + "b");
    std::vector<std::string> expected_pointers;
    for (const auto& member : members) {
        if (member.expected == plain_string) continue;
        document[member.key] = member.expected == uuid_string ? all_a : no_run_of_the_token;
        expected_pointers.push_back("/" + member.key);
    }

    const auto problems =
        support::within_seconds_allowed("validate()", [&document] { return konnect::validate(document); });
    std::vector<std::string> pointers;
    for (const auto& problem : problems) {
        pointers.push_back(problem.pointer);
        INFO("pointer: " << problem.pointer);
        CHECK(contains(problem.message, "found a string of 800000 bytes (not quoted)"));
    }
    CHECK(pointers == expected_pointers);
}

TEST_CASE("A too deep member whose name spans lines is reported without its name", "[validation]") {
    // A name quoted raw in a pointer could forge log lines.
    nlohmann::json document = documents::kong_example();
    document["fake\n[ERROR] line"] = documents::nested(konnect::max_nesting_depth, documents::Shape::arrays);
    const auto problems = konnect::validate(document);
    INFO("problems:\n" << problems_text(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == ProblemKind::too_deep);
    CHECK(problems[0].pointer.empty());
    CHECK_FALSE(contains(problems[0].message, "\n"));
}

TEST_CASE("A found string that holds the token in escaped form is not quoted", "[validation]") {
    const std::string odd_token = "ab\"cdefgh";
    nlohmann::json document = documents::with_member("konnect_token", odd_token);
    document["updated_at"] = odd_token;
    const auto problems = konnect::validate(document);
    INFO("problems:\n" << problems_text(problems));
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].message, "a string of 9 bytes (not quoted)"));
}

TEST_CASE("A too deep member named like a token full of slashes is reported without its name", "[validation]") {
    // Its pointer writes each / as ~1, which breaks every run of the token apart; the name itself shows it.
    const std::string slashed_token = "a/b/c/d/e";
    nlohmann::json document = documents::with_member("konnect_token", slashed_token);
    document[slashed_token] = documents::nested(konnect::max_nesting_depth, documents::Shape::arrays);
    const auto problems = konnect::validate(document);
    INFO("problems:\n" << problems_text(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == ProblemKind::too_deep);
    CHECK(problems[0].pointer.empty());
    CHECK_FALSE(contains(problems[0].message, "a~1b"));
}
