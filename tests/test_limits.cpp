// The limits the README states under "Robustness": nesting depth, huge strings, many members, repeated keys,
// NUL characters, invalid UTF-8, numbers nlohmann_json cannot hold, empty and truncated text. Each ends in a value or
// a clear error, on every path (parse(), get<>() from a DOM, and encoding where it applies), in bounded time.
#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifdef __linux__
#include <sys/resource.h>

#include <fstream>
#endif

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define KONNECT_MODELS_TESTS_HAVE_VALGRIND_H 1
#endif
#endif

namespace {

using documents::example_with;
using documents::kong_example_text_plus;
using konnect::Problem;
using konnect::ProblemKind;
using Response = konnect::PersonalAccessTokenCreateResponse;
using support::contains;
using support::within_seconds_allowed;

// The depth of a member's value that fills the limit: the root object is level 1, the member's value level 2.
constexpr std::size_t member_levels_at_limit = konnect::max_nesting_depth - 1;

// Far deeper than anything recursive survives. nlohmann_json copies, compares and dumps values recursively: with an
// 8 MiB stack a copy of nested arrays overflows it at between 10 000 and 20 000 levels built at -O0, and between
// 50 000 and 70 000 at -O2 (GCC 12). A single recursive walk over a value this deep crashes the test.
constexpr std::size_t far_too_deep = 200000;

// ------------------------------------------------------------------------------------------------
// Helpers: each decoding path, timed, with the error it throws
// ------------------------------------------------------------------------------------------------

// Kong's example text with `member` taken out and written again last, as `value_text`.
std::string example_text_with_member(const std::string& member, std::string_view value_text) {
    const std::string without = documents::without_member(member).dump();
    return without.substr(0, without.size() - 1) + ",\"" + member + "\":" + std::string(value_text) + "}";
}

Response parsed(std::string_view text) {
    return within_seconds_allowed("parse()", [text] { return Response::parse(text); });
}

Response read(const nlohmann::json& document) {
    return within_seconds_allowed("get<>()", [&document] { return document.get<Response>(); });
}

nlohmann::json written(const Response& response) {
    return within_seconds_allowed("to_json()", [&response] { return nlohmann::json(response); });
}

konnect::validation_error parse_error(std::string_view text) {
    auto error = within_seconds_allowed("parse()", [text] {
        return support::validation_error_from([text] { static_cast<void>(Response::parse(text)); });
    });
    REQUIRE(error.has_value());
    return std::move(*error);
}

konnect::validation_error read_error(const nlohmann::json& document) {
    auto error = within_seconds_allowed("get<>()", [&document] { return support::reading_error<Response>(document); });
    REQUIRE(error.has_value());
    return std::move(*error);
}

konnect::validation_error write_error(const Response& response) {
    auto error = within_seconds_allowed("to_json()", [&response] {
        return support::validation_error_from([&response] { static_cast<void>(nlohmann::json(response)); });
    });
    REQUIRE(error.has_value());
    return std::move(*error);
}

// The exception nlohmann::json::parse(text) throws, as its id and what(); id 0 when it returns.
std::pair<int, std::string> nlohmann_parse_error(const std::string& text) {
    try {
        const nlohmann::json document = nlohmann::json::parse(text);
        static_cast<void>(document);
    } catch (const nlohmann::json::exception& error) {
        return {error.id, error.what()};
    }
    return {0, {}};
}

// Checks that `error` has `id` and exactly the one problem expected.
void check_one_problem(const konnect::validation_error& error, int id, const Problem& expected) {
    INFO("what(): " << error.what());
    CHECK(error.id == id);
    REQUIRE(error.problems().size() == 1);
    CHECK(error.problems()[0] == expected);
}

// The malformed-JSON problem parse() reports where reading stopped, whatever nlohmann_json's reason.
void check_malformed_at(const konnect::validation_error& error, std::size_t offset) {
    INFO("what(): " << support::printable(error.what()));
    CHECK(error.id == konnect::validation_error::malformed_text);
    REQUIRE(error.problems().size() == 1);
    const Problem& problem = error.problems()[0];
    CHECK(problem.pointer.empty());
    CHECK(problem.kind == ProblemKind::malformed_json);
    CHECK(problem.message.rfind("malformed JSON at byte offset " + std::to_string(offset) + ": ", 0) == 0);
    CHECK_FALSE(contains(problem.message, "last read"));  // nlohmann's quote of the text, which parse() drops
}

// The first run of eight bytes of `text` that `message` shows, or nothing: a message must not quote the text.
std::string run_of_text_in(std::string_view message, std::string_view text) {
    constexpr std::size_t run = 8;
    for (std::size_t at = 0; at + run <= text.size(); ++at) {
        if (contains(message, text.substr(at, run))) return std::string(text.substr(at, run));
    }
    return {};
}

// ------------------------------------------------------------------------------------------------
// Helpers: deep values, written as text without recursion
// ------------------------------------------------------------------------------------------------

enum class Nesting { arrays, objects, alternating, last_of_siblings };

const char* name_of(Nesting nesting) {
    switch (nesting) {
        case Nesting::arrays:
            return "arrays";
        case Nesting::objects:
            return "objects";
        case Nesting::alternating:
            return "arrays and objects in turn";
        case Nesting::last_of_siblings:
            return "arrays whose last element is the deepest";
    }
    return "?";
}

// A JSON value `levels` deep (1 is an empty array or object) as text.
std::string nested_text(std::size_t levels, Nesting nesting) {
    const auto is_object = [nesting](std::size_t level) {
        return nesting == Nesting::objects || (nesting == Nesting::alternating && level % 2 == 0);
    };
    std::string opening;
    std::string closing;
    for (std::size_t level = 1; level < levels; ++level) {
        opening += is_object(level) ? R"({"a":)" : nesting == Nesting::last_of_siblings ? R"([0,"s",{},)" : "[";
        closing += is_object(level) ? '}' : ']';
    }
    return opening + (is_object(levels) ? "{}" : "[]") + std::string(closing.rbegin(), closing.rend());
}

// ------------------------------------------------------------------------------------------------
// Helpers: memory
// ------------------------------------------------------------------------------------------------

// AddressSanitizer keeps freed blocks in quarantine and valgrind adds its own bookkeeping to the process, so the
// resident memory of an instrumented run says little about what the library holds.
bool memory_is_instrumented() {
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#endif
#endif
#ifdef KONNECT_MODELS_TESTS_HAVE_VALGRIND_H
    if (RUNNING_ON_VALGRIND) return true;
#endif
    return false;
}

// Linear work on 64 MiB takes seconds in an unoptimised build (nlohmann_json's reader alone spends some 90 ns a byte
// at -O0, so json::parse takes 6 s on an idle machine) and quadratic work would take days: the [huge] tests allow
// three times the suite's bound, for a machine shared with other jobs.
double huge_seconds_allowed() { return 3 * support::seconds_allowed(); }

// What `action` returns, after checking that it took less than huge_seconds_allowed() and, on Linux and
// uninstrumented, that the peak resident memory grew by less than `bound` bytes while it ran.
template <typename Action>
auto within_time_and_memory(std::string_view what, std::size_t bound, Action action) {
#ifdef __linux__
    const auto peak_bytes = [] {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return static_cast<std::size_t>(usage.ru_maxrss) * 1024U;  // Linux gives kibibytes
    };
    // Writing 5 to clear_refs (Linux 4.0 and later) sets the peak to what is resident now, so the growth measured is
    // this action's own. Where it is refused the old peak stays and the growth measured can only come out smaller.
    std::ofstream("/proc/self/clear_refs") << "5";
    const std::size_t before = peak_bytes();
#endif
    const auto start = std::chrono::steady_clock::now();
    auto result = action();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(what << " took " << seconds << " s");
    CHECK(seconds < huge_seconds_allowed());
#ifdef __linux__
    const std::size_t after = peak_bytes();
    if (!memory_is_instrumented()) {
        INFO(what << ": the peak resident memory grew by " << (after - before) / 1024U / 1024U << " MiB, bound "
                  << bound / 1024U / 1024U << " MiB");
        CHECK(after - before < bound);
    }
#else
    static_cast<void>(bound);
#endif
    return result;
}

// The strings of the [huge] tests.
constexpr std::size_t huge = 64U * 1024U * 1024U;

// Peak growth allowed while parse() reads a text holding one huge string. A string without escapes is read in place
// and copied once, into the response; one with escapes is decoded first, into a buffer made once at its full size.
// Measured: 1 and 2 times the string (GCC 12, libstdc++, glibc).
constexpr std::size_t parse_memory_bound = 3 * huge;
// get<>() from a DOM that already holds the string copies it once into the response; encoding copies it once into
// the JSON it writes. Measured: 1 times the string.
constexpr std::size_t copy_memory_bound = 2 * huge;

}  // namespace

