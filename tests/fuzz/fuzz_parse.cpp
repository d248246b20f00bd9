// Fuzz target: bytes -> PersonalAccessTokenCreateResponse::parse().
//
// What parse() accepts, encoding writes and parse() reads back equal, and the second encoding is the first byte for
// byte, with json and with ordered_json (which also shows the schema's member order). parse() agrees with the DOM
// path, nlohmann::json::parse() then konnect::validate(): the same text accepted, the same problems found. A
// malformed text is a 702 at the byte offset where nlohmann's reader stops, without quoting the text. No problem and
// no printed form shows a run of eight bytes of the token where document text is shown. Any exception other than a
// validation_error escapes, and libFuzzer reports it as a crash.
#include "fuzz_support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using fuzz::check;
using fuzz::printable;
using konnect::Problem;
using Response = konnect::PersonalAccessTokenCreateResponse;

// Kong's schema, written out here rather than read from the header, in its order.
constexpr std::array<std::string_view, 11> schema_keys{
    "id",         "user_id",    "name",         "state",      "konnect_token", "revoked_by",
    "created_at", "updated_at", "last_used_at", "expires_at", "revoked_at"};

bool is_schema_key(std::string_view key) {
    return std::find(schema_keys.begin(), schema_keys.end(), key) != schema_keys.end();
}

bool is_schema_pointer(std::string_view pointer) {
    return !pointer.empty() && pointer.front() == '/' && is_schema_key(pointer.substr(1));
}

struct Outcome {
    std::optional<Response> response;
    std::optional<konnect::validation_error> error;
};

Outcome parse(std::string_view text) {
    try {
        return {Response::parse(text), std::nullopt};
    } catch (const konnect::validation_error& error) {
        return {std::nullopt, error};
    }
}

// A problem message quotes document text in one place only: the string after "found the string ", from its opening
// quote to its closing one (a quote or backslash inside is escaped). What follows is the reason the string does not
// read: the library's words, with digits or a month's name taken from the string.
constexpr std::string_view quoting = "found the string ";

// Where the quoted string of a message starts and ends (past its closing quote); both at the end when it has none.
std::pair<std::size_t, std::size_t> quoted_span(std::string_view message) {
    const std::size_t quote_at = message.find(quoting);
    if (quote_at == std::string_view::npos) return {message.size(), message.size()};
    const std::size_t start = quote_at + quoting.size();
    std::size_t end = start + 1;
    while (end < message.size() && message[end] != '"') {
        end += message[end] == '\\' ? 2 : 1;
    }
    return {start, std::min(end + 1, message.size())};
}

// The message without its quoted string: the library's words.
std::string words_of(std::string_view message) {
    const auto [start, end] = quoted_span(message);
    return std::string(message.substr(0, start)) + std::string(message.substr(end));
}

std::string_view quoted_part_of(std::string_view message) {
    const auto [start, end] = quoted_span(message);
    return message.substr(start, end - start);
}

// Each run of digits as one 0: the number of problems, bytes or an offset is not document text.
std::string without_numbers(std::string_view text) {
    std::string normal;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const bool digit = text[at] >= '0' && text[at] <= '9';
        if (!digit) {
            normal += text[at];
        } else if (at == 0 || text[at - 1] < '0' || text[at - 1] > '9') {
            normal += '0';
        }
    }
    return normal;
}

