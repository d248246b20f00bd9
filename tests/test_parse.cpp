// PersonalAccessTokenCreateResponse::parse: text to a validated response, or a validation_error saying why not.
#include "catch.hpp"
#include "plain_text.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using Response = konnect::PersonalAccessTokenCreateResponse;
using documents::example_with;
using documents::kong_example_text_plus;
using support::contains;

// The validation_error that parsing `text` throws; nothing when parsing succeeds.
std::optional<konnect::validation_error> parse_error_if_any(std::string_view text) {
    return support::validation_error_from([text] { static_cast<void>(Response::parse(text)); });
}

// The number that follows the word "byte" (as in "at byte 6" or "at byte offset 6"), if there is one.
std::optional<std::size_t> reported_byte(std::string_view message) {
    const auto at = message.find("byte");
    if (at == std::string_view::npos) return std::nullopt;
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t position = at + 4;
    while (position < message.size() && !is_digit(message[position]) && message[position] != ':')
        ++position;
    if (position == message.size() || !is_digit(message[position])) return std::nullopt;
    std::size_t value = 0;
    for (; position < message.size() && is_digit(message[position]); ++position)
        value = value * 10 + static_cast<std::size_t>(message[position] - '0');
    return value;
}

// What reading a text gives: the response, or the validation_error thrown.
struct Outcome {
    std::optional<Response> response;
    std::optional<konnect::validation_error> error;
};

Outcome parse_outcome(std::string_view text) {
    std::optional<Response> response;
    auto error = support::validation_error_from([&] { response = Response::parse(text); });
    return {std::move(response), std::move(error)};
}

// What get<>() gives on the DOM nlohmann::json::parse() builds from `text` (valid JSON).
Outcome dom_outcome(std::string_view text) {
    const nlohmann::json document = nlohmann::json::parse(text);
    std::optional<Response> response;
    auto error = support::validation_error_from([&] { response = document.get<Response>(); });
    return {std::move(response), std::move(error)};
}

std::string described(const Outcome& outcome) {
    if (outcome.response) return "the response " + support::printed(*outcome.response);
    if (outcome.error) return "the error " + std::string(outcome.error->what());
    return "nothing";
}

// Checks that `found` is `expected`: an equal response, or an error with the same id, what() and problems.
void check_same_outcome(const Outcome& found, const Outcome& expected) {
    INFO("expected " << described(expected) << "\nfound " << described(found));
    REQUIRE(found.response.has_value() == expected.response.has_value());
    if (expected.response) {
        INFO("the tokens, which print as [redacted], are "
             << (found.response->konnect_token == expected.response->konnect_token ? "equal" : "not equal"));
        CHECK(*found.response == *expected.response);
        return;
    }
    REQUIRE(found.error.has_value());
    REQUIRE(expected.error.has_value());
    CHECK(found.error->id == expected.error->id);
    CHECK(std::string(found.error->what()) == expected.error->what());
    CHECK(found.error->problems() == expected.error->problems());
}

std::string nested_arrays_text(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

// The problems parse() finds in `text`, valid JSON that breaks the schema, after checking that validate() and get()
// find the very same ones in the DOM that nlohmann::json::parse() builds from it.
std::vector<konnect::Problem> problems_found_both_ways(const std::string& text) {
    const auto error = parse_error_if_any(text);
    REQUIRE(error.has_value());
    INFO("what(): " << error->what());
    CHECK(error->id == konnect::validation_error::invalid_document);
    CHECK(std::string(error->what()).rfind("[konnect.validation_error.701]", 0) == 0);
    const nlohmann::json document = nlohmann::json::parse(text);
    CHECK(konnect::validate(document) == error->problems());
    const auto reading = support::reading_error<Response>(document);
    REQUIRE(reading.has_value());
    CHECK(reading->problems() == error->problems());
    return error->problems();
}

}  // namespace

TEST_CASE("Parsing the Kong example text gives the response that decoding its DOM gives", "[parse]") {
    const Response expected = documents::kong_example().get<Response>();
    const std::vector<std::string> texts{std::string(documents::kong_example_text), documents::kong_example().dump(4),
                                         " \n\t" + std::string(documents::kong_example_text) + "\r\n "};
    for (const auto& text : texts) {
        INFO("text: " << text);
        const Response parsed = Response::parse(text);
        CHECK(parsed == expected);
        CHECK(parsed.konnect_token.reveal() == documents::kong_example_token);
    }
}

TEST_CASE("Malformed JSON is rejected with id 702 and one malformed_json problem giving a byte offset", "[parse]") {
    const std::vector<std::pair<std::string, std::string>> malformed{
        {"empty text", ""},
        {"only whitespace", " \n "},
        {"truncated after a member name", R"({"id":)"},
        {"the Kong example cut in half", std::string(documents::kong_example_text.substr(0, 100))},
        {"trailing garbage", "{} x"},
        {"a second document", kong_example_text_plus("") + "{}"},
        {"a single quoted string", example_with(R"("Development Token")", "'Development Token'")},
        {"an unterminated string", R"({"name":"Development Token)"},
        {"an invalid UTF-8 byte inside a string", example_with("Development Token", "Development\xff Token")},
        {"a raw control character inside a string", example_with("Development Token", "Development\x01 Token")},
        {"a number overflowing a double in an unknown member", kong_example_text_plus(R"(,"x":1e999)")},
        {"a trailing comma", kong_example_text_plus(",")},
        {"a comment", kong_example_text_plus(R"(/* note */)")}};
    for (const auto& [description, text] : malformed) {
        INFO(description << "\ntext: " << text);
        const auto error = parse_error_if_any(text);
        REQUIRE(error.has_value());
        const std::string what = error->what();
        INFO("what(): " << what);
        CHECK(error->id == konnect::validation_error::malformed_text);
        CHECK(what.rfind("[konnect.validation_error.702]", 0) == 0);
        REQUIRE(error->problems().size() == 1);
        const konnect::Problem& problem = error->problems()[0];
        CHECK(problem.kind == konnect::ProblemKind::malformed_json);
        CHECK(problem.pointer.empty());
        CHECK(contains(problem.message, "byte"));
        CHECK(reported_byte(problem.message).has_value());
        CHECK_THROWS_AS(Response::parse(text), nlohmann::json::exception);
    }
}