// ------------------------------------------------------------------------------------------------
// Nesting depth
// ------------------------------------------------------------------------------------------------

TEST_CASE("A member nested exactly to the depth limit is kept and written back on every path", "[limits]") {
    for (const Nesting nesting : {Nesting::arrays, Nesting::objects, Nesting::alternating, Nesting::last_of_siblings}) {
        const std::string value = nested_text(member_levels_at_limit, nesting);
        const std::string text = kong_example_text_plus(R"(,"x":)" + value);
        INFO("an unknown member of " << member_levels_at_limit << " levels of " << name_of(nesting)
                                     << "\ntext: " << text);
        const nlohmann::json expected_value = nlohmann::json::parse(value);

        const Response from_text = parsed(text);
        REQUIRE(from_text.additional_properties.contains("x"));
        CHECK(from_text.additional_properties.at("x") == expected_value);

        const Response from_dom = read(nlohmann::json::parse(text));
        CHECK(from_dom == from_text);

        const nlohmann::json encoded = written(from_text);
        CHECK(encoded.at("x") == expected_value);
        CHECK(parsed(encoded.dump()) == from_text);
    }
}

TEST_CASE("A member nested one level past the depth limit is a too_deep problem at its pointer on every path",
          "[limits]") {
    const Problem too_deep{"/x", ProblemKind::too_deep, std::string(support::too_deep_message)};
    for (const Nesting nesting : {Nesting::arrays, Nesting::objects, Nesting::alternating, Nesting::last_of_siblings}) {
        const std::string value = nested_text(member_levels_at_limit + 1, nesting);
        const std::string text = kong_example_text_plus(R"(,"x":)" + value);
        INFO("an unknown member of " << member_levels_at_limit + 1 << " levels of " << name_of(nesting)
                                     << "\ntext: " << text);

        check_one_problem(parse_error(text), konnect::validation_error::invalid_document, too_deep);
        check_one_problem(read_error(nlohmann::json::parse(text)), konnect::validation_error::invalid_document,
                          too_deep);

        Response response = documents::kong_example().get<Response>();
        response.additional_properties["x"] = nlohmann::json::parse(value);
        check_one_problem(write_error(response), konnect::validation_error::unencodable_value, too_deep);
    }
}