// The library's own words in problem messages, gathered from documents that make it say each of them. A token may
// hold the library's words ("expected a") and then shows in every message without anything leaking: a run of the
// token outside the quoted part of a message is a leak only when it is not these words.
class Vocabulary {
  public:
    Vocabulary() {
        const std::array<nlohmann::json, 9> member_values{nullptr,
                                                          true,
                                                          1,
                                                          1.5,
                                                          nlohmann::json::array(),
                                                          nlohmann::json::object(),
                                                          "x",
                                                          std::string(100, 'x'),
                                                          nlohmann::json::array({1})};
        learn(konnect::validate(nlohmann::json::object()));  // every required member missing
        for (const auto& value : member_values) {
            learn(konnect::validate(value));  // a root that is not an object
            nlohmann::json document = nlohmann::json::object();
            for (const std::string_view key : schema_keys) {
                document[std::string(key)] = value;
            }
            learn(konnect::validate(document));
            document.erase("konnect_token");  // a string token would keep strings from being quoted
            learn(konnect::validate(document));
        }
        nlohmann::json too_deep = nlohmann::json::array();
        for (std::size_t level = 0; level < konnect::max_nesting_depth; ++level) {
            too_deep = nlohmann::json::array({too_deep});
        }
        learn(konnect::validate(
            nlohmann::json{{"named", too_deep}, {std::string(100, 'k'), too_deep}, {"two\nlines", too_deep}}));
        learn(parse(std::string_view("{}\0", 3)).error->problems());
        // Every reason a string that is no UUID or date-time is given, beside the string quoted and, where the
        // string is the token itself, not quoted.
        std::vector<std::string> not_read{"x",
                                          "83f8380e_7798-4566-99e3-2edf2b57d289",
                                          "83f8380e-7798-4566-99e3-2edf2b57d28x",
                                          "2023",
                                          "2023-01-01T00:00:00.Z",
                                          "2023-01-01T00:00:00",
                                          "2023-01-01T00:00:00x",
                                          "2023-01-01T00:00:00+0",
                                          "2023-01-01T00:00:00+24:00",
                                          "2023-01-01T00:00:00+00:60",
                                          "2023-01-01T00:00:00Zx",
                                          "2023-13-01T00:00:00Z",
                                          "2023-01-01T24:00:00Z",
                                          "2023-01-01T00:60:00Z",
                                          "2023-01-01T00:00:61Z",
                                          "2023-01-01T00:00:60Z"};
        const std::string date_time = "2023-01-01T00:00:00Z";
        for (std::size_t at = 0; at + 1 < date_time.size(); ++at) {
            not_read.push_back(date_time.substr(0, at) + "x" + date_time.substr(at + 1));  // each character of the form
        }
        for (int month = 1; month <= 12; ++month) {
            not_read.push_back("2023-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-32T00:00:00Z");
        }
        for (const std::string& text : not_read) {
            learn(konnect::validate(nlohmann::json{{"id", text}, {"created_at", text}}));
            learn(konnect::validate(nlohmann::json{{"id", text}, {"created_at", text}, {"konnect_token", text}}));
        }
    }

    /// Whether the eight bytes of `window` are the library's words (numbers aside).
    [[nodiscard]] bool has(std::string_view window) const {
        const std::string normal = without_numbers(window);
        return std::any_of(words_.begin(), words_.end(),
                           [&normal](const std::string& words) { return words.find(normal) != std::string::npos; });
    }

  private:
    void learn(const std::vector<Problem>& problems) {
        for (const Problem& problem : problems) {
            words_.push_back(without_numbers(words_of(problem.message)));
        }
    }

    std::vector<std::string> words_;
};

const Vocabulary& vocabulary() {
    static const Vocabulary words;
    return words;
}

// The token of a document nlohmann can read, when it is a string long enough to have runs of eight bytes.
std::optional<std::string> long_token_of(const nlohmann::json& document) {
    if (!document.is_object()) return std::nullopt;
    const auto token = document.find("konnect_token");
    if (token == document.end() || !token->is_string()) return std::nullopt;
    const auto& text = token->get_ref<const std::string&>();
    if (text.size() < fuzz::TokenRuns::run_size) return std::nullopt;
    return text;
}

// The member name a JSON pointer of one level names.
std::string member_name_in(std::string_view pointer) {
    std::string name;
    for (std::size_t at = 1; at < pointer.size(); ++at) {
        if (pointer[at] == '~' && at + 1 < pointer.size() && (pointer[at + 1] == '0' || pointer[at + 1] == '1')) {
            name += pointer[++at] == '0' ? '~' : '/';
        } else {
            name += pointer[at];
        }
    }
    return name;
}