TEST_CASE(
    "The byte offset of malformed JSON is where nlohmann's reader stopped: at a bad byte, or the last of a token "
    "that cannot stand there",
    "[parse]") {
    // A byte offset counts from 0: the first byte is at offset 0 and the end of an n-byte text at n. nlohmann's reader
    // reads a whole token before its parser finds that the token cannot stand there, and says no more than where it
    // stopped: at the token's last byte.
    const std::string body(documents::kong_example_text);
    const std::string truncated = R"({"id":)";
    const std::string trailing_garbage = "{} x";
    const std::string bad_utf8 = example_with("Development Token", "Development\xff Token");
    const std::size_t value_end = body.find("Development Token") + std::string("Development Token").size();
    const std::vector<std::pair<std::string, std::size_t>> cases{
        {"", 0},
        {truncated, truncated.size()},
        {trailing_garbage, trailing_garbage.find('x')},
        {bad_utf8, bad_utf8.find('\xff')},
        {example_with(R"("name":)", R"("name" )"), value_end},  // the closing quote of the string after the name
        {example_with(R"(,"state")", R"( "state")"), body.find(R"(,"state")") + 7},
        {example_with(R"("ACTIVE",)", R"("ACTIVE" -12.5e3,)"), body.find(R"("ACTIVE",)") + 15},
        {body + " true", body.size() + 4},
        {body + "\nfalse", body.size() + 5},
        {body + "null", body.size() + 3},
        {body + "  \"\\u0041\"", body.size() + 9},
        {body + "[]", body.size()},
        {R"({"a":1,})", 7}};
    for (const auto& [text, offset] : cases) {
        INFO("text: " << text << "\nexpected offset: " << offset);
        const auto error = parse_error_if_any(text);
        REQUIRE(error.has_value());
        REQUIRE(error->problems().size() == 1);
        INFO("message: " << error->problems()[0].message);
        const auto reported = reported_byte(error->problems()[0].message);
        REQUIRE(reported.has_value());
        CHECK(*reported == offset);
    }
}

TEST_CASE("A raw NUL byte anywhere in the text is malformed JSON reported at its byte offset", "[parse]") {
    // nlohmann's reader takes a NUL byte for the end of the text: what follows it must not go unread.
    const std::string body(documents::kong_example_text);
    const std::vector<std::string> texts{body + std::string("\0 garbage", 9), std::string(1, '\0') + body,
                                         example_with("Development Token", std::string("Develop\0ment Token", 18))};
    for (const auto& text : texts) {
        const std::size_t offset = text.find('\0');
        INFO("text: " << support::printable(text) << "\nNUL at byte offset " << offset);
        const auto error = parse_error_if_any(text);
        REQUIRE(error.has_value());
        CHECK(error->id == konnect::validation_error::malformed_text);
        REQUIRE(error->problems().size() == 1);
        const konnect::Problem& problem = error->problems()[0];
        INFO("message: " << problem.message);
        CHECK(problem.kind == konnect::ProblemKind::malformed_json);
        CHECK(problem.pointer.empty());
        CHECK(contains(problem.message, "byte offset " + std::to_string(offset) + ": "));
    }
}

TEST_CASE("Text that stops being JSON before a NUL byte is reported where it stops", "[parse]") {
    const std::string text("{x}\0", 4);
    INFO("text: " << support::printable(text));
    const auto error = parse_error_if_any(text);
    REQUIRE(error.has_value());
    REQUIRE(error->problems().size() == 1);
    const std::string& message = error->problems()[0].message;
    INFO("message: " << message);
    CHECK(contains(message, "byte offset 1: "));
    CHECK_FALSE(contains(message, "NUL"));
}