TEST_CASE("A member nested a million levels deep in the text is a too_deep problem for parse in bounded time",
          "[limits][slow]") {
    // parse() keeps nothing below the limit while it reads, so nothing recursive ever sees the million levels.
    const Problem too_deep{"/x", ProblemKind::too_deep, std::string(support::too_deep_message)};
    for (const Nesting nesting : {Nesting::arrays, Nesting::objects}) {
        INFO("an unknown member of a million levels of " << name_of(nesting));
        const std::string text = kong_example_text_plus(R"(,"x":)" + nested_text(1000000, nesting));
        check_one_problem(parse_error(text), konnect::validation_error::invalid_document, too_deep);
    }
}

TEST_CASE("A DOM nested far deeper than nlohmann can copy or dump is a too_deep problem when decoded or encoded",
          "[limits][slow]") {
    // Building and destroying such a DOM is safe: documents::nested() builds it by moves, and nlohmann_json destroys
    // values iteratively (an explicit stack in json_value::destroy) in 3.11.2 and in 3.9.1 alike. The deep value is
    // built once per shape and moved from document to response, never copied, compared or dumped.
    constexpr std::size_t levels = far_too_deep;
    const Problem too_deep{"/x", ProblemKind::too_deep, std::string(support::too_deep_message)};
    for (const auto shape : {documents::Shape::arrays, documents::Shape::objects}) {
        INFO("an unknown member of " << levels << " levels of "
                                     << (shape == documents::Shape::arrays ? "arrays" : "objects"));
        nlohmann::json document = documents::with_member("x", documents::nested(levels, shape));
        check_one_problem(read_error(document), konnect::validation_error::invalid_document, too_deep);
        const auto problems = within_seconds_allowed("validate()", [&document] { return konnect::validate(document); });
        CHECK(problems == std::vector<Problem>{too_deep});

        Response response = documents::kong_example().get<Response>();
        response.additional_properties["x"] = std::move(document["x"]);
        check_one_problem(write_error(response), konnect::validation_error::unencodable_value, too_deep);
    }
}

