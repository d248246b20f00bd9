// PersonalAccessTokenCreateResponse::parse: text to a validated response, or a validation_error saying why not.
#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using Response = konnect::PersonalAccessTokenCreateResponse;
using documents::kong_example_text_plus;
using support::contains;

// Kong's example text with the first `from` replaced by `to`.
std::string example_with(std::string_view from, std::string_view to) {
    std::string text(documents::kong_example_text);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// The validation_error that parsing `text` throws; nothing when parsing succeeds.
std::optional<konnect::validation_error> parse_error(std::string_view text) {
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

std::string nested_arrays_text(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

// The problems parse() finds in `text`, valid JSON that breaks the schema, after checking that validate() and get()
// find the very same ones in the DOM that nlohmann::json::parse() builds from it.
std::vector<konnect::Problem> problems_found_both_ways(const std::string& text) {
    const auto error = parse_error(text);
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
        const auto error = parse_error(text);
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

TEST_CASE("The byte offset of malformed JSON is where the text stops being JSON", "[parse]") {
    // A byte offset counts from 0: the first byte is at offset 0 and the end of an n-byte text at n.
    const std::string truncated = R"({"id":)";
    const std::string trailing_garbage = "{} x";
    const std::string bad_utf8 = example_with("Development Token", "Development\xff Token");
    const std::vector<std::pair<std::string, std::size_t>> cases{{"", 0},
                                                                 {truncated, truncated.size()},
                                                                 {trailing_garbage, trailing_garbage.find('x')},
                                                                 {bad_utf8, bad_utf8.find('\xff')}};
    for (const auto& [text, offset] : cases) {
        INFO("text: " << text << "\nexpected offset: " << offset);
        const auto error = parse_error(text);
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
        const auto error = parse_error(text);
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
    const auto error = parse_error(text);
    REQUIRE(error.has_value());
    REQUIRE(error->problems().size() == 1);
    const std::string& message = error->problems()[0].message;
    INFO("message: " << message);
    CHECK(contains(message, "byte offset 1: "));
    CHECK_FALSE(contains(message, "NUL"));
}

TEST_CASE("Malformed JSON messages keep the parser hint but never the text it last read", "[parse]") {
    struct Case {
        std::string text;
        std::string_view hint;
        std::string_view last_read;  // what nlohmann's own message quotes
    };
    const std::vector<Case> cases{{"{x}", "expected string literal", "last read"},
                                  {kong_example_text_plus(R"(,"x":1e999)"), "number overflow", "1e999"}};
    for (const auto& example : cases) {
        INFO("text: " << example.text);
        const auto error = parse_error(example.text);
        REQUIRE(error.has_value());
        REQUIRE(error->problems().size() == 1);
        const std::string& message = error->problems()[0].message;
        INFO("message: " << message);
        CHECK(contains(message, example.hint));
        CHECK_FALSE(contains(message, example.last_read));
        CHECK_FALSE(contains(error->what(), example.last_read));
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
        const auto error = parse_error(malformed);
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

TEST_CASE("A million unclosed opening brackets are found to be malformed JSON in linear time", "[parse]") {
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
        const auto error = support::within_seconds_allowed("parse()", [&text] { return parse_error(text); });
        REQUIRE(error.has_value());
        CHECK(error->id == konnect::validation_error::malformed_text);
        REQUIRE(error->problems().size() == 1);
        INFO("message: " << error->problems()[0].message);
        CHECK(error->problems()[0].kind == konnect::ProblemKind::malformed_json);
        CHECK(reported_byte(error->problems()[0].message) == offset);
    }
}

TEST_CASE("A member nested a million levels deep is rejected as too_deep at its pointer in linear time", "[parse]") {
    const std::string text = kong_example_text_plus(R"(,"x":)" + nested_arrays_text(1000000));
    const auto error = support::within_seconds_allowed("parse()", [&text] { return parse_error(text); });
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

TEST_CASE("When a member name repeats the last one wins", "[parse]") {
    const std::string text = kong_example_text_plus(R"(,"name":"Second Name")");
    INFO("text: " << text);
    CHECK(Response::parse(text).name == "Second Name");
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