TEST_CASE(
    "Malformed JSON messages say in the library's words what stops the text being JSON, at the byte where "
    "nlohmann's reader stops, and never quote the text",
    "[parse]") {
    // One text for each way parse()'s reader stops. Each offset is also the one nlohmann_json's reader gives
    // (parse_error.byte, which counts from 1), but for a number beyond a double, whose place nlohmann does not give.
    struct Case {
        std::string text;
        std::size_t offset;
        std::string_view reason;
    };
    const std::string too_large = kong_example_text_plus(R"(,"x":1e999)");
    const std::vector<Case> cases{
        {"", 0, "the text ends before its JSON value does"},
        {"[-", 2, "the text ends before its JSON value does"},
        {"[\"ab", 4, "the text ends before its JSON value does"},
        {"{x}", 1, "a byte (0x78) that starts no JSON token"},
        {"[\xc3\xa9]", 1, "a byte (0xC3) that starts no JSON token"},
        {"[\"a\x01\"]", 3,
         "a control character (U+0001), which JSON allows in strings only escaped, and between tokens only as tab, "
         "line feed or carriage return"},
        {"[\x7f]", 1, "a byte (0x7F) that starts no JSON token"},
        {"\xef\xbb{}", 2, "a byte (0x7B) where the UTF-8 byte order mark (EF BB BF) goes on"},
        {"[tru]", 4, "a byte (0x5D) where true, false or null goes on"},
        {"[nul", 4, "the text ends before its JSON value does"},
        {"[1.]", 3, "a byte (0x5D) where a number needs a digit"},
        {"[-x]", 2, "a byte (0x78) where a number needs a digit"},
        {"[1e+]", 4, "a byte (0x5D) where a number needs a digit"},
        {"[\"a\xfe\"]", 3, "a byte (0xFE) that no UTF-8 character starts with"},
        {"[\"\xc3\x28\"]", 3, "a byte (0x28) that does not go on the UTF-8 character before it"},
        {"[\"\xed\xa0\x80\"]", 3, "a byte (0xA0) that does not go on the UTF-8 character before it"},
        {"[\"\\x\"]", 3, "a byte (0x78) that starts no escape after a backslash"},
        {"[\"\\u12g4\"]", 6, "a byte (0x67) where a \\u escape needs a hexadecimal digit"},
        {"[\"\\udc00\"]", 7, "a \\u escape of a low surrogate (DC00 to DFFF) that follows no high surrogate"},
        {"[\"\\ud800x\"]", 8,
         "a byte (0x78) where the \\u escape of a high surrogate (D800 to DBFF) must be followed by the \\u escape of "
         "a low one (DC00 to DFFF)"},
        {"[\"\\ud800\\u0041\"]", 13,
         "a \\u escape of a high surrogate (D800 to DBFF) followed by no low surrogate (DC00 to DFFF)"},
        {"]", 0, "expected a value, found ']'"},
        {"[1,]", 3, "expected a value, found ']'"},
        {"{1:2}", 1, "expected a member name (a string) or '}', found a number"},
        {"{\"a\":1,}", 7, "expected a member name (a string), found '}'"},
        {"{\"a\" 12}", 6, "expected ':', found a number"},
        {"{\"a\":1 \"b\"}", 9, "expected ',' or '}', found a string"},
        {"[true false]", 10, "expected ',' or ']', found a boolean"},
        {"[1 null]", 6, "expected ',' or ']', found null"},
        {"{} {}", 3, "expected the end of the text, found '{'"},
        {too_large, too_large.find("1e999"), "a number too large for a double"}};
    for (const auto& example : cases) {
        INFO("text: " << support::printable(example.text));
        const auto error = parse_error_if_any(example.text);
        REQUIRE(error.has_value());
        REQUIRE(error->problems().size() == 1);
        const std::string& message = error->problems()[0].message;
        INFO("message: " << message);
        CHECK(reported_byte(message) == example.offset);
        CHECK(message.substr(message.find(": ") + 2) == example.reason);
        for (const std::string_view left_out : {"last read", "line 1", "column", "nlohmann"}) {
            CHECK_FALSE(contains(error->what(), left_out));
        }
        try {
            const nlohmann::json read = nlohmann::json::parse(example.text);
            FAIL("nlohmann_json reads the text, as " << read.dump());
        } catch (const nlohmann::json::parse_error& nlohmann_error) {
            CHECK(nlohmann_error.byte - 1 == example.offset);
        } catch (const nlohmann::json::out_of_range&) {
            CHECK(example.reason == "a number too large for a double");
        }
    }
}

TEST_CASE("Malformed text around the token never shows the token in the error", "[parse]") {
    const std::string text(documents::kong_example_text);
    const std::string token(documents::kong_example_token);
    const std::size_t token_at = text.find(token);
    REQUIRE(token_at != std::string::npos);
    const std::size_t token_end = token_at + token.size();
    const std::vector<std::pair<std::string, std::string>> cases{
        {"cut after the 20th character of the token", text.substr(0, token_at + 20)},
        {"cut right after the token", text.substr(0, token_end)},
        {"a raw control character right after the token", text.substr(0, token_end) + '\x01' + text.substr(token_end)},
        {"an invalid UTF-8 byte right after the token", text.substr(0, token_end) + '\xff' + text.substr(token_end)},
        {"an invalid escape right after the token", text.substr(0, token_end) + "\\q" + text.substr(token_end)},
        {"the token without quotes", example_with('"' + token + '"', token)},
        {"the token string where a comma belongs", R"({"name":"x" ")" + token + R"("})"},
        {"the token as a member name without a value", R"({")" + token + R"("})"},
        {"the token as a number", example_with('"' + token + '"', "1" + token)},
        {"the token copied into a broken id", example_with("83f8380e-7798-4566-99e3-2edf2b57d289", token)}};
    for (const auto& [description, malformed] : cases) {
        INFO(description << "\ntext: " << malformed);
        const auto error = parse_error_if_any(malformed);
        REQUIRE(error.has_value());
        INFO("what(): " << error->what());
        CHECK(support::token_fragment_in(error->what()).empty());
        support::check_no_token_fragment_in(error->problems());
    }
}

