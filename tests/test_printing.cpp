// Printing: operator<< for every type, and the token's value never in what is printed.
#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace {

using konnect::PersonalAccessTokenCreateResponse;
using support::contains;
using support::printed;

const std::string example_token(documents::kong_example_token);

PersonalAccessTokenCreateResponse decoded(const nlohmann::json& document) {
    return document.get<PersonalAccessTokenCreateResponse>();
}

// How many times `part` stands in `text`, not overlapping.
std::size_t occurrences(std::string_view text, std::string_view part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + part.size()))
        ++count;
    return count;
}

}  // namespace

TEST_CASE("A UUID prints as its lower case text", "[printing]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"83F8380E-7798-4566-99E3-2EDF2B57D289", "83f8380e-7798-4566-99e3-2edf2b57d289"},
        {"83f8380e-7798-4566-99e3-2edf2b57d289", "83f8380e-7798-4566-99e3-2edf2b57d289"},
        {"AbCdEf01-2345-6789-aBcD-EF0123456789", "abcdef01-2345-6789-abcd-ef0123456789"},
        {"00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000"},
    }));
    INFO("text: " << text);

    const auto uuid = konnect::Uuid::from_string(text);
    REQUIRE(uuid.has_value());
    CHECK(printed(*uuid) == expected);
    CHECK(printed(*uuid) == uuid->to_string());
}

TEST_CASE("A timestamp prints as its RFC 3339 text", "[printing]") {
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"2023-01-01T00:00:00.000Z", "2023-01-01T00:00:00.000Z"},
        {"2023-01-01t00:00:00z", "2023-01-01T00:00:00.000Z"},
        {"2023-06-15T12:30:45.123456+05:30", "2023-06-15T12:30:45.123456+05:30"},
        {"1999-12-31T23:59:60.5Z", "1999-12-31T23:59:60.500Z"},
        {"2024-02-29T08:00:00.000000001-08:00", "2024-02-29T08:00:00.000000001-08:00"},
    }));
    INFO("text: " << text);

    const auto timestamp = konnect::Timestamp::from_string(text);
    REQUIRE(timestamp.has_value());
    CHECK(printed(*timestamp) == expected);
    CHECK(printed(*timestamp) == timestamp->to_string());
}

TEST_CASE("A named state prints as its schema text", "[printing]") {
    CHECK(printed(konnect::State::from_string("ACTIVE")) == "ACTIVE");
    CHECK(printed(konnect::State::from_string("REVOKED")) == "REVOKED");
    CHECK(printed(konnect::State::from_string("EXPIRED")) == "EXPIRED");
    CHECK(printed(konnect::State(konnect::State::active)) == "ACTIVE");
}

TEST_CASE("An unknown state prints as its quoted text marked unknown", "[printing]") {
    CHECK(printed(konnect::State::from_string("PENDING_APPROVAL")) == "\"PENDING_APPROVAL\" (unknown)");
    CHECK(printed(konnect::State::from_string("active")) == "\"active\" (unknown)");
    CHECK(printed(konnect::State::from_string(" ACTIVE")) == "\" ACTIVE\" (unknown)");
    CHECK(printed(konnect::State()) == "\"\" (unknown)");
}

TEST_CASE("An unknown state with a quote and a newline prints them escaped", "[printing]") {
    const std::string text = "SAY \"HI\"\nTWICE";
    INFO("state text: " << text);

    const std::string output = printed(konnect::State::from_string(text));
    INFO("printed: " << output);
    CHECK_FALSE(contains(output, "\n"));
    CHECK(output.rfind("\"SAY \\\"HI\\\"\\", 0) == 0);
    CHECK(contains(output, "TWICE\" (unknown)"));
}

TEST_CASE("A secret prints as redacted", "[printing]") {
    CHECK(printed(konnect::Secret(documents::kong_example_token)) == "[redacted]");
    CHECK(printed(konnect::Secret()) == "[redacted]");
}

TEST_CASE("A problem kind prints as its enumerator name", "[printing]") {
    const auto [kind, name] = GENERATE(table<konnect::ProblemKind, std::string>({
        {konnect::ProblemKind::malformed_json, "malformed_json"},
        {konnect::ProblemKind::too_deep, "too_deep"},
        {konnect::ProblemKind::missing, "missing"},
        {konnect::ProblemKind::null_not_allowed, "null_not_allowed"},
        {konnect::ProblemKind::wrong_type, "wrong_type"},
        {konnect::ProblemKind::invalid_format, "invalid_format"},
        {konnect::ProblemKind::named_by_schema, "named_by_schema"},
    }));
    INFO("expected name: " << name);
    CHECK(printed(kind) == name);
}