// The token shows in no problem wherever a problem shows document text: the name of an unknown member in a
// pointer, a found string in a message. The rest of a message is the library's own words.
void check_problems_hide_token(const std::vector<Problem>& problems, const fuzz::TokenRuns& runs) {
    for (const Problem& problem : problems) {
        const std::string details = "token: " + printable(runs.token()) + "\nproblem: " + printable(to_string(problem));
        if (!is_schema_pointer(problem.pointer)) {
            check(!runs.first_in(problem.pointer), "no pointer names a member by a name that shows a run of the token",
                  details);
            // RFC 6901 writes '/' and '~' in a name as ~1 and ~0: a token full of them shares no run with the
            // pointer, yet the pointer shows it whole.
            check(!runs.first_in(member_name_in(problem.pointer)),
                  "no pointer names a member by a name that shows a run of the token, once ~0 and ~1 are read back",
                  details);
        }
        check(!runs.first_in(quoted_part_of(problem.message)),
              "no message quotes a found string that shows a run of the token", details);
        const std::string words = words_of(problem.message);
        for (const std::size_t at : runs.positions_in(words)) {
            check(vocabulary().has(std::string_view(words).substr(at, fuzz::TokenRuns::run_size)),
                  "a message shows the token nowhere but in the library's own words", details);
        }
    }
}

// A 702: one malformed_json problem for the whole document, at the byte offset where nlohmann's reader stops (at a
// raw NUL byte at the latest), and nothing of the text itself: a reason quotes at most JSON's punctuation (',' or
// '}'), never what was read.
void check_malformed(std::string_view text, const konnect::validation_error& error) {
    const std::string details = "text: " + printable(text) + "\nproblems:\n" + fuzz::listed(error.problems());
    check(error.problems().size() == 1, "malformed text is one problem", details);
    const Problem& problem = error.problems().front();
    check(problem.pointer.empty() && problem.kind == konnect::ProblemKind::malformed_json,
          "malformed text is a malformed_json problem of the whole document", details);

    constexpr std::string_view prefix = "malformed JSON at byte offset ";
    const std::string& message = problem.message;
    check(message.compare(0, prefix.size(), prefix) == 0, "a malformed_json message gives the byte offset", details);
    std::size_t reason_at = prefix.size();
    std::size_t offset = 0;
    while (reason_at < message.size() && message[reason_at] >= '0' && message[reason_at] <= '9' &&
           reason_at < prefix.size() + 10) {
        offset = offset * 10 + static_cast<std::size_t>(message[reason_at++] - '0');
    }
    check(reason_at > prefix.size() && message.compare(reason_at, 2, ": ") == 0,
          "a malformed_json message gives the byte offset as a number", details);
    check(offset <= text.size(), "the byte offset lies within the text", details);

    const std::string_view reason = std::string_view(message).substr(reason_at + 2);
    check(reason.find("last read") == std::string_view::npos, "a malformed_json message never says what was last read",
          details);
    bool inside_quotes = false;
    for (std::size_t start = 0; start <= reason.size(); inside_quotes = !inside_quotes) {
        const std::size_t end = std::min(reason.find('\'', start), reason.size());
        check(!inside_quotes || (end < reason.size() && end - start <= 2),
              "a malformed_json message quotes nothing from the text", details);
        start = end + 1;
    }

    // nlohmann's reader takes a raw NUL byte for the end of the text: parse() stops where it stops on the text before
    // the NUL, or at the NUL.
    const std::size_t nul = std::min(text.find('\0'), text.size());
    const std::string_view readable = text.substr(0, nul);
    try {
        static_cast<void>(nlohmann::json::parse(readable.begin(), readable.end()));
        check(nul < text.size(), "text that parse() finds malformed nlohmann::json::parse() rejects", details);
        check(offset == nul, "JSON followed by a raw NUL byte is reported at the NUL byte", details);
    } catch (const nlohmann::json::parse_error& nlohmann_error) {
        // nlohmann counts the byte it stopped at from 1.
        const std::size_t stopped_at = std::min(nlohmann_error.byte - 1, nul);
        check(offset == stopped_at, "the byte offset is where nlohmann's reader stops, or at a raw NUL byte",
              details + "nlohmann: " + nlohmann_error.what());
    } catch (const nlohmann::json::out_of_range&) {
        // A number too large for a double: nlohmann's exception does not say where; parse() says where it starts.
        const std::string_view number = text.substr(offset, text.find_first_not_of("+-.0123456789Ee", offset) - offset);
        check(!number.empty() && (number[0] == '-' || (number[0] >= '0' && number[0] <= '9')) &&
                  std::isinf(std::strtod(std::string(number).c_str(), nullptr)),
              "a number too large for a double is reported where it starts", details);
    }
}