TEST_CASE("Text nested to the depth limit parses and one level deeper is rejected as too_deep", "[parse]") {
    // The root object is level 1, so a member's value may hold max_nesting_depth - 1 levels.
    const std::size_t member_levels = konnect::max_nesting_depth - 1;
    SECTION("at the limit") {
        const std::string text = kong_example_text_plus(R"(,"x":)" + nested_arrays_text(member_levels));
        INFO("text: " << text);
        const Response response = Response::parse(text);
        REQUIRE(response.additional_properties.contains("x"));
        CHECK(response.additional_properties.at("x") == nlohmann::json::parse(nested_arrays_text(member_levels)));
    }
    SECTION("one level deeper") {
        const std::string text = kong_example_text_plus(R"(,"x":)" + nested_arrays_text(member_levels + 1));
        INFO("text: " << text);
        const auto problems = problems_found_both_ways(text);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].kind == konnect::ProblemKind::too_deep);
        CHECK(problems[0].pointer == "/x");
        CHECK(problems[0].message == support::too_deep_message);
    }
}

TEST_CASE("A million unclosed opening brackets are found to be malformed JSON in linear time", "[parse][slow]") {
    // parse() keeps no container past the depth limit, so it reads to where the text stops being JSON.
    const std::string brackets(1000000, '[');
    const std::string member = kong_example_text_plus(R"(,"x":)" + brackets);
    const std::vector<std::pair<std::string, std::size_t>> texts_and_offsets{{brackets, brackets.size()},
                                                                             {member, member.rfind('}')}};
    for (const auto& text_and_offset : texts_and_offsets) {
        const std::string& text = text_and_offset.first;  // a lambda may not capture a structured binding in C++17
        const std::size_t offset = text_and_offset.second;
        INFO("a million opening brackets " << (text == brackets ? "as the whole text" : "in an unknown member")
                                           << "\nexpected offset: " << offset);
        const auto error = support::within_seconds_allowed("parse()", [&text] { return parse_error_if_any(text); });
        REQUIRE(error.has_value());
        CHECK(error->id == konnect::validation_error::malformed_text);
        REQUIRE(error->problems().size() == 1);
        INFO("message: " << error->problems()[0].message);
        CHECK(error->problems()[0].kind == konnect::ProblemKind::malformed_json);
        CHECK(reported_byte(error->problems()[0].message) == offset);
    }
}

TEST_CASE("A member nested a million levels deep is rejected as too_deep at its pointer in linear time",
          "[parse][slow]") {
    const std::string text = kong_example_text_plus(R"(,"x":)" + nested_arrays_text(1000000));
    const auto error = support::within_seconds_allowed("parse()", [&text] { return parse_error_if_any(text); });
    REQUIRE(error.has_value());
    INFO("what(): " << error->what());
    CHECK(error->id == konnect::validation_error::invalid_document);
    REQUIRE(error->problems().size() == 1);
    CHECK(error->problems()[0].kind == konnect::ProblemKind::too_deep);
    CHECK(error->problems()[0].pointer == "/x");
}

TEST_CASE("Every too deep unknown member is reported at its escaped pointer in key order by parse and validate alike",
          "[parse]") {
    // Written out of key order, with one member at the limit between them; RFC 6901 escapes ~ as ~0 and / as ~1.
    const std::string text = kong_example_text_plus(
        R"(,"z":)" + nested_arrays_text(1000) + R"(,"a~b/c":)" + nested_arrays_text(konnect::max_nesting_depth) +
        R"(,"fine":)" + nested_arrays_text(konnect::max_nesting_depth - 1) + R"(,"~":)" + nested_arrays_text(200));
    INFO("text: " << text);
    const auto problems = problems_found_both_ways(text);
    INFO("problems:\n" << support::problems_text(problems));
    std::vector<std::string> pointers;
    for (const auto& problem : problems) {
        pointers.push_back(problem.pointer);
        CHECK(problem.kind == konnect::ProblemKind::too_deep);
        CHECK(problem.message == support::too_deep_message);
    }
    CHECK(pointers == std::vector<std::string>{"/a~0b~1c", "/z", "/~0"});
}

TEST_CASE("A too deep member whose name may not be quoted is reported without a pointer or its name", "[parse]") {
    const std::string token(documents::kong_example_token);
    const std::vector<std::pair<std::string, std::string>> names{
        {"eight bytes of the token", "name-" + token.substr(20, 8)}, {"sixty five bytes", std::string(65, 'n')}};
    for (const auto& [description, name] : names) {
        const std::string text = kong_example_text_plus(",\"" + name + "\":" + nested_arrays_text(200));
        INFO("a member name of " << description << "\ntext: " << text);
        const auto problems = problems_found_both_ways(text);
        INFO("problems:\n" << support::problems_text(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].kind == konnect::ProblemKind::too_deep);
        CHECK(problems[0].pointer.empty());
        CHECK(problems[0].message ==
              "a member whose name is not quoted nests deeper than the 128 levels a document may have (its root object "
              "is level 1)");
        CHECK_FALSE(contains(problems[0].message, name));
    }
}