TEST_CASE("A problem prints as its pointer and message", "[printing]") {
    const konnect::Problem problem{"/id", konnect::ProblemKind::wrong_type, "expected a UUID string, found a number"};
    CHECK(printed(problem) == "/id: expected a UUID string, found a number");
    CHECK(printed(problem) == konnect::to_string(problem));
}

TEST_CASE("A problem with an empty pointer prints as a problem of the whole document", "[printing]") {
    const konnect::Problem problem{"", konnect::ProblemKind::wrong_type, "expected an object, found an array"};
    CHECK(printed(problem) == "(document): expected an object, found an array");
}

TEST_CASE("The example body prints every member with the token redacted", "[printing]") {
    const auto response = PersonalAccessTokenCreateResponse::parse(documents::kong_example_text);
    CHECK(printed(response) ==
          "PersonalAccessTokenCreateResponse{id: 83f8380e-7798-4566-99e3-2edf2b57d289, "
          "user_id: 84f8380e-7798-4566-99e3-2edf2b57d288, name: \"Development Token\", state: ACTIVE, "
          "konnect_token: [redacted], revoked_by: null, created_at: 2023-01-01T00:00:00.000Z, "
          "updated_at: 2023-01-01T00:00:00.000Z, last_used_at: null, expires_at: 2024-01-01T00:00:00.000Z, "
          "revoked_at: null}");
}

TEST_CASE("A response prints its members in schema order", "[printing]") {
    nlohmann::json document = documents::kong_example();
    document["revoked_by"] = "85f8380e-7798-4566-99e3-2edf2b57d287";
    document["last_used_at"] = "2023-06-01T00:00:00.000Z";
    document["revoked_at"] = "2023-07-01T00:00:00.000Z";
    const std::string output = printed(decoded(document));
    INFO("printed: " << output);

    constexpr std::array<std::string_view, 11> markers{
        "{id: ",          ", user_id: ",    ", name: ",         ", state: ",      ", konnect_token: ", ", revoked_by: ",
        ", created_at: ", ", updated_at: ", ", last_used_at: ", ", expires_at: ", ", revoked_at: "};
    std::size_t previous = 0;
    for (const std::string_view marker : markers) {
        INFO("member: " << marker);
        const std::size_t position = output.find(marker);
        REQUIRE(position != std::string::npos);
        CHECK(position >= previous);
        previous = position;
    }
    CHECK(contains(output, "revoked_by: 85f8380e-7798-4566-99e3-2edf2b57d287, "));
    CHECK(contains(output, "last_used_at: 2023-06-01T00:00:00.000Z, "));
    CHECK(contains(output, "revoked_at: 2023-07-01T00:00:00.000Z}"));
}

TEST_CASE("Absent and null optional members print as null", "[printing]") {
    nlohmann::json document = documents::without_member("updated_at");
    document["revoked_by"] = nullptr;
    document["last_used_at"] = nullptr;
    document["expires_at"] = nullptr;
    document["revoked_at"] = nullptr;
    INFO("document: " << document.dump());

    const std::string output = printed(decoded(document));
    INFO("printed: " << output);
    CHECK(contains(output, ", revoked_by: null, "));
    CHECK(contains(output, ", updated_at: null, "));
    CHECK(contains(output, ", last_used_at: null, "));
    CHECK(contains(output, ", expires_at: null, "));
    CHECK(contains(output, ", revoked_at: null}"));
}

TEST_CASE("A response prints its name quoted and escaped on one line", "[printing]") {
    const std::string name = "line one\nsaid \"hi\" \\ bye";
    INFO("name: " << name);

    const std::string output = printed(decoded(documents::with_member("name", name)));
    INFO("printed: " << output);
    CHECK_FALSE(contains(output, "\n"));
    CHECK(contains(output, ", name: \"line one\\"));
    CHECK(contains(output, "said \\\"hi\\\" \\\\ bye\", state: "));
}