// Whether two JSON values are the same, JSON type by JSON type (nlohmann's == takes 1, 1u and 1.0 for equal, and
// 0.0 and -0.0), down to the last member.
bool same_typed(const nlohmann::json& a, const nlohmann::json& b) {
    if (a.type() != b.type() || a.size() != b.size()) return false;
    if (a.is_object()) {
        for (auto at_a = a.begin(), at_b = b.begin(); at_a != a.end(); ++at_a, ++at_b) {
            if (at_a.key() != at_b.key() || !same_typed(*at_a, *at_b)) return false;
        }
        return true;
    }
    if (a.is_array()) {
        for (std::size_t at = 0; at < a.size(); ++at) {
            if (!same_typed(a[at], b[at])) return false;
        }
        return true;
    }
    return a.dump() == b.dump();
}

// The DOM path, nlohmann::json::parse() then konnect::validate(), decides as parse() does and finds the same
// problems in the same order. Only for text without a raw NUL byte: nlohmann's reader takes one for the end of the
// text, while parse() rejects it.
void check_dom_path_agrees(std::string_view text, const nlohmann::json& document, const Outcome& outcome) {
    const std::string details = "text: " + printable(text);
    if (document.is_discarded()) {
        check(outcome.error && outcome.error->id == konnect::validation_error::malformed_text,
              "text nlohmann::json::parse() rejects parse() rejects as malformed (702)", details);
        return;
    }
    const std::vector<Problem> problems = konnect::validate(document);
    if (outcome.response) {
        check(problems.empty(), "a document parse() accepts validate() finds no problem in",
              details + "\nvalidate():\n" + fuzz::listed(problems));
        check(document.get<Response>() == *outcome.response, "parse() and get<>() on the DOM decode equal responses",
              details);
        nlohmann::json unknown;  // null while there are none
        for (const auto& member : document.items()) {
            if (!is_schema_key(member.key())) unknown[member.key()] = member.value();
        }
        check(same_typed(outcome.response->additional_properties, unknown),
              "parse() keeps the unknown members the DOM has, each value of the same JSON type",
              details + "\nkept: " + printable(outcome.response->additional_properties.dump()));
        return;
    }
    check(outcome.error->id == konnect::validation_error::invalid_document,
          "text nlohmann::json::parse() reads parse() rejects, if at all, as not matching the schema (701)",
          details + "\nparse():\n" + fuzz::listed(outcome.error->problems()));
    check(
        outcome.error->problems() == problems, "parse() and validate() on the DOM find the same problems",
        details + "\nparse():\n" + fuzz::listed(outcome.error->problems()) + "validate():\n" + fuzz::listed(problems));
}

// Encoding as ordered_json writes the schema's members in its order, then the unknown members; expires_at always
// (null when empty), the other members when they have a value and never as null.
void check_member_order(const nlohmann::ordered_json& encoded, const Response& response) {
    const std::string details = "encoded: " + printable(encoded.dump());
    std::size_t next_schema_key = 0;
    bool unknown_seen = false;
    for (const auto& member : encoded.items()) {
        const auto schema_key = std::find(schema_keys.begin(), schema_keys.end(), member.key());
        if (schema_key == schema_keys.end()) {
            unknown_seen = true;
            continue;
        }
        const auto index = static_cast<std::size_t>(schema_key - schema_keys.begin());
        check(!unknown_seen && index >= next_schema_key,
              "the schema's members are written in its order and before the unknown members", details);
        next_schema_key = index + 1;
        check(!member.value().is_null() || member.key() == "expires_at", "no member but expires_at is written as null",
              details);
    }
    const std::array<std::pair<std::string_view, bool>, 5> written_when{
        {{"revoked_by", response.revoked_by.has_value()},
         {"updated_at", response.updated_at.has_value()},
         {"last_used_at", response.last_used_at.has_value()},
         {"expires_at", true},
         {"revoked_at", response.revoked_at.has_value()}}};
    for (const auto& [key, written] : written_when) {
        check(encoded.contains(std::string(key)) == written,
              "an optional member is written exactly when it has a value", details + "\nmember: " + std::string(key));
    }
}