TEST_CASE("A deeply nested value in place of a schema member or the root is a wrong_type problem, not a crash",
          "[limits]") {
    // Schema members are read as strings and never walked; the root must be an object. parse() keeps 129 levels of
    // the text whatever member holds them, so one member and the root are enough there; the DOM is built once and
    // moved from place to place.
    struct Case {
        std::string member;  // empty: the root
        bool also_parsed;
        Problem expected;
    };
    const std::vector<Case> cases{
        {"name", true, {"/name", ProblemKind::wrong_type, "expected a string, found an array"}},
        {"", true, {"", ProblemKind::wrong_type, "expected an object, found an array"}},
        {"konnect_token", false, {"/konnect_token", ProblemKind::wrong_type, "expected a string, found an array"}},
        {"created_at",
         false,
         {"/created_at", ProblemKind::wrong_type,
          "expected an RFC 3339 date-time string (like 2023-01-01T00:00:00.000Z), found an array"}}};
    const std::string deep_text = nested_text(far_too_deep, Nesting::arrays);
    nlohmann::json deep_dom = documents::nested(far_too_deep);
    for (const auto& example : cases) {
        INFO(far_too_deep << " levels of arrays as " << (example.member.empty() ? "the root" : example.member));
        if (example.also_parsed) {
            const std::string text =
                example.member.empty() ? deep_text : example_text_with_member(example.member, deep_text);
            check_one_problem(parse_error(text), konnect::validation_error::invalid_document, example.expected);
        }
        if (example.member.empty()) {
            check_one_problem(read_error(deep_dom), konnect::validation_error::invalid_document, example.expected);
        } else {
            nlohmann::json document = documents::with_member(example.member, std::move(deep_dom));
            check_one_problem(read_error(document), konnect::validation_error::invalid_document, example.expected);
            deep_dom = std::move(document[example.member]);
        }
    }
}

// ------------------------------------------------------------------------------------------------
// 64 MiB strings
// ------------------------------------------------------------------------------------------------

namespace {

// Decodes `text` with parse() and `document` (a DOM built in code, holding the same huge string) with get<>(), checks
// with `kept` that each response holds the string and with `written_back` that encoding writes it, each step within
// time and memory bounds. The DOM is built in code rather than by nlohmann::json::parse(text), which would only add
// its seconds to the test.
template <typename Kept, typename WrittenBack>
void check_huge_string_kept(const std::string& text, const nlohmann::json& document, Kept kept,
                            WrittenBack written_back) {
    {
        const Response from_text =
            within_time_and_memory("parse()", parse_memory_bound, [&text] { return Response::parse(text); });
        CHECK(kept(from_text));  // a bool: a failing comparison of the strings themselves would print 64 MiB
    }
    const Response from_dom =
        within_time_and_memory("get<>()", copy_memory_bound, [&document] { return document.get<Response>(); });
    CHECK(kept(from_dom));
    const nlohmann::json encoded =
        within_time_and_memory("to_json()", copy_memory_bound, [&from_dom] { return nlohmann::json(from_dom); });
    CHECK(written_back(encoded));
}

// Whether `value` is a JSON string equal to `text`.
bool is_string(const nlohmann::json& value, const std::string& text) {
    return value.is_string() && value.get_ref<const std::string&>() == text;
}

}  // namespace

TEST_CASE("A name of 64 MiB is kept and written back on every path in bounded time and memory", "[limits][huge]") {
    const std::string name(huge, 'n');
    check_huge_string_kept(
        example_with("Development Token", name), documents::with_member("name", name),
        [&name](const Response& response) { return response.name == name; },
        [&name](const nlohmann::json& encoded) { return is_string(encoded.at("name"), name); });
}

TEST_CASE("A name of 64 MiB written with an escape is kept and written back on every path in bounded time and memory",
          "[limits][huge]") {
    const std::string name = "A" + std::string(huge - 1, 'n');
    check_huge_string_kept(
        example_with("Development Token", "\\u0041" + name.substr(1)), documents::with_member("name", name),
        [&name](const Response& response) { return response.name == name; },
        [&name](const nlohmann::json& encoded) { return is_string(encoded.at("name"), name); });
}

TEST_CASE("An unknown member's string of 64 MiB is kept and written back on every path in bounded time and memory",
          "[limits][huge]") {
    const std::string value(huge, 'v');
    check_huge_string_kept(
        kong_example_text_plus(R"(,"x":")" + value + '"'), documents::with_member("x", value),
        [&value](const Response& response) {
            return response.additional_properties.contains("x") &&
                   is_string(response.additional_properties.at("x"), value);
        },
        [&value](const nlohmann::json& encoded) { return is_string(encoded.at("x"), value); });
}

TEST_CASE("A token of 64 MiB is kept and written back on every path in bounded time and memory", "[limits][huge]") {
    const std::string token(huge, 't');
    check_huge_string_kept(
        example_with(documents::kong_example_token, token), documents::with_member("konnect_token", token),
        [&token](const Response& response) { return response.konnect_token.reveal() == token; },
        [&token](const nlohmann::json& encoded) { return is_string(encoded.at("konnect_token"), token); });
}