TEST_CASE("A response prints the names of its unknown members and never their values", "[printing]") {
    // A value may be a secret this library does not know, so only the names print.
    SECTION("one member") {
        const std::string output = printed(decoded(documents::with_member("region", "eu-central-secret")));
        INFO("printed: " << output);
        CHECK(contains(output, ", revoked_at: null, additional_properties: 1 member (\"region\")}"));
        CHECK_FALSE(contains(output, "eu-central-secret"));
    }
    SECTION("two members one of them nested") {
        nlohmann::json document = documents::with_member("b", {{"team", "core-secret"}, {"tiers", {1, 2}}});
        document["a"] = "password-secret";
        const std::string output = printed(decoded(document));
        INFO("printed: " << output);
        CHECK(contains(output, ", additional_properties: 2 members (\"a\", \"b\")}"));
        CHECK_FALSE(contains(output, "secret"));
        CHECK_FALSE(contains(output, "team"));
    }
    SECTION("a name with a quote and a newline") {
        const std::string output = printed(decoded(documents::with_member("say \"hi\"\nthen", 1)));
        INFO("printed: " << output);
        CHECK_FALSE(contains(output, "\n"));
        CHECK(contains(output, "additional_properties: 1 member (\"say \\\"hi\\\"\\nthen\")}"));
    }
    SECTION("no unknown members") {
        const std::string output = printed(PersonalAccessTokenCreateResponse::parse(documents::kong_example_text));
        INFO("printed: " << output);
        CHECK_FALSE(contains(output, "additional_properties"));
    }
}

TEST_CASE("A response whose additional_properties is not an object prints what it holds instead", "[printing]") {
    // Encoding refuses such a response; printing it must still say what is wrong rather than invent members.
    PersonalAccessTokenCreateResponse response = PersonalAccessTokenCreateResponse::parse(documents::kong_example_text);
    response.additional_properties = nlohmann::json::array({1, 2});
    const std::string output = printed(response);
    INFO("printed: " << output);
    CHECK(contains(output, ", additional_properties: not an object but an array}"));
    CHECK_FALSE(contains(output, "member"));
}

TEST_CASE("A response whose unknown member nests too deep to encode prints its name without crashing", "[printing]") {
    // Printing a value a hundred thousand levels deep would recurse through the stack: only the name prints.
    PersonalAccessTokenCreateResponse response = decoded(documents::kong_example());
    response.additional_properties["deep"] = documents::nested(100000);
    const std::string output = printed(response);
    INFO("printed: " << output);
    CHECK(contains(output, ", additional_properties: 1 member (\"deep\")}"));
}

TEST_CASE("The token value does not appear in the printed response when an unknown member repeats it", "[printing]") {
    const nlohmann::json copy =
        GENERATE(as<nlohmann::json>{}, nlohmann::json{{"copy", example_token}},
                 nlohmann::json{{"copy", "before " + example_token + " after"}},
                 nlohmann::json{{"nested", {{"deeper", {example_token, example_token}}}}},
                 nlohmann::json{{example_token, true}}, nlohmann::json{{"line", "a\n" + example_token}});
    nlohmann::json document = documents::kong_example();
    for (const auto& member : copy.items())
        document[member.key()] = member.value();
    INFO("unknown members: " << copy.dump());

    const auto response = decoded(document);
    REQUIRE(response.additional_properties.is_object());
    const std::string output = printed(response);
    CHECK_FALSE(contains(output, example_token));
    CHECK(contains(output, "additional_properties: "));
    CHECK(contains(output, "[redacted]"));

    const std::string stringified = Catch::Detail::stringify(response);
    CHECK_FALSE(contains(stringified, example_token));
}

TEST_CASE("The token value does not appear in the printed response when the name contains it", "[printing]") {
    const auto [name, described] = GENERATE(table<std::string, std::string>({
        {example_token, "the token"},
        {"copy of " + example_token, "\"copy of \" then the token"},
        {example_token + "\n", "the token then a newline"},
    }));
    INFO("name: " << described);

    const auto response = decoded(documents::with_member("name", name));
    REQUIRE(response.name == name);
    CHECK_FALSE(contains(printed(response), example_token));
    CHECK_FALSE(contains(Catch::Detail::stringify(response), example_token));
}

TEST_CASE("The token value does not appear in the printed response when an unknown state contains it", "[printing]") {
    INFO("state: \"LEAKED_\" then the token");
    const auto response = decoded(documents::with_member("state", "LEAKED_" + example_token));
    REQUIRE(response.state.is_unknown());
    CHECK_FALSE(contains(printed(response), example_token));
    CHECK_FALSE(contains(Catch::Detail::stringify(response), example_token));
}