// What encoding writes parse() reads back equal, and encoding that again writes the same text.
template <typename Json>
void check_round_trip(const Response& response) {
    const Json encoded = response;
    const std::string text = encoded.dump();
    const Outcome again = parse(text);
    check(again.response.has_value(), "parse() reads what encoding writes",
          "encoded: " + printable(text) + (again.error ? "\nproblems:\n" + fuzz::listed(again.error->problems()) : ""));
    check(*again.response == response, "what encoding writes reads back as an equal response",
          "encoded: " + printable(text));
    const Json encoded_again = *again.response;
    check(encoded_again.dump() == text, "encoding the response read back writes the same text",
          "first: " + printable(text) + "\nsecond: " + printable(encoded_again.dump()));
}

// Checks one piece of document text as printed: every run of the token in it is covered by [redacted].
// Whether a printed piece is what printing shows in place of text it cannot check against a token too long to look
// for runs of: "(N bytes, not printed)", the library's words and the text's length, whatever the token holds (a token
// may hold those words too).
bool is_withheld(std::string_view piece) {
    constexpr std::string_view ending = " bytes, not printed)";
    if (piece.size() <= ending.size() + 1 || piece.front() != '(' ||
        piece.substr(piece.size() - ending.size()) != ending) {
        return false;
    }
    const std::string_view length = piece.substr(1, piece.size() - ending.size() - 1);
    return std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void check_printed_piece(std::string_view piece, const fuzz::TokenRuns& runs, std::string_view what) {
    if (is_withheld(piece)) return;
    constexpr std::string_view redacted = "[redacted]";
    for (std::size_t start = 0; start <= piece.size();) {
        const std::size_t end = std::min(piece.find(redacted, start), piece.size());
        check(!runs.first_in(piece.substr(start, end - start)), "a printed response shows no run of the token",
              std::string(what) + " printed as " + printable(piece) + "\ntoken: " + printable(runs.token()));
        start = end + redacted.size();
    }
}

// What `with` prints where `without` prints the `size` bytes at `at`, when the two differ there alone.
std::string piece_in(const std::string& with, const std::string& without, std::size_t at, std::size_t size,
                     std::string_view what) {
    const std::size_t after = without.size() - at - size;
    check(with.size() >= at + after && with.compare(0, at, without, 0, at) == 0 &&
              with.compare(with.size() - after, after, without, at + size, after) == 0,
          "a response with one more piece of document text prints differently there alone",
          std::string(what) + "\nwith it: " + printable(with) + "\nwithout: " + printable(without));
    return with.substr(at, with.size() - at - after);
}

// The printed response shows the token in no piece of document text it prints (the name, an unknown state, the
// names of unknown members), and holds nothing but those pieces and what the same response without them prints.
void check_printing_hides_token(const Response& response, const fuzz::TokenRuns& runs) {
    // The response without document text prints the header's words, UUIDs and times; each piece of document text
    // is then what changes when it is put back.
    Response bare = response;
    bare.name.clear();
    if (bare.state.is_unknown()) bare.state = konnect::State::active;
    bare.additional_properties = nullptr;
    const std::string bare_printed = fuzz::printed(bare);
    const std::string details = "printed without document text: " + printable(bare_printed);

    // The empty name prints between ", name: " and ", state: " (as "", or as what a token too long to check
    // prints instead of any document text).
    constexpr std::string_view name_label = ", name: ";
    constexpr std::string_view state_label = ", state: ";
    const std::size_t name_start = bare_printed.find(name_label) + name_label.size();
    const std::size_t name_end = bare_printed.find(state_label, name_start);
    const std::string& state_text = bare.state.to_string();
    const std::size_t state_start = name_end + state_label.size();
    check(name_start >= name_label.size() && name_end != std::string::npos &&
              bare_printed.compare(state_start, state_text.size(), state_text) == 0 && bare_printed.back() == '}',
          "a response prints its name, then its state", details);

    Response named = bare;
    named.name = response.name;
    const std::string name_piece =
        piece_in(fuzz::printed(named), bare_printed, name_start, name_end - name_start, "the name");
    check_printed_piece(name_piece, runs, "the name");

    std::string state_piece = state_text;
    if (response.state.is_unknown()) {
        Response stated = bare;
        stated.state = response.state;
        state_piece = piece_in(fuzz::printed(stated), bare_printed, state_start, state_text.size(), "the state");
        constexpr std::string_view unknown = " (unknown)";
        check(state_piece.size() >= unknown.size() &&
                  state_piece.compare(state_piece.size() - unknown.size(), unknown.size(), unknown) == 0,
              "an unknown state prints marked (unknown)", "printed as " + printable(state_piece));
        check_printed_piece(std::string_view(state_piece).substr(0, state_piece.size() - unknown.size()), runs,
                            "the unknown state");
    }

    std::string unknown_members;
    const nlohmann::json& additional = response.additional_properties;
    if (!additional.empty()) {
        const std::string one_member_head =
            bare_printed.substr(0, bare_printed.size() - 1) + ", additional_properties: 1 member (";
        unknown_members = ", additional_properties: " + std::to_string(additional.size()) +
                          (additional.size() == 1 ? " member (" : " members (");
        const char* separator = "";
        for (const auto& member : additional.items()) {
            Response one = bare;
            one.additional_properties[member.key()] = nullptr;
            const std::string one_printed = fuzz::printed(one);
            const std::string piece =
                piece_in(one_printed, one_member_head + ")}", one_member_head.size(), 0, "an unknown member's name");
            check_printed_piece(piece, runs, "the name of an unknown member");
            unknown_members += std::exchange(separator, ", ") + piece;
        }
        unknown_members += ')';
    }

    const std::size_t state_end = state_start + state_text.size();
    const std::string expected =
        bare_printed.substr(0, name_start) + name_piece + bare_printed.substr(name_end, state_start - name_end) +
        state_piece + bare_printed.substr(state_end, bare_printed.size() - 1 - state_end) + unknown_members + "}";
    const std::string whole = fuzz::printed(response);
    check(whole == expected, "a printed response holds its pieces of document text and nothing else of the document",
          "printed: " + printable(whole) + "\nexpected: " + printable(expected));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const std::size_t nul = text.find('\0');
    // nlohmann's reader ends the text at a raw NUL byte; parse() rejects one.
    const nlohmann::json document = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    const Outcome outcome = parse(text);

    if (outcome.response) {
        check(nul == std::string_view::npos, "parse() rejects a raw NUL byte", "text: " + printable(text));
        check_round_trip<nlohmann::json>(*outcome.response);
        check_round_trip<nlohmann::ordered_json>(*outcome.response);
        check_member_order(nlohmann::ordered_json(*outcome.response), *outcome.response);
        const std::string_view token = outcome.response->konnect_token.reveal();
        if (token.size() >= fuzz::TokenRuns::run_size) {
            check_printing_hides_token(*outcome.response, fuzz::TokenRuns(token));
        }
    } else {
        const konnect::validation_error& error = *outcome.error;
        fuzz::check_what_lists_the_problems(error);
        if (error.id == konnect::validation_error::malformed_text) {
            check_malformed(text, error);
        } else {
            check(error.id == konnect::validation_error::invalid_document,
                  "parse() throws a 701 or a 702 validation_error", "what(): " + printable(error.what()));
            check(nul == std::string_view::npos, "parse() rejects a raw NUL byte as malformed (702)",
                  "text: " + printable(text));
            if (const std::optional<std::string> token = long_token_of(document)) {
                check_problems_hide_token(error.problems(), fuzz::TokenRuns(*token));
            }
        }
    }
    if (nul == std::string_view::npos) check_dom_path_agrees(text, document, outcome);
    return 0;
}