TEST_CASE("A JSON string holding a whole body with the token is rejected by its length alone", "[parse]") {
    // A body encoded twice: the root is a string, which no message may quote, whatever the token is.
    const std::string text = nlohmann::json(std::string(documents::kong_example_text)).dump();
    INFO("text: " << text);
    const auto problems = problems_found_both_ways(text);
    INFO("problems:\n" << support::problems_text(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer.empty());
    CHECK(problems[0].kind == konnect::ProblemKind::wrong_type);
    CHECK(problems[0].message == "expected an object, found a string of " +
                                     std::to_string(documents::kong_example_text.size()) + " bytes (not quoted)");
    support::check_no_token_fragment_in(problems);
}

TEST_CASE("Valid JSON that breaks the schema is rejected with id 701 and the problems validate finds on its DOM",
          "[parse]") {
    const std::vector<std::string> texts{"{}",
                                         "[]",
                                         "null",
                                         R"("text")",
                                         example_with(R"("Development Token")", "42"),
                                         example_with(R"("2023-01-01T00:00:00.000Z")", R"("yesterday")"),
                                         kong_example_text_plus(R"(,"revoked_by":"nope")"),
                                         kong_example_text_plus(R"(,"updated_at":null)"),
                                         R"({"id":1,"user_id":null,"name":[],"state":{},"extra":true})"};
    for (const auto& text : texts) {
        INFO("text: " << text);
        CHECK_FALSE(problems_found_both_ways(text).empty());
        CHECK_THROWS_AS(Response::parse(text), nlohmann::json::exception);
    }
}

TEST_CASE("A number in an unknown member reads as json::parse reads it, to the same JSON type", "[parse]") {
    // nlohmann's == takes 1, 1u and 1.0 for equal, and 0.0 and -0.0: the type and the text dump() writes are compared.
    for (const std::string number :
         {"0", "-0", "-0.0", "1", "-1", "0.1", "1e2", "1E+2", "18446744073709551615", "18446744073709551616",
          "-9223372036854775808", "-9223372036854775809", "4.9e-324", "1e-400", "123456789012345678901234567890"}) {
        const std::string text = kong_example_text_plus(R"(,"x":[)" + number + "]");
        INFO("number: " << number);
        const nlohmann::json expected = nlohmann::json::parse(text).at("x").at(0);
        const Response response = Response::parse(text);
        const nlohmann::json& read = response.additional_properties.at("x").at(0);
        CHECK(read.type() == expected.type());
        CHECK(read.dump() == expected.dump());
    }
}

TEST_CASE("The last of a repeated member is the member: nothing of an earlier one stays, as in the DOM", "[parse]") {
    // nlohmann's DOM keeps the last alone. So an earlier konnect_token is no token: a string that shows a run of it
    // is quoted by parse() as by get<>() on the DOM, which never sees it.
    const std::string run_of_the_first(documents::kong_example_token.substr(10, 12));
    const std::string text = kong_example_text_plus(R"(,"konnect_token":null,"created_at":")" + run_of_the_first + '"');
    INFO("text: " << text);
    const Outcome parsed = parse_outcome(text);
    check_same_outcome(parsed, dom_outcome(text));
    REQUIRE(parsed.error.has_value());
    CHECK(contains(parsed.error->what(), "found the string \"" + run_of_the_first + '"'));
}

TEST_CASE("A schema member's containers, passed by, leave the unknown members after them whole", "[parse]") {
    // The last revoked_by wins; the containers of the first are described, never built.
    const std::string text = kong_example_text_plus(R"(,"revoked_by":[[],{"a":[{"b":1}]}],"revoked_by":null)"
                                                    R"(,"extra":{"c":[2]})");
    INFO("text: " << text);
    const Response response = Response::parse(text);
    CHECK(response.additional_properties == nlohmann::json{{"extra", {{"c", {2}}}}});
    CHECK(response == nlohmann::json::parse(text).get<Response>());
}

TEST_CASE("A container past the depth limit, passed by, leaves the members after it whole", "[parse]") {
    const std::string past_the_limit =
        std::string(konnect::max_nesting_depth, '[') + "1" + std::string(konnect::max_nesting_depth, ']');
    const std::string text = kong_example_text_plus(R"(,"deep":[)" + past_the_limit + R"(,{"d":3}],"extra":4)");
    INFO("text: " << text);
    const auto error = support::validation_error_from([&text] { static_cast<void>(Response::parse(text)); });
    REQUIRE(error.has_value());
    REQUIRE(error->problems().size() == 1);
    CHECK(error->problems()[0].pointer == "/deep");
    CHECK(error->problems()[0].kind == konnect::ProblemKind::too_deep);
    CHECK(error->problems() == konnect::validate(nlohmann::json::parse(text)));
}

TEST_CASE("When a member name repeats the last one wins", "[parse]") {
    const std::string text = kong_example_text_plus(R"(,"name":"Second Name")");
    INFO("text: " << text);
    CHECK(Response::parse(text).name == "Second Name");
}

TEST_CASE("Parsing a moved-in string wipes its whole buffer and leaves it empty whether parsing succeeds or throws",
          "[parse]") {
    const std::string token(documents::kong_example_token);
    const std::vector<std::pair<std::string, std::string>> bodies{
        {"Kong's example, read in place", std::string(documents::kong_example_text)},
        {"Kong's example with an unknown member, which parse() builds", kong_example_text_plus(R"(,"region":"eu")")},
        {"a document that breaks the schema", example_with(R"("ACTIVE")", "5")},
        {"malformed text cut off inside the token",
         std::string(documents::kong_example_text.substr(0, documents::kong_example_text.find("kpat_") + 20))},
        {"a text short enough to live inside the string object", "{}"}};
    for (const auto& [description, text] : bodies) {
        INFO(description << "\ntext: " << support::printable(text));
        // Written longer first, so that the buffer also holds the token past the string's end.
        std::string body = text + token;
        body.resize(text.size());
        const char* const buffer = body.data();
        const std::size_t capacity = body.capacity();

        std::optional<Response> response;
        const auto error = support::validation_error_from([&] { response = Response::parse(std::move(body)); });
        INFO("parsing " << (response ? "succeeded" : error ? error->what() : "threw"));
        CHECK(response.has_value() == (text == documents::kong_example_text || contains(text, "region")));

        CHECK(body.empty());  // NOLINT(bugprone-use-after-move): parse() takes the string by reference and wipes it
        CHECK(body.data() == buffer);
        CHECK(body.capacity() == capacity);
        const std::string_view whole_buffer(buffer, capacity);
        CHECK(std::all_of(whole_buffer.begin(), whole_buffer.end(), [](char c) { return c == '\0'; }));
        if (response) CHECK(response->konnect_token.reveal() == token);
    }
}

TEST_CASE("Only a moved-in string is wiped: literals, pointers, views and other strings are parsed and kept",
          "[parse]") {
    const std::string text(documents::kong_example_text);
    const Response expected = documents::kong_example().get<Response>();

    std::string lvalue = text;
    CHECK(Response::parse(lvalue) == expected);
    CHECK(lvalue == text);
    const std::string const_lvalue = text;
    CHECK(Response::parse(const_lvalue) == expected);
    CHECK(Response::parse(std::move(const_lvalue)) == expected);  // NOLINT(performance-move-const-arg): on purpose
    CHECK(const_lvalue == text);  // NOLINT(bugprone-use-after-move): a const string cannot be moved from or wiped
    CHECK(Response::parse(text.c_str()) == expected);
    CHECK(Response::parse(std::string_view(text)) == expected);
    CHECK(Response::parse({text.data(), text.size()}) == expected);
    CHECK(Response::parse(std::string(text)) == expected);
    CHECK(text == documents::kong_example_text);

    const auto literal_error = support::validation_error_from([] { static_cast<void>(Response::parse("{}")); });
    REQUIRE(literal_error.has_value());
    CHECK(literal_error->id == konnect::validation_error::invalid_document);
    const auto moved_error =
        support::validation_error_from([] { static_cast<void>(Response::parse(std::string("{}"))); });
    REQUIRE(moved_error.has_value());
    CHECK(moved_error->problems() == literal_error->problems());
}

TEST_CASE("An escaped NUL character inside a string is kept", "[parse]") {
    const std::string text = example_with("Development Token", R"(a\u0000b)");
    INFO("text: " << text);
    const Response response = Response::parse(text);
    CHECK(response.name.size() == 3);
    CHECK(response.name == std::string("a\0b", 3));
}

TEST_CASE("A string of eight mebibytes parses", "[parse]") {
    const std::string huge(8U * 1024U * 1024U, 'n');
    const Response response = Response::parse(example_with("Development Token", huge));
    CHECK(response.name.size() == huge.size());
    const bool kept_exactly = response.name == huge;  // not CHECKed directly: a failure would print 16 MiB
    CHECK(kept_exactly);
}

TEST_CASE("Plain text parses as the same JSON with an escaped name parses and as its DOM decodes", "[parse]") {
    // Plain text (an object of schema members, each null or a string of printable ASCII without escapes), as servers
    // send it, parse() reads in place. Writing one character of a name as a \u escape keeps the JSON and makes parse()
    // decode the name: both must give the same response, or the same error, and so must get<>() on the DOM.
    const std::string body(documents::kong_example_text);
    const std::string token(documents::kong_example_token);
    const std::string body_after_brace = body.substr(1);
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Kong's example", body},
        {"an id one digit short", example_with("2edf2b57d289", "2edf2b57d28")},
        {"a user_id with a letter beyond f", example_with("2edf2b57d288", "2edf2b57d28g")},
        {"a revoked_by that is no UUID", kong_example_text_plus(R"(,"revoked_by":"not-a-uuid")")},
        {"a created_at without T and offset",
         example_with(R"("created_at":"2023-01-01T00:00:00.000Z")", R"("created_at":"2023-01-01 00:00:00")")},
        {"an updated_at on February 30",
         example_with(R"("updated_at":"2023-01-01T00:00:00.000Z")", R"("updated_at":"2023-02-30T00:00:00.000Z")")},
        {"a last_used_at in words", kong_example_text_plus(R"(,"last_used_at":"yesterday")")},
        {"an expires_at at hour 24", example_with("2024-01-01T00:00:00.000Z", "2024-01-01T24:00:00Z")},
        {"a revoked_at with a leap second that is not 23:59:60 UTC",
         kong_example_text_plus(R"(,"revoked_at":"2023-06-30T23:59:60+01:00")")},
        {"an empty name and an unknown state: any string is a name or a state",
         example_with(R"("Development Token","state":"ACTIVE")", R"("","state":"PENDING_APPROVAL")")},
        {"an empty token", example_with(token, "")},
        {"every date-time member in other forms",
         kong_example_text_plus(
             R"(,"last_used_at":"2023-06-30T23:59:60.123456789Z","revoked_at":"2023-06-30t18:29:60-05:30")")},
        {"no id", documents::without_member("id").dump()},
        {"no user_id", documents::without_member("user_id").dump()},
        {"no name", documents::without_member("name").dump()},
        {"no state", documents::without_member("state").dump()},
        {"no konnect_token", documents::without_member("konnect_token").dump()},
        {"no created_at", documents::without_member("created_at").dump()},
        {"no updated_at (it may be absent)", documents::without_member("updated_at").dump()},
        {"no expires_at", documents::without_member("expires_at").dump()},
        {"a null id", documents::with_member("id", nullptr).dump()},
        {"a null user_id", documents::with_member("user_id", nullptr).dump()},
        {"a null name", documents::with_member("name", nullptr).dump()},
        {"a null state", documents::with_member("state", nullptr).dump()},
        {"a null konnect_token", documents::with_member("konnect_token", nullptr).dump()},
        {"a null created_at", documents::with_member("created_at", nullptr).dump()},
        {"a null updated_at (it may be absent, not null)", documents::with_member("updated_at", nullptr).dump()},
        {"a null revoked_by, last_used_at, expires_at and revoked_at",
         example_with(R"("expires_at":"2024-01-01T00:00:00.000Z")",
                      R"("expires_at":null,"revoked_by":null,"last_used_at":null,"revoked_at":null)")},
        {"every member null", R"({"id":null,"user_id":null,"name":null,"state":null,"konnect_token":null,)"
                              R"("revoked_by":null,"created_at":null,"updated_at":null,"last_used_at":null,)"
                              R"("expires_at":null,"revoked_at":null})"},
        {"a name repeated", kong_example_text_plus(R"(,"name":"Second Name")")},
        {"a konnect_token repeated",
         kong_example_text_plus(R"(,"konnect_token":"kpat_SecondTokenSecondTokenSecondTokenSecondToken01234")")},
        {"a null konnect_token, then the token", R"({"konnect_token":null,)" + body_after_brace},
        {"the token, then a null konnect_token", kong_example_text_plus(R"(,"konnect_token":null)")},
        {"an id that is no UUID, then a good one", R"({"id":"not-a-uuid",)" + body_after_brace},
        {"a good id, then one that is no UUID", kong_example_text_plus(R"(,"id":"not-a-uuid")")},
        {"a null updated_at, then a good one", R"({"updated_at":null,)" + body_after_brace},
        {"a good expires_at, then null", kong_example_text_plus(R"(,"expires_at":null)")},
        {"the token as the id, before the konnect_token", example_with("83f8380e-7798-4566-99e3-2edf2b57d289", token)},
        {"the token in the updated_at, after the konnect_token",
         example_with(R"("updated_at":"2023-01-01T00:00:00.000Z")", R"("updated_at":"2023-01-01T)" + token + '"')},
        {"twelve bytes of the token as a revoked_by",
         kong_example_text_plus(R"(,"revoked_by":")" + token.substr(20, 12) + '"')},
        {"the token as the name, which is no problem", example_with("Development Token", token)},
        {"whitespace everywhere",
         " \t\r\n{ \"id\" : \"83f8380e-7798-4566-99e3-2edf2b57d289\" ,\r\n\t\"name\"\t:\t\"Development Token\"\n,"
         "\"state\"\r:\r\"ACTIVE\" ,  \"konnect_token\" :\n\"" +
             token +
             "\"\t,\"user_id\"  :  \"84f8380e-7798-4566-99e3-2edf2b57d288\"\r\n,\n\"created_at\":"
             "\"2023-01-01T00:00:00.000Z\" , \"updated_at\" : \"2023-01-01T00:00:00.000Z\" ,\"expires_at\" \t: \t "
             "null \r\n} \n\t\r "},
        {"Kong's example laid out with tabs", documents::kong_example().dump(1, '\t')}};
    for (const auto& [description, text] : cases) {
        INFO(description << "\ntext: " << text);
        const std::optional<std::string> escaped = plain_text::with_escaped_key_character(text);
        REQUIRE(escaped.has_value());
        INFO("with an escaped name: " << *escaped);
        {
            INFO("the text must be plain, as a server writes it, or the test would show nothing about that text");
            REQUIRE(plain_text::is_plain(text));
        }
        const Outcome outcome = parse_outcome(text);
        {
            INFO("parse() of the text with an escaped name, which it decodes, against parse() of the text");
            check_same_outcome(parse_outcome(*escaped), outcome);
        }
        {
            INFO("get<>() on the DOM of the text against parse() of the text");
            check_same_outcome(dom_outcome(text), outcome);
        }
        if (outcome.error) {
            INFO("what(): " << outcome.error->what());
            CHECK(support::token_fragment_in(outcome.error->what()).empty());
            support::check_no_token_fragment_in(outcome.error->problems());
        }
    }
}

TEST_CASE("An empty object parses as an object of one unknown member does, with every required member missing",
          "[parse]") {
    // {} has no name to escape. An unknown member adds no problem, and makes parse() build one.
    const Outcome plain = parse_outcome("{}");
    REQUIRE(plain.error.has_value());
    CHECK(plain.error->problems().size() == 7);
    check_same_outcome(parse_outcome(R"({"x":null})"), plain);
    check_same_outcome(dom_outcome("{}"), plain);
}

TEST_CASE("Text one step off the plain shape parses as nlohmann reads it, or is malformed where it stops being JSON",
          "[parse]") {
    const std::string body(documents::kong_example_text);
    const std::size_t end = body.size();
    const auto at = [&body](std::string_view marker) {
        const std::size_t found = body.find(marker);
        REQUIRE(found != std::string::npos);
        return found;
    };
    SECTION("valid JSON: what get<>() gives on nlohmann's DOM") {
        const std::vector<std::pair<std::string, std::string>> cases{
            {"a string with an escape", example_with("Development Token", R"(Development\tToken)")},
            {"an escaped solidus", example_with("Development Token", R"(Development\/Token)")},
            {"a string with a byte past ASCII, valid UTF-8", example_with("Development Token", "D\xc3\xa9veloppement")},
            {"a string with DEL (0x7F), just past printable ASCII", example_with("Development Token", "Dev\x7f")},
            {"a string with a space and a tilde, the ends of printable ASCII",
             example_with("Development Token", " Development~Token ")},
            {"true for a string", example_with(R"("ACTIVE")", "true")},
            {"false for a nullable member", kong_example_text_plus(R"(,"revoked_by":false)")},
            {"a number for a string", example_with(R"("Development Token")", "42")},
            {"minus zero for a date-time", example_with(R"("2024-01-01T00:00:00.000Z")", "-0")},
            {"an array for a date-time", kong_example_text_plus(R"(,"revoked_at":["2023-01-01T00:00:00.000Z"])")},
            {"an object for a date-time", kong_example_text_plus(R"(,"last_used_at":{})")},
            {"an unknown member", kong_example_text_plus(R"(,"x":"y")")},
            {"an unknown member holding null", kong_example_text_plus(R"(,"x":null)")},
            {"a name that differs from the schema's by case", kong_example_text_plus(R"(,"ID":null)")},
            {"a name with a trailing space", kong_example_text_plus(R"(,"id ":"x")")},
            {"an empty name", kong_example_text_plus(R"(,"":"x")")},
            {"an escaped name only at the end", kong_example_text_plus(R"(,"\u006eame":"Second Name")")},
            {"a member off the shape first, then a good one", R"({"id":1,)" + body.substr(1)},
            {"a good member first, then one off the shape", kong_example_text_plus(R"(,"id":1)")},
            {"leading whitespace", " \t\r\n" + body},
            {"trailing whitespace", body + "\r\n\t "},
            {"an empty object with a space", "{ }"},
            {"null for the whole document", "null"},
            {"a string for the whole document", R"("id")"},
            {"an array of the example", "[" + body + "]"},
            {"a UTF-8 byte order mark, which nlohmann's reader skips", "\xef\xbb\xbf" + body}};
        for (const auto& [description, text] : cases) {
            INFO(description << "\ntext: " << support::printable(text));
            check_same_outcome(parse_outcome(text), dom_outcome(text));
        }
    }
    SECTION("malformed text: 702 at the byte offset where nlohmann's reader stopped") {
        struct Case {
            std::string description;
            std::string text;
            std::size_t offset;
        };
        const std::string nul(1, '\0');
        const std::vector<Case> cases{
            {"garbage after the closing brace", body + "x", end},
            {"a second closing brace", body + "}", end},
            {"a raw NUL inside a string", example_with("Development Token", "Develop" + nul + "ment Token"),
             at("Development") + 7},
            {"a raw NUL right after the closing brace", body + nul, end},
            {"a raw NUL after trailing whitespace", body + " \n" + nul, end + 2},
            {"nul for null", example_with(R"("ACTIVE")", "nul"), at(R"("ACTIVE")") + 3},
            {"nulll for null", example_with(R"("ACTIVE")", "nulll"), at(R"("ACTIVE")") + 4},
            {"Null for null", example_with(R"("ACTIVE")", "Null"), at(R"("ACTIVE")")},
            {"an unterminated string", body.substr(0, at("Development") + 5), at("Development") + 5},
            {"a raw control character in a string", example_with("Development Token", "Develop\x01ment"),
             at("Development") + 7},
            {"an invalid UTF-8 byte in a string", example_with("Development Token", "Develop\xffment"),
             at("Development") + 7},
            {"a UTF-8 sequence cut short by the closing quote", example_with("Development Token", "Development\xc3"),
             at("Development") + 12},
            {"a missing colon: the string after the name, to its closing quote",
             example_with(R"("name":)", R"("name" )"), at("Development Token") + 17},
            {"a missing comma: the name after the string, to its closing quote",
             example_with(R"(,"state")", R"( "state")"), at(R"(,"state")") + 7},
            {"a trailing comma", kong_example_text_plus(","), end},
            {"a form feed, which is not JSON whitespace", example_with(R"(,"state")", ",\f\"state\""),
             at(R"(,"state")") + 1},
            {"a name without quotes", example_with(R"("state")", "state"), at(R"("state")")},
            {"the opening brace alone", "{", 1},
            {"empty text", "", 0},
            {"whitespace alone", " \t\r\n", 4},
            {"text ending right after a string value", body.substr(0, end - 1), end - 1},
            {"text ending right after null", R"({"expires_at":null)", 18},
            {"text ending right after a name", R"({"id")", 5},
            {"text ending right after a colon", R"({"id":)", 6}};
        for (const auto& [description, text, offset] : cases) {
            INFO(description << "\ntext: " << support::printable(text) << "\nexpected offset: " << offset);
            const auto error = parse_error_if_any(text);
            REQUIRE(error.has_value());
            INFO("what(): " << error->what());
            CHECK(error->id == konnect::validation_error::malformed_text);
            REQUIRE(error->problems().size() == 1);
            const konnect::Problem& problem = error->problems()[0];
            CHECK(problem.kind == konnect::ProblemKind::malformed_json);
            CHECK(problem.pointer.empty());
            CHECK(reported_byte(problem.message) == offset);
            // nlohmann's reader stops at a NUL byte, so only parse() refuses what follows one.
            if (!contains(text, nul)) CHECK_THROWS_AS(nlohmann::json::parse(text), nlohmann::json::parse_error);
        }
    }
}