TEST_CASE("The stringification Catch2 uses never shows the token", "[printing]") {
    const konnect::Secret secret(documents::kong_example_token);
    CHECK(Catch::Detail::stringify(secret) == "[redacted]");

    const auto response = PersonalAccessTokenCreateResponse::parse(documents::kong_example_text);
    const std::string stringified = Catch::Detail::stringify(response);
    INFO("stringified: " << stringified);
    CHECK_FALSE(contains(stringified, example_token));
    CHECK(contains(stringified, "konnect_token: [redacted]"));
    CHECK(stringified == printed(response));

    CHECK(Catch::Detail::stringify(konnect::State::from_string("ACTIVE")) == "ACTIVE");
    CHECK(Catch::Detail::stringify(konnect::ProblemKind::missing) == "missing");
}

TEST_CASE("A one letter token is redacted in the name but leaves the labels intact", "[printing]") {
    const std::string output = printed(decoded(documents::with_member("konnect_token", "e")));
    INFO("printed: " << output);
    CHECK(output.rfind("PersonalAccessTokenCreateResponse{id: ", 0) == 0);
    CHECK(contains(output, ", name: \"D[redacted]v[redacted]lopm[redacted]nt Tok[redacted]n\", "));
    CHECK(contains(output, ", konnect_token: [redacted], "));
    CHECK(contains(output, ", created_at: 2023-01-01T00:00:00.000Z, "));
    CHECK(contains(output, ", expires_at: 2024-01-01T00:00:00.000Z, "));
    CHECK(occurrences(output, "[redacted]") == 5);
}

TEST_CASE("A name of two mebibytes with a one letter token prints in linear time", "[printing]") {
    // Every other byte of the name is a copy of the token: a million places to redact, none adjacent.
    std::string name;
    while (name.size() < 2U * 1024U * 1024U)
        name += "ex";
    nlohmann::json document = documents::with_member("konnect_token", "e");
    document["name"] = name;
    const auto response = decoded(document);

    const std::string output = support::within_seconds_allowed("printing", [&response] { return printed(response); });
    CHECK(occurrences(output, "[redacted]") == name.size() / 2 + 1);
    CHECK(contains(output, ", konnect_token: [redacted], "));
}

TEST_CASE("Adjacent and overlapping runs of the token print as one redaction", "[printing]") {
    nlohmann::json document = documents::with_member("konnect_token", "e");
    document["name"] = "Seeeeeen";
    const std::string output = printed(decoded(document));
    INFO("printed: " << output);
    CHECK(contains(output, "name: \"S[redacted]n\""));
}

TEST_CASE("No run of eight bytes of the token prints even where only part of it is copied", "[printing]") {
    // Copies of most of the token: all but its last byte in the name, all but its first in an unknown state, and its
    // first 48 bytes as the name of an unknown member.
    nlohmann::json document = documents::with_member("name", example_token.substr(0, example_token.size() - 1));
    document["state"] = example_token.substr(1);
    document[example_token.substr(0, 48)] = 1;
    const std::string output = printed(decoded(document));
    INFO("printed: " << output);
    for (std::size_t at = 0; at + 8 <= example_token.size(); ++at) {
        INFO("run of the token at byte " << at);
        CHECK_FALSE(contains(output, example_token.substr(at, 8)));
    }
    CHECK(contains(output, "name: \"[redacted]\""));
    CHECK(contains(output, "state: \"[redacted]\" (unknown)"));
}

TEST_CASE("A token with characters that JSON escapes is redacted in its escaped form too", "[printing]") {
    const std::string odd_token = "ab\"cd\\efgh\nij";
    nlohmann::json document = documents::with_member("konnect_token", odd_token);
    document["name"] = "copy: " + odd_token;
    const std::string output = printed(decoded(document));
    INFO("printed: " << output);
    CHECK(contains(output, "name: \"copy: [redacted]\""));
    CHECK_FALSE(contains(output, "cd\\\\efgh"));
}

TEST_CASE("A state value prints as the state of that value", "[printing]") {
    CHECK(printed(konnect::State::revoked) == "REVOKED");
    CHECK(printed(konnect::State::unknown) == "\"\" (unknown)");
}