TEST_CASE("An unknown state of 64 MiB is kept and written back on every path in bounded time and memory",
          "[limits][huge]") {
    const std::string state(huge, 'S');
    check_huge_string_kept(
        example_with("ACTIVE", state), documents::with_member("state", state),
        [&state](const Response& response) {
            return response.state == konnect::State::unknown && response.state.to_string() == state;
        },
        [&state](const nlohmann::json& encoded) { return is_string(encoded.at("state"), state); });
}

// ------------------------------------------------------------------------------------------------
// 200 000 unknown members
// ------------------------------------------------------------------------------------------------

TEST_CASE("Two hundred thousand unknown members are kept and written back in bounded time on every path",
          "[limits][slow]") {
    constexpr std::size_t count = 200000;
    std::string members;
    for (std::size_t i = 0; i < count; ++i)
        members += ",\"m" + std::to_string(i) + "\":" + std::to_string(i);
    const std::string text = kong_example_text_plus(members);

    const Response from_text = parsed(text);
    REQUIRE(from_text.additional_properties.size() == count);
    CHECK(from_text.additional_properties.at("m0") == 0);
    CHECK(from_text.additional_properties.at("m199999") == 199999);

    const nlohmann::json document =
        within_seconds_allowed("nlohmann::json::parse()", [&text] { return nlohmann::json::parse(text); });
    const Response from_dom = read(document);
    CHECK(within_seconds_allowed("==", [&] { return from_dom == from_text; }));

    // Written back as read: encoding writes exactly the members of the text, every value unchanged.
    const nlohmann::json encoded = written(from_text);
    CHECK(within_seconds_allowed("==", [&] { return encoded == document; }));
    const std::string dumped = within_seconds_allowed("dump()", [&encoded] { return encoded.dump(); });
    CHECK(dumped.size() == text.size());
}

TEST_CASE("An unknown member holding two hundred thousand objects is read in time linear in its size on every path",
          "[limits][slow]") {
    // A reader that looked through a container each time an object in it ended (json::parse with a callback that
    // leaves values out does) would take minutes over each of these texts.
    constexpr std::size_t count = 200000;
    std::string in_an_array = "[";
    std::string in_an_object = "{";
    for (std::size_t i = 0; i < count; ++i) {
        const std::string separator = i == 0 ? "" : ",";
        in_an_array += separator + "{}";
        in_an_object += separator + "\"m" + std::to_string(i) + "\":{\"a\":[1]}";
    }
    for (const std::string& value : {in_an_array + "]", in_an_object + "}"}) {
        INFO("an unknown member of " << value.substr(0, 20) << "...");
        const std::string text = kong_example_text_plus(",\"big\":" + value);
        const Response from_text = parsed(text);
        CHECK(from_text.additional_properties.at("big").size() == count);
        const nlohmann::json document =
            within_seconds_allowed("nlohmann::json::parse()", [&text] { return nlohmann::json::parse(text); });
        CHECK(within_seconds_allowed("==", [&] { return read(document) == from_text; }));
    }
}

// ------------------------------------------------------------------------------------------------
// Repeated keys
// ------------------------------------------------------------------------------------------------

namespace {

// What parse() gives for `text`, after checking that get<>() from nlohmann::json::parse(text) gives the same.
Response decoded_both_ways(const std::string& text) {
    INFO("text: " << text);
    Response from_text = parsed(text);
    CHECK(read(nlohmann::json::parse(text)) == from_text);
    return from_text;
}

// The problems parse() finds in `text`, after checking that get<>() from nlohmann::json::parse(text) finds the same.
std::vector<Problem> problems_both_ways(const std::string& text) {
    INFO("text: " << text);
    const konnect::validation_error error = parse_error(text);
    CHECK(error.id == konnect::validation_error::invalid_document);
    CHECK(read_error(nlohmann::json::parse(text)).problems() == error.problems());
    return error.problems();
}

}  // namespace

TEST_CASE("A repeated schema member takes the value of its last occurrence on every path", "[limits]") {
    CHECK(decoded_both_ways(kong_example_text_plus(R"(,"name":"Second Name")")).name == "Second Name");
    CHECK(decoded_both_ways(kong_example_text_plus(R"(,"konnect_token":"kpat_second")")).konnect_token.reveal() ==
          "kpat_second");
    CHECK(decoded_both_ways(kong_example_text_plus(R"(,"state":"PENDING","state":"REVOKED")")).state ==
          konnect::State::revoked);

    // Only the last occurrence is validated: an invalid first one is forgotten, an invalid last one is the problem.
    const std::string id = "83f8380e-7798-4566-99e3-2edf2b57d289";
    CHECK(decoded_both_ways(example_with(R"("id":)", R"("id":"not-a-uuid","id":)")).id.to_string() == id);
    CHECK(
        problems_both_ways(kong_example_text_plus(R"(,"id":"not-a-uuid")")) ==
        std::vector<Problem>{
            {"/id", ProblemKind::invalid_format,
             R"(expected a UUID string (8-4-4-4-12 hexadecimal digits), found the string "not-a-uuid": a UUID has 36 characters, this has 10)"}});
    CHECK(problems_both_ways(kong_example_text_plus(R"(,"name":null)")) ==
          std::vector<Problem>{{"/name", ProblemKind::null_not_allowed, "expected a string, found null"}});
}

TEST_CASE("A repeated unknown member takes the value of its last occurrence on every path", "[limits]") {
    const Response three_times = decoded_both_ways(kong_example_text_plus(R"(,"x":1,"x":[true],"x":"three")"));
    CHECK(three_times.additional_properties == nlohmann::json{{"x", "three"}});

    // Depth is checked on the value that wins: parse() skips the inside of the too deep one as it reads.
    const std::string too_deep = nested_text(member_levels_at_limit + 1, Nesting::arrays);
    const Response deep_then_shallow = decoded_both_ways(kong_example_text_plus(R"(,"x":)" + too_deep + R"(,"x":[])"));
    CHECK(deep_then_shallow.additional_properties == nlohmann::json{{"x", nlohmann::json::array()}});
    CHECK(problems_both_ways(kong_example_text_plus(R"(,"x":[],"x":)" + too_deep)) ==
          std::vector<Problem>{{"/x", ProblemKind::too_deep, std::string(support::too_deep_message)}});
}

// ------------------------------------------------------------------------------------------------
// NUL characters
// ------------------------------------------------------------------------------------------------

TEST_CASE(
    "An escaped NUL character is kept and written back in the name, an unknown state, the token and an unknown "
    "member",
    "[limits]") {
    std::string text = kong_example_text_plus(R"(,"k\u0000ey":"v\u0000al")");
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"Development Token", R"(Dev\u0000Token)"}, {"ACTIVE", R"(ACT\u0000IVE)"}, {"kpat_", R"(kpat\u0000_)"}}) {
        text.replace(text.find(from), from.size(), to);
    }
    const Response response = decoded_both_ways(text);
    using namespace std::string_literals;
    CHECK(response.name == "Dev\0Token"s);
    CHECK(response.state == konnect::State::unknown);
    CHECK(response.state.to_string() == "ACT\0IVE"s);
    CHECK(response.konnect_token.reveal().substr(0, 6) == "kpat\0_"s);
    CHECK(response.konnect_token.size() == documents::kong_example_token.size() + 1);
    CHECK(response.additional_properties == nlohmann::json{{"k\0ey"s, "v\0al"s}});

    const std::string dumped = written(response).dump();
    INFO("written: " << support::printable(dumped));
    CHECK(dumped.find('\0') == std::string::npos);
    CHECK(contains(dumped, R"("name":"Dev\u0000Token")"));
    CHECK(contains(dumped, R"("k\u0000ey":"v\u0000al")"));
    CHECK(decoded_both_ways(dumped) == response);
}

TEST_CASE("A raw NUL byte in the text is malformed JSON at its byte offset for parse", "[limits]") {
    // nlohmann_json's reader takes a NUL byte for the end of the text: nlohmann::json::parse rejects one inside a
    // string, but past a complete document it stops there and ignores the rest. parse() reports every NUL byte.
    const std::string body(documents::kong_example_text);
    const std::string token(documents::kong_example_token);
    const std::string nul(1, '\0');
    struct Case {
        std::string description;
        std::string text;
        bool nlohmann_parse_accepts;
    };
    const std::vector<Case> cases{
        {"first", nul + body, false},
        {"inside the name", example_with("Development Token", "Develop" + nul + "ment Token"), false},
        {"inside the token", example_with(token, token.substr(0, 20) + nul + token.substr(20)), false},
        {"between two members", example_with(R"(,"state")", "," + nul + R"("state")"), false},
        {"after the document, before more text", body + nul + "garbage", true},
        {"last", body + nul, true}};
    for (const auto& example : cases) {
        INFO("a NUL byte " << example.description << "\ntext: " << support::printable(example.text));
        const std::size_t offset = example.text.find('\0');
        const konnect::validation_error error = parse_error(example.text);
        check_malformed_at(error, offset);
        CHECK(error.problems()[0].message == "malformed JSON at byte offset " + std::to_string(offset) +
                                                 ": a NUL byte, which JSON text cannot contain");
        CHECK(run_of_text_in(error.what(), token).empty());

        if (example.nlohmann_parse_accepts) {
            CHECK(read(nlohmann::json::parse(example.text)) == parsed(body));
        } else {
            CHECK_THROWS_AS(nlohmann::json::parse(example.text), nlohmann::json::parse_error);
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Invalid UTF-8 and lone surrogates
// ------------------------------------------------------------------------------------------------

TEST_CASE("Invalid UTF-8 and lone surrogates in the text are malformed JSON at the byte where reading stops",
          "[limits]") {
    struct Case {
        std::string description;
        std::string bytes;     // put into a string of Kong's example, before a space or the token's rest
        std::size_t stops_at;  // the offset into `bytes` where nlohmann_json's reader stops
    };
    const std::vector<Case> cases{
        {"an overlong two-byte encoding of '/'", "\xC0\xAF", 0},
        {"an overlong three-byte encoding of '/'", "\xE0\x80\xAF", 1},
        {"a three-byte sequence cut short", "\xE2\x82", 2},
        {"the byte 0xFF", "\xFF", 0},
        {"a lone continuation byte", "\x80", 0},
        {"the surrogate U+D800 encoded in UTF-8", "\xED\xA0\x80", 1},
        {"a code point past U+10FFFF", "\xF4\x90\x80\x80", 1},
        {"a lone high surrogate escape", R"(\ud800)", 6},
        {"a lone low surrogate escape", R"(\udc00)", 5},
        {"a high surrogate escape followed by a letter", R"(\ud800x)", 6},
        {"a high surrogate escape followed by an escape that is no low surrogate", R"(\ud800\u0041)", 11}};
    const std::string token(documents::kong_example_token);
    for (const auto& example : cases) {
        const std::vector<std::pair<std::string, std::string>> placements{
            {"the name", example_with("Development Token", "Development" + example.bytes + " Token")},
            {"an unknown member's name", kong_example_text_plus(R"(,"x)" + example.bytes + R"( y":1)")},
            {"the token", example_with(token, token.substr(0, 20) + example.bytes + token.substr(20))}};
        for (const auto& [where, text] : placements) {
            INFO(example.description << " in " << where << "\ntext: " << support::printable(text));
            const std::size_t inserted_at = text.find(example.bytes);
            const konnect::validation_error error = parse_error(text);
            check_malformed_at(error, inserted_at + example.stops_at);
            CHECK(run_of_text_in(error.what(), token).empty());
            CHECK_THROWS_AS(nlohmann::json::parse(text), nlohmann::json::parse_error);
        }
    }
}

TEST_CASE("A DOM built in code with invalid UTF-8 decodes and encodes, and nlohmann refuses to dump what it encodes",
          "[limits]") {
    // nlohmann_json checks UTF-8 when it reads text and when it dumps, not when a program builds a DOM: such a DOM
    // decodes, and encodes to an equal DOM, whose dump() throws type_error 316 unless asked to replace bad bytes.
    const std::string bad_name = std::string("Dev") + "\xFF" + "Token";
    const std::string bad_state = "\xED\xA0\x80";
    const std::string bad_key = std::string("k") + "\xC0\xAF";
    const std::string bad_value = "\xE2\x82";
    nlohmann::json document = documents::kong_example();
    document["name"] = bad_name;
    document["state"] = bad_state;
    document[bad_key] = bad_value;

    const Response response = read(document);
    CHECK(response.name == bad_name);
    CHECK(response.state == konnect::State::unknown);
    CHECK(response.state.to_string() == bad_state);
    CHECK((response.additional_properties.contains(bad_key) &&
           is_string(response.additional_properties[bad_key], bad_value)));

    const nlohmann::json encoded = written(response);
    const bool encoded_equal = encoded == document;  // not CHECKed directly: Catch2 would dump the DOMs to show them
    CHECK(encoded_equal);
    int dump_error = 0;
    try {
        static_cast<void>(encoded.dump());
    } catch (const nlohmann::json::type_error& error) {
        dump_error = error.id;
    }
    CHECK(dump_error == 316);
    const std::string replaced = encoded.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    CHECK(contains(replaced, "\"name\":\"Dev\xEF\xBF\xBDToken\""));

    // Printing and messages show such bytes as they are: they stay one line and never throw.
    CHECK(contains(support::printed(response), "name: \"" + bad_name + "\""));
    const std::string bad_id = "\xFF";
    check_one_problem(read_error(documents::with_member("id", bad_id)), konnect::validation_error::invalid_document,
                      {"/id", ProblemKind::invalid_format,
                       "expected a UUID string (8-4-4-4-12 hexadecimal digits), found the string \"" + bad_id +
                           "\": a UUID has 36 characters, this has 1"});
}

// ------------------------------------------------------------------------------------------------
// Numbers nlohmann_json cannot hold
// ------------------------------------------------------------------------------------------------

TEST_CASE("A number beyond the range of a double is malformed JSON for parse and out_of_range 406 for nlohmann's parse",
          "[limits]") {
    for (const std::string number : {"1e400", "-1e400", "1.5e99999", "-0.1e400"}) {
        for (const std::string& value : {number, "[0," + number + "]", R"({"n":)" + number + "}"}) {
            const std::string text = kong_example_text_plus(R"(,"x":)" + value);
            INFO("an unknown member " << value);
            // nlohmann_json says no more than that a number overflows: parse() finds where it starts.
            const konnect::validation_error error = parse_error(text);
            check_malformed_at(error, text.find(number));
            CHECK(contains(error.problems()[0].message, "a number too large for a double"));
            CHECK_FALSE(contains(error.problems()[0].message, number));

            CHECK_THROWS_AS(nlohmann::json::parse(text), nlohmann::json::out_of_range);
            CHECK(nlohmann_parse_error(text).first == 406);
        }
    }
}

TEST_CASE("Integers beyond 64 bits and numbers below the smallest double are read as the nearest double on every path",
          "[limits]") {
    // nlohmann_json reads an integer that fits neither std::int64_t nor std::uint64_t as a double, losing digits, and
    // a number too small for a double as 0.0. The value kept is that double, and it is written back as such.
    struct Case {
        std::string number;
        double value;
        std::string written;
    };
    const std::vector<Case> cases{
        {"18446744073709551616", 18446744073709551616.0, "1.8446744073709552e+19"},
        {"123456789012345678901234567890", 123456789012345678901234567890.0, "1.2345678901234568e+29"},
        {"-9223372036854775809", -9223372036854775809.0, "-9.223372036854776e+18"},
        {"1e-400", 0.0, "0.0"}};
    for (const auto& example : cases) {
        const Response response = decoded_both_ways(kong_example_text_plus(R"(,"x":)" + example.number));
        const nlohmann::json& x = response.additional_properties.at("x");
        INFO("an unknown member " << example.number << ", kept as " << x.dump());
        CHECK(x.is_number_float());
        CHECK(x.get<double>() == example.value);
        const nlohmann::json encoded = written(response);
        CHECK(encoded.at("x").dump() == example.written);
        CHECK(decoded_both_ways(encoded.dump()) == response);
    }

    // The largest integers nlohmann_json holds stay exact.
    for (const std::string number : {"18446744073709551615", "-9223372036854775808"}) {
        const Response response = decoded_both_ways(kong_example_text_plus(R"(,"x":)" + number));
        INFO("an unknown member " << number);
        CHECK(response.additional_properties.at("x").is_number_integer());
        CHECK(written(response).at("x").dump() == number);
    }
}

// ------------------------------------------------------------------------------------------------
// Empty and truncated text
// ------------------------------------------------------------------------------------------------

TEST_CASE("Empty and whitespace only text is malformed JSON at the end of the text", "[limits]") {
    for (const std::string text : {"", " ", "\n", " \t\r\n "}) {
        INFO("text: " << support::printable(text));
        const konnect::validation_error error = parse_error(text);
        check_malformed_at(error, text.size());  // what follows the offset is nlohmann's, worded by its release
        CHECK_THROWS_AS(nlohmann::json::parse(text), nlohmann::json::parse_error);
    }
}

TEST_CASE("The Kong example cut at every byte is malformed JSON at the cut quoting none of the text", "[limits]") {
    const std::string_view body = documents::kong_example_text;
    within_seconds_allowed("cutting at every byte", [body] {
        for (std::size_t cut = 0; cut < body.size(); ++cut) {
            const std::string text(body.substr(0, cut));
            INFO("the first " << cut << " bytes: " << text);
            const konnect::validation_error error = parse_error(text);
            check_malformed_at(error, cut);
            CHECK(run_of_text_in(error.what(), body).empty());
            CHECK_THROWS_AS(nlohmann::json::parse(text), nlohmann::json::parse_error);
        }
        return true;
    });

    // nlohmann::json::parse's own error quotes what it read last, here part of the token: parse() drops that quote.
    const std::string token(documents::kong_example_token);
    const std::string cut_in_token(body.substr(0, body.find(token) + 30));
    const std::string nlohmann_what = nlohmann_parse_error(cut_in_token).second;
    CHECK(contains(nlohmann_what, token.substr(0, 30)));
    CHECK(run_of_text_in(parse_error(cut_in_token).what(), token).empty());
}
