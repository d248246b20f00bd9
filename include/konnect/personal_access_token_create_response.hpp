// konnect-models: Kong Konnect's PersonalAccessTokenCreateResponse as a typed, validated C++17 value.
//
// The 201 body of `POST /v3/users/{userId}/access-tokens`, decoded and encoded with nlohmann_json and
// validated exactly as Kong's schema says. One self-contained header: the standard library and
// <nlohmann/json.hpp> only.
//
// Reading order: each value type with everything about it (its JSON form, printing and hash), then the engine
// that reads, checks, writes and prints any type described by a Schema, then the response: its struct and its table.
//   1. Problems                 how messages put values into words, max_nesting_depth, ProblemKind, Problem,
//                               validation_error
//   2. Text for people          quoting, and the Redaction that keeps a secret out of everything a person reads
//   3. JSON strings             StringForm: how a value type reads from and writes to a JSON string
//   4. Secret                   the token: explicit to reach, redacted when printed, wiped when released
//   5. Uuid                     16 bytes, parsed from exactly the 8-4-4-4-12 form
//   6. Timestamp                an RFC 3339 date-time: an instant plus the offset it was written with, and how
//                               it compares with system_clock
//   7. State                    an open enum: three named states and any state Kong adds later
//   8. The engine               Schema<T>, and decoding, validation, encoding, parse(), printing and redaction of
//                               every type it describes
//   9. The response             PersonalAccessTokenCreateResponse and its Schema
//
// SPDX-License-Identifier: MIT

#ifndef KONNECT_PERSONAL_ACCESS_TOKEN_CREATE_RESPONSE_HPP
#define KONNECT_PERSONAL_ACCESS_TOKEN_CREATE_RESPONSE_HPP

#include <algorithm>
#include <array>
#include <chrono>
#include <clocale>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

// The version: CMake's project reads it from here.
#define KONNECT_MODELS_VERSION_MAJOR 0
#define KONNECT_MODELS_VERSION_MINOR 1
#define KONNECT_MODELS_VERSION_PATCH 0

// Everything is declared in an inline namespace named by the version (v0_1_0), which code never writes: two copies
// of different versions in one program (each vendored by another library, say) are then two sets of types and
// functions rather than one-definition-rule violations that no tool reports. fmt.hpp opens it with the same macros.
// (Two macros, so that the version macros are expanded before ## pastes them.)
#define KONNECT_MODELS_VERSIONED_NAME(major, minor, patch) v##major##_##minor##_##patch
#define KONNECT_MODELS_VERSIONED(major, minor, patch) KONNECT_MODELS_VERSIONED_NAME(major, minor, patch)
#define KONNECT_MODELS_NAMESPACE_BEGIN                                                                    \
    namespace konnect {                                                                                   \
    inline namespace KONNECT_MODELS_VERSIONED(KONNECT_MODELS_VERSION_MAJOR, KONNECT_MODELS_VERSION_MINOR, \
                                              KONNECT_MODELS_VERSION_PATCH) {
#define KONNECT_MODELS_NAMESPACE_END \
    }                                \
    }

// Marks the code that only describes problems (messages, redaction) as rarely run: compilers then build it for
// size, which takes them less time in every program that includes this header, and keep it away from the code
// that decodes valid documents. Undefined at the end of the header.
#if defined(__GNUC__)
#define KONNECT_MODELS_COLD [[gnu::cold]]
#else
#define KONNECT_MODELS_COLD
#endif

KONNECT_MODELS_NAMESPACE_BEGIN

// ==== 1. Problems ====================================================================================================

/// The deepest a document may nest, counting the root object as level 1. nlohmann_json copies,
/// compares and dumps values recursively, so the members this library keeps must be bounded
/// before any of that can exhaust the stack.
inline constexpr std::size_t max_nesting_depth = 128;

namespace detail {
// A number in decimal, with at least `width` digits, kept in place for the message it goes into.
class Number {
  public:
    constexpr explicit Number(std::uint64_t value, std::size_t width = 1) noexcept {
        do {
            digits_[--start_] = static_cast<char>('0' + value % 10);
            value /= 10;
        } while ((value != 0 || digits_.size() - start_ < width) && start_ > 0);
    }
    constexpr operator std::string_view() const noexcept {  // NOLINT(google-explicit-constructor): a message part
        return {digits_.data() + start_, digits_.size() - start_};
    }

  private:
    std::array<char, 20> digits_{};
    std::size_t start_ = 20;
};

// `pattern` with each `%` replaced by the next of `values`: how every message puts values into words, in one call
// rather than a chain of std::string temporaries, whose clean-up code every program that decodes would compile.
KONNECT_MODELS_COLD inline std::string fill(std::string_view pattern, std::initializer_list<std::string_view> values) {
    std::string text;
    const auto* value = values.begin();
    for (const char c : pattern) {
        if (c == '%' && value != values.end()) {
            text += *value++;
        } else {
            text += c;
        }
    }
    return text;
}

}  // namespace detail

/// Why a document was rejected.
enum class ProblemKind {
    malformed_json,    ///< the text is not JSON
    too_deep,          ///< nests deeper than max_nesting_depth
    missing,           ///< a required member is absent
    null_not_allowed,  ///< null where the schema does not allow it
    wrong_type,        ///< a JSON type the schema does not allow
    invalid_format,    ///< a string that is not a UUID or not an RFC 3339 date-time
    named_by_schema,   ///< (encoding) additional_properties repeats a member the schema names
};

/// One thing wrong with a document. The message never contains the token's value.
struct Problem {
    std::string pointer;  ///< RFC 6901 JSON Pointer of the member; empty for the whole document
    ProblemKind kind{};
    std::string message;  ///< what was expected and what was found

    friend bool operator==(const Problem& a, const Problem& b) {
        return std::tie(a.pointer, a.kind, a.message) == std::tie(b.pointer, b.kind, b.message);
    }
    friend bool operator!=(const Problem& a, const Problem& b) { return !(a == b); }
};

/// `/expires_at: required member is missing; ...`; the whole document reads as `(document)`.
KONNECT_MODELS_COLD inline std::string to_string(const Problem& problem) {
    return detail::fill("%: %",
                        {problem.pointer.empty() ? std::string_view("(document)") : problem.pointer, problem.message});
}

/// Thrown by decoding, parsing and encoding. It derives from nlohmann::json::exception, so
/// `catch` blocks written around `get<>()` keep working, and it lists every problem found.
///
/// Ids, in the style of nlohmann_json's: 701 the document does not match the schema; 702 the text
/// is not JSON; 703 the value cannot be encoded.
class validation_error : public nlohmann::json::exception {
  public:
    static constexpr int invalid_document = 701;
    static constexpr int malformed_text = 702;
    static constexpr int unencodable_value = 703;

    KONNECT_MODELS_COLD validation_error(int id_, std::vector<Problem> problems)
        : nlohmann::json::exception(id_, summarize(id_, problems).c_str()),
          // Not std::make_shared, whose control block every program that decodes would compile.
          problems_(new std::vector<Problem>(std::move(problems))) {}  // NOLINT(modernize-make-shared)

    /// Every problem: for 701, the schema's members' in schema order, then the unknown members' in the order the
    /// document object keeps its members (by name in a nlohmann::json); for 703, in the order of
    /// additional_properties' members.
    [[nodiscard]] const std::vector<Problem>& problems() const noexcept { return *problems_; }

  private:
    // Long lists are cut in what() so a hostile document cannot flood a log; problems() has them all.
    static constexpr std::size_t problems_in_what = 16;

    KONNECT_MODELS_COLD static std::string summarize(int id_, const std::vector<Problem>& problems) {
        // The id as std::to_string writes an int, from the digits every message is written with.
        const bool negative = id_ < 0;
        const auto magnitude = negative ? 0 - static_cast<std::uint64_t>(id_) : static_cast<std::uint64_t>(id_);
        std::string text =
            detail::fill("[konnect.validation_error.%%] % %: ",
                         {negative ? "-" : "", detail::Number(magnitude), detail::Number(problems.size()),
                          problems.size() == 1 ? "problem" : "problems"});
        for (std::size_t i = 0; i < problems.size() && i < problems_in_what; ++i) {
            if (i != 0) text += "; ";
            text += to_string(problems[i]);
        }
        if (problems.size() > problems_in_what) {
            text += detail::fill("; and % more", {detail::Number(problems.size() - problems_in_what)});
        }
        return text;
    }

    // Shared so that copying the exception cannot throw, as std::exception's copies must not.
    std::shared_ptr<const std::vector<Problem>> problems_;
};

namespace detail {
// A validation_error of one problem: its list filled as decoding fills one (an initializer list would compile a copy).
KONNECT_MODELS_COLD inline validation_error one_problem(int id, Problem problem) {
    std::vector<Problem> problems;
    problems.push_back(std::move(problem));
    return {id, std::move(problems)};
}
}  // namespace detail

inline std::ostream& operator<<(std::ostream& os, ProblemKind kind) {
    // By ProblemKind, in its order.
    constexpr std::array<std::string_view, 7> names{
        "malformed_json", "too_deep", "missing", "null_not_allowed", "wrong_type", "invalid_format", "named_by_schema"};
    const auto index = static_cast<std::size_t>(kind);
    if (index < names.size()) return os << names[index];
    return os << "ProblemKind(" << index << ')';
}

inline std::ostream& operator<<(std::ostream& os, const Problem& problem) { return os << to_string(problem); }

// ==== 2. Text for people: quoting, and keeping a secret out of it ====================================================

namespace detail {
// Appends text escaped as inside a JSON string: quotes, backslashes and control characters escaped,
// so a message or printed form stays on one line; other bytes as they are.
KONNECT_MODELS_COLD inline void append_escaped(std::string& out, std::string_view text) {
    constexpr std::string_view hex_digits = "0123456789abcdef";
    constexpr std::string_view short_escapes = "btn?fr";  // \b \t \n \f \r stand for bytes 8 to 13 but 11
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte >= 8U && byte <= 13U && byte != 11U) {
            out += '\\';
            out += short_escapes[byte - 8U];
        } else if (byte < 0x20U || byte == 0x7FU) {
            out += "\\u00";
            out += hex_digits[byte >> 4U];
            out += hex_digits[byte & 0x0FU];
        } else {
            out += c;
        }
    }
}

// Writes text as a quoted, escaped string for a message or printed form.
KONNECT_MODELS_COLD inline std::string quote(std::string_view text) {
    std::string quoted;
    quoted.reserve(text.size() +
                   2);  // grown no further unless escapes need it: no stretch of text left in a released block
    quoted += '"';
    append_escaped(quoted, text);
    quoted += '"';
    return quoted;
}

// RFC 6901: `~` and `/` in a member name are escaped as `~0` and `~1`.
KONNECT_MODELS_COLD inline std::string json_pointer(std::string_view key) {
    std::string pointer = "/";
    for (const char c : key) {
        if (c == '~') {
            pointer += "~0";
        } else if (c == '/') {
            pointer += "~1";
        } else {
            pointer += c;
        }
    }
    return pointer;
}

// Volatile stores are not removed as dead stores, even just before the memory is freed.
inline void wipe(char* data, std::size_t size) noexcept {
    volatile char* byte = data;
    for (std::size_t i = 0; i < size; ++i) {
        byte[i] = 0;
    }
}

// What printed forms and redacted_json show in place of a secret, and of every run of it.
inline constexpr std::string_view redacted_text = "[redacted]";

// Wipes a string's whole buffer (its bytes past the end too, which may hold what it held before) and leaves it
// empty, in the buffer it had.
inline void wipe_buffer(std::string& text) noexcept {
    text.resize(text.capacity());  // within the capacity: no new buffer, nothing thrown
    wipe(text.data(), text.size());
    text.clear();
}

// Wipes a string when it goes out of scope, however the scope is left.
class WipedOnExit {
  public:
    explicit WipedOnExit(std::string& text) noexcept : text_(text) {}
    WipedOnExit(const WipedOnExit&) = delete;
    WipedOnExit& operator=(const WipedOnExit&) = delete;
    ~WipedOnExit() { wipe_buffer(text_); }

  private:
    std::string& text_;
};

// Decides what text from a document a message or a printed form may show. No stretch of a secret (the value of a
// model's Secret member: the token) may appear, whole or in part, in any member: text is checked, as it is written
// (quoted and escaped), against every run of eight bytes of the secret (the whole secret when it is shorter).
// Every check takes time linear in the text, whatever the input.
class Redaction {
  public:
    // Nothing to hide: a model without a Secret member, or a document without a string for it.
    Redaction() = default;
    explicit Redaction(std::string_view secret) noexcept : secret_(secret) {}
    Redaction(const Redaction&) = default;
    Redaction(Redaction&&) noexcept = default;
    Redaction& operator=(const Redaction&) = delete;
    Redaction& operator=(Redaction&&) = delete;
    // The runs are the secret's bytes, eight at a time.
    ~Redaction() { wipe(reinterpret_cast<char*>(runs_.data()), runs_.size() * sizeof(std::uint64_t)); }
    // For text that cannot be checked against the secret: a root that is not an object, a standalone value.
    static Redaction withholding_everything() noexcept {
        Redaction redaction;
        redaction.withhold_everything_ = true;
        return redaction;
    }

    // A found string quoted, when it is short and shows no run of the secret; nothing otherwise.
    KONNECT_MODELS_COLD std::optional<std::string> quoted(std::string_view text) const {
        constexpr std::size_t quotable_bytes = 64;
        if (text.size() <= quotable_bytes) {
            std::string written = quote(text);
            if (!shows_secret(written)) return written;
            wipe(written.data(), written.size());
        }
        return std::nullopt;
    }

    // A found string as a problem describes it: quoted when it may be.
    KONNECT_MODELS_COLD std::string found_string(std::string_view text) const {
        if (std::optional<std::string> written = quoted(text)) return fill("the string %", {*written});
        return fill("a string of % bytes (not quoted)", {Number(text.size())});
    }

    // Whether a member's name may stand in a pointer: short, on one line, and showing no run of the secret,
    // neither as it is nor as the pointer writes it (`~1` for `/` would hide a run from the pointer alone).
    KONNECT_MODELS_COLD bool may_name(std::string_view key) const {
        constexpr std::size_t nameable_bytes = 64;
        if (key.size() > nameable_bytes) return false;
        for (const char c : key) {
            if (static_cast<unsigned char>(c) < 0x20U || static_cast<unsigned char>(c) == 0x7FU) return false;
        }
        return !shows_secret(key) && !shows_secret(json_pointer(key));
    }

    // Text for a printed form: quoted, with every stretch covered by runs of the secret as [redacted].
    std::string printable(std::string_view text) const {
        if (cannot_check()) {
            return fill("(% bytes, not printed)", {Number(text.size())});
        }
        std::string printed;
        split_at_runs(
            quote(text), [&printed](std::string_view piece) { printed += piece; },
            [&printed] { printed += redacted_text; });
        return printed;
    }

    // Text for redacted_json: as it is, with every stretch covered by runs of the secret as [redacted].
    KONNECT_MODELS_COLD std::string redacted(std::string_view text) const {
        if (cannot_check()) {
            return fill("(% bytes, not shown)", {Number(text.size())});
        }
        std::string kept;
        split_at_runs(
            text, [&kept](std::string_view piece) { kept += piece; }, [&kept] { kept += redacted_text; });
        return kept;
    }

    // The same in place; the text it replaces is wiped first.
    KONNECT_MODELS_COLD void redact(std::string& text) const {
        std::string kept = redacted(text);
        wipe(text.data(), text.size());
        text = std::move(kept);
    }

  private:
    static constexpr std::size_t longest_run = 8;
    static constexpr std::size_t checkable_secret_bytes = 4096;  // far more than a Konnect token has

    std::size_t run_length() const noexcept { return std::min(longest_run, secret_.size()); }

    bool cannot_check() const noexcept { return withhold_everything_ || secret_.size() > checkable_secret_bytes; }

    static std::uint64_t pack(std::string_view text, std::size_t at, std::size_t length) noexcept {
        std::uint64_t packed = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            packed = packed << 8U | static_cast<unsigned char>(text[i]);
        }
        return packed;
    }

    // Orders runs for std::qsort and std::bsearch.
    static int compare_runs(const void* lhs, const void* rhs) noexcept {
        const std::uint64_t first = *static_cast<const std::uint64_t*>(lhs);
        const std::uint64_t second = *static_cast<const std::uint64_t*>(rhs);
        return first < second ? -1 : first > second ? 1 : 0;
    }

    // The runs of the secret as it is and as it is written escaped (written text is what gets shown),
    // sorted, built on first use: decoding a valid document never needs them.
    // Both hold the secret's bytes, so each is sized once (growing would release copies of its beginning)
    // and wiped before its memory goes back.
    // Sorted and searched by the C library's qsort and bsearch: std::sort's and std::binary_search's templates
    // would be compiled into every program that decodes, for code that runs only to describe a problem or print.
    KONNECT_MODELS_COLD bool is_run(std::string_view text, std::size_t at) const {
        if (runs_.empty()) {
            constexpr std::size_t longest_escape = 6;  // \u001f
            std::string escaped;
            escaped.reserve(longest_escape * secret_.size());
            append_escaped(escaped, secret_);
            // Each form has size - run_length() + 1 runs; escaped is at least as long as the secret, which is at
            // least run_length() long.
            runs_ = std::vector<std::uint64_t>(secret_.size() + escaped.size() + 2 - 2 * run_length());
            std::size_t filled = 0;
            for (const std::string_view form : {secret_, std::string_view(escaped)}) {
                for (std::size_t start = 0; start + run_length() <= form.size(); ++start) {
                    runs_[filled++] = pack(form, start, run_length());
                }
            }
            wipe(escaped.data(), escaped.size());
            std::qsort(runs_.data(), runs_.size(), sizeof(std::uint64_t), &compare_runs);
        }
        const std::uint64_t run = pack(text, at, run_length());
        return std::bsearch(&run, runs_.data(), runs_.size(), sizeof(std::uint64_t), &compare_runs) != nullptr;
    }

    KONNECT_MODELS_COLD bool shows_secret(std::string_view written) const {
        bool shown = cannot_check();
        if (!shown) {
            split_at_runs(
                written, [](std::string_view /*piece*/) {}, [&shown] { shown = true; });
        }
        return shown;
    }

    // Calls keep() with each stretch of text outside the secret's runs and blank() for each stretch they
    // cover, in order; overlapping and adjacent runs cover one stretch.
    template <typename Keep, typename Blank>
    void split_at_runs(std::string_view text, Keep keep, Blank blank) const {
        const std::size_t run = run_length();
        std::size_t kept = 0;
        for (std::size_t at = 0; run != 0 && at + run <= text.size();) {
            if (!is_run(text, at)) {
                ++at;
                continue;
            }
            std::size_t end = at + run;
            for (std::size_t next = at + 1; next <= end && next + run <= text.size(); ++next) {
                if (is_run(text, next)) end = next + run;
            }
            keep(text.substr(kept, at - kept));
            blank();
            kept = at = end;
        }
        keep(text.substr(kept));
    }

    std::string_view secret_;
    bool withhold_everything_ = false;
    mutable std::vector<std::uint64_t> runs_;
};
}  // namespace detail

// ==== 3. JSON strings: how a value type reads and writes one =========================================================

namespace detail {
// Why a string is not of a type's form, given whether the string is quoted beside the reason; empty when it is.
using Reason = std::string (*)(std::string_view text, bool quoted);

// How a value type is a JSON string, specialised beside each type (std::string, Secret, Uuid, Timestamp, State):
//   static constexpr std::string_view expected;   what a problem says is expected, "a UUID string (...)"
//   static constexpr Reason reason;               why a string does not read; nullptr where every string reads
//   static std::optional<T> read(std::string_view text);   the value, or none where the text does not read; where
//                                                 every string reads (reason is nullptr), the T itself
//   static <string-like> write(const T& value);   the JSON string it is written as (to_json: the wire form)
//   static constexpr bool from_document;          whether its text is the document's, which may hold the secret;
//   print(std::ostream&, const T&, const Redaction&), then, prints it with what the Redaction hides blanked out.
template <typename T>
struct StringForm;

// What a document holds where a value goes. Decoding a DOM and parse() both say it in these terms.
enum class Found { null, boolean, number, string, array, object, binary, discarded };

template <typename BasicJsonType>
Found found_in(const BasicJsonType& value) noexcept {
    using Type = typename BasicJsonType::value_t;
    switch (value.type()) {
        case Type::null:
            return Found::null;
        case Type::boolean:
            return Found::boolean;
        case Type::number_integer:
        case Type::number_unsigned:
        case Type::number_float:
            return Found::number;
        case Type::string:
            return Found::string;
        case Type::array:
            return Found::array;
        case Type::object:
            return Found::object;
        case Type::binary:
            return Found::binary;
        default:
            return Found::discarded;
    }
}

// The text of a string value; empty for any other value.
template <typename BasicJsonType>
std::string_view text_of(const BasicJsonType& value) noexcept {
    const auto* const text = value.template get_ptr<const typename BasicJsonType::string_t*>();
    return text == nullptr ? std::string_view() : std::string_view(*text);
}

// The members of an object value, and the elements of an array value, as nlohmann_json keeps them (a std::map or
// ordered_map, a std::vector); null for a value of another type. Walked as the containers they are, and reached by
// get_ptr, rather than through basic_json's iterators or get_ref, which would compile their checks and exceptions
// into each program.
template <typename BasicJsonType>
const typename BasicJsonType::object_t* members_of(const BasicJsonType& value) noexcept {
    return value.template get_ptr<const typename BasicJsonType::object_t*>();
}
template <typename BasicJsonType>
const typename BasicJsonType::array_t* elements_of(const BasicJsonType& value) noexcept {
    return value.template get_ptr<const typename BasicJsonType::array_t*>();
}

// What a problem says was found: `text` is the string when `found` is one.
KONNECT_MODELS_COLD inline std::string describe(Found found, std::string_view text, const Redaction& redaction) {
    if (found == Found::string) return redaction.found_string(text);
    // By Found, in its order. Static, as date_time_reason's arrays are.
    static constexpr std::array<std::string_view, 8> described{
        "null",        "a boolean",
        "a number",    "a string",
        "an array",    "an object",
        "binary data", "a discarded value (what nlohmann_json reads from text that is not JSON)"};
    return std::string(described[static_cast<std::size_t>(found)]);
}

template <typename BasicJsonType>
std::string describe(const BasicJsonType& value, const Redaction& redaction) {
    return describe(found_in(value), text_of(value), redaction);
}

KONNECT_MODELS_COLD inline std::string expectation(std::string_view expected, bool nullable) {
    std::string text(expected);
    if (nullable) text += " or null";
    return text;
}

// A value that is not what a member (or a standalone value, whose pointer is "") may hold; for a string, the
// reason it does not read follows.
KONNECT_MODELS_COLD inline Problem unexpected_value(std::string pointer, std::string_view expected, Reason reason,
                                                    bool nullable, Found found, std::string_view text,
                                                    const Redaction& redaction) {
    std::string message =
        fill("expected %, found %", {expectation(expected, nullable), describe(found, text, redaction)});
    if (found != Found::string) {
        const ProblemKind kind = found == Found::null ? ProblemKind::null_not_allowed : ProblemKind::wrong_type;
        return {std::move(pointer), kind, std::move(message)};
    }
    if (reason != nullptr) {
        message += ": ";
        message += reason(text, redaction.quoted(text).has_value());
    }
    return {std::move(pointer), ProblemKind::invalid_format, std::move(message)};
}

// A value on its own that is no T, as Uuid::parse, Timestamp::parse and get<T>() throw: nothing is quoted.
template <typename T>
KONNECT_MODELS_COLD validation_error not_a_standalone(Found found, std::string_view text) {
    return one_problem(validation_error::invalid_document,
                       unexpected_value("", StringForm<T>::expected, StringForm<T>::reason, false, found, text,
                                        Redaction::withholding_everything()));
}

// Whether every string reads as a T: its read() gives the T itself, not a std::optional. (Not `reason == nullptr`,
// which g++ does not take for a constant expression under -fsanitize=undefined.)
template <typename T>
inline constexpr bool every_string_reads = std::is_same_v<decltype(StringForm<T>::read(std::string_view())), T>;

template <typename T>
T read_standalone(std::string_view text) {
    if constexpr (every_string_reads<T>) {
        return StringForm<T>::read(text);
    } else {
        if (std::optional<T> value = StringForm<T>::read(text)) return std::move(*value);
        throw not_a_standalone<T>(Found::string, text);
    }
}

template <typename T, typename BasicJsonType>
T decode_standalone(const BasicJsonType& value) {
    const Found found = found_in(value);
    if (found == Found::string) return read_standalone<T>(text_of(value));
    throw not_a_standalone<T>(found, text_of(value));
}

// The library's own string types, whose to_json and from_json are below (std::string is nlohmann_json's).
template <typename T, typename = void>
inline constexpr bool is_string_value = false;
template <typename T>
inline constexpr bool is_string_value<T, std::void_t<decltype(StringForm<T>::expected)>> =
    !std::is_same_v<T, std::string>;

template <>
struct StringForm<std::string> {
    static constexpr std::string_view expected = "a string";
    static constexpr Reason reason = nullptr;
    static std::string read(std::string_view text) { return std::string(text); }
    static const std::string& write(const std::string& text) noexcept { return text; }
    static constexpr bool from_document = true;
    static void print(std::ostream& os, const std::string& text, const Redaction& redaction) {
        os << redaction.printable(text);
    }
};
}  // namespace detail

/// Secret, Uuid, Timestamp and State are JSON strings. A Secret writes its real value: that is the wire form.
template <typename BasicJsonType, typename T, std::enable_if_t<detail::is_string_value<T>, int> = 0>
void from_json(const BasicJsonType& j, T& value) {
    value = detail::decode_standalone<T>(j);
}
template <typename BasicJsonType, typename T, std::enable_if_t<detail::is_string_value<T>, int> = 0>
void to_json(BasicJsonType& j, const T& value) {
    j = typename BasicJsonType::string_t(detail::StringForm<T>::write(value));
}

// ==== 4. Secret ======================================================================================================

/// A secret string: the token. Its value is reached through reveal(), and written by encoding to JSON
/// (to_json, the wire form; redacted_json writes `[redacted]` instead); it prints as `[redacted]`; its bytes
/// are wiped before their memory is released (on destruction and on assignment; a move hands the same buffer
/// over, leaving no copy behind); `==` takes time that depends on the lengths only.
class Secret {
  public:
    Secret() noexcept = default;
    explicit Secret(std::string_view value) {
        if (value.empty()) return;
        data_ = new char[value.size()];
        size_ = value.size();
        value.copy(data_, size_);
    }

    Secret(const Secret& other) : Secret(other.reveal()) {}
    Secret(Secret&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    /// Copy and move alike: the old value ends in `other`, whose destructor wipes it.
    Secret& operator=(Secret other) noexcept {
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
        return *this;
    }
    ~Secret() {
        if (data_ == nullptr) return;
        detail::wipe(data_, size_);
        delete[] data_;
    }

    /// The secret itself. Everything that reads the value calls this (copying, encoding to JSON, the library's
    /// redaction) but `==`, so that every use is easy to find.
    [[nodiscard]] std::string_view reveal() const noexcept { return {data_, size_}; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

    friend bool operator==(const Secret& a, const Secret& b) noexcept {
        // Every byte of `a` is visited whatever the contents, so timing tells nothing about them.
        unsigned difference = a.size_ == b.size_ ? 0U : 1U;
        for (std::size_t i = 0; i < a.size_; ++i) {
            const auto other = i < b.size_ ? static_cast<unsigned char>(b.data_[i]) : 0U;
            difference |= static_cast<unsigned char>(a.data_[i]) ^ other;
        }
        return difference == 0;
    }
    friend bool operator!=(const Secret& a, const Secret& b) noexcept { return !(a == b); }

  private:
    // Not std::string: its small-string buffer would survive a move unwiped. A pointer this class owns, rather than
    // a std::unique_ptr<char[]>, which every program that includes this header would compile.
    char* data_ = nullptr;
    std::size_t size_ = 0;
};

namespace detail {
// A model's Secret member is what every message and printed form of it hides (Redaction): the engine finds it by
// its type. Only encoding writes it.
template <>
struct StringForm<Secret> {
    static constexpr std::string_view expected = "a string";
    static constexpr Reason reason = nullptr;
    static Secret read(std::string_view text) { return Secret(text); }
    static std::string_view write(const Secret& secret) noexcept { return secret.reveal(); }
    static constexpr bool from_document = false;  // its own text is never shown, so it is never redacted
};
}  // namespace detail

inline std::ostream& operator<<(std::ostream& os, const Secret& /*secret*/) { return os << detail::redacted_text; }

// ==== 5. Uuid ========================================================================================================

namespace detail {
constexpr int hex_digit_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// What is wrong with a text that is not a UUID: the first fault from the left.
enum class UuidFault : std::uint8_t { none, length, dash, hex_digit };

// Reads the 8-4-4-4-12 form into `bytes`; on a fault, `position` is the byte where it lies.
constexpr UuidFault read_uuid(std::string_view text, std::array<std::uint8_t, 16>& bytes,
                              std::size_t& position) noexcept {
    constexpr std::size_t text_size = 36;
    position = 0;
    if (text.size() != text_size) return UuidFault::length;
    for (auto& byte : bytes) {
        if (position == 8 || position == 13 || position == 18 || position == 23) {
            if (text[position] != '-') return UuidFault::dash;
            ++position;
        }
        const int high = hex_digit_value(text[position]);
        if (high < 0) return UuidFault::hex_digit;
        const int low = hex_digit_value(text[++position]);
        if (low < 0) return UuidFault::hex_digit;
        ++position;
        byte = static_cast<std::uint8_t>(high * 16 + low);
    }
    return UuidFault::none;
}

// Why a text is not a UUID (empty when it is one), by position: it never repeats the text.
KONNECT_MODELS_COLD inline std::string uuid_reason(std::string_view text, bool /*quoted*/) {
    // By UuidFault, in its order.
    static constexpr std::array<std::string_view, 4> reasons{"", "a UUID has 36 characters, this has %",
                                                             "character % must be '-'",
                                                             "character % must be a hexadecimal digit"};
    std::array<std::uint8_t, 16> bytes{};
    std::size_t position = 0;
    const UuidFault fault = read_uuid(text, bytes, position);
    return fill(reasons[static_cast<std::size_t>(fault)],
                {Number(fault == UuidFault::length ? text.size() : position + 1)});
}
}  // namespace detail

/// A UUID as its 16 bytes. Any version and variant, the nil UUID included: the schema's `uuid`
/// format checks only the form.
class Uuid {
  public:
    using bytes_type = std::array<std::uint8_t, 16>;

    /// The nil UUID.
    constexpr Uuid() noexcept = default;
    constexpr explicit Uuid(const bytes_type& bytes) noexcept : bytes_(bytes) {}

    /// Exactly `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in ASCII hex digits of either case; nothing
    /// else (no braces, `urn:uuid:`, whitespace, or dashes elsewhere).
    [[nodiscard]] static constexpr std::optional<Uuid> from_string(std::string_view text) noexcept {
        bytes_type bytes{};
        std::size_t position = 0;
        if (detail::read_uuid(text, bytes, position) != detail::UuidFault::none) return std::nullopt;
        return Uuid(bytes);
    }

    /// The same form as from_string, or validation_error 701 with one invalid_format problem whose message says
    /// what is wrong by position ("a UUID has 36 characters, this has 35", "character 9 must be '-'"), as
    /// `nlohmann::json(text).get<Uuid>()` does. The message never quotes the text.
    [[nodiscard]] static Uuid parse(std::string_view text);

    [[nodiscard]] constexpr const bytes_type& bytes() const noexcept { return bytes_; }

    [[nodiscard]] constexpr bool is_nil() const noexcept { return *this == Uuid(); }

    /// Lower case, 8-4-4-4-12.
    [[nodiscard]] std::string to_string() const {
        constexpr std::string_view digits = "0123456789abcdef";
        std::string text(36, '-');
        std::size_t at = 0;
        for (std::size_t i = 0; i < bytes_.size(); ++i) {
            if (i == 4 || i == 6 || i == 8 || i == 10) ++at;  // past a dash
            text[at++] = digits[bytes_[i] >> 4U];
            text[at++] = digits[bytes_[i] & 0x0FU];
        }
        return text;
    }

    friend constexpr bool operator==(const Uuid& a, const Uuid& b) noexcept { return compare(a, b) == 0; }
    friend constexpr bool operator!=(const Uuid& a, const Uuid& b) noexcept { return compare(a, b) != 0; }
    /// Byte order, which is also the order of the lower-case text.
    friend constexpr bool operator<(const Uuid& a, const Uuid& b) noexcept { return compare(a, b) < 0; }
    friend constexpr bool operator>(const Uuid& a, const Uuid& b) noexcept { return compare(a, b) > 0; }
    friend constexpr bool operator<=(const Uuid& a, const Uuid& b) noexcept { return compare(a, b) <= 0; }
    friend constexpr bool operator>=(const Uuid& a, const Uuid& b) noexcept { return compare(a, b) >= 0; }

  private:
    // std::array's comparisons are constexpr only from C++20.
    static constexpr int compare(const Uuid& a, const Uuid& b) noexcept {
        for (std::size_t i = 0; i < a.bytes_.size(); ++i) {
            if (a.bytes_[i] != b.bytes_[i]) return a.bytes_[i] < b.bytes_[i] ? -1 : 1;
        }
        return 0;
    }

    bytes_type bytes_{};
};

namespace detail {
template <>
struct StringForm<Uuid> {
    static constexpr std::string_view expected = "a UUID string (8-4-4-4-12 hexadecimal digits)";
    static constexpr Reason reason = &uuid_reason;
    static std::optional<Uuid> read(std::string_view text) noexcept { return Uuid::from_string(text); }
    static std::string write(const Uuid& uuid) { return uuid.to_string(); }
    static constexpr bool from_document = false;
};

// FNV-1a, a value at a time, folded to std::size_t (its high bits count on a 32-bit size_t too): the hash of Uuid,
// a byte at a time, and of Timestamp, a field at a time.
class Fnv1a {
  public:
    void add(std::uint64_t value) noexcept { mixed_ = (mixed_ ^ value) * 1099511628211ULL; }
    [[nodiscard]] std::size_t result() const noexcept { return static_cast<std::size_t>(mixed_ ^ (mixed_ >> 32U)); }

  private:
    std::uint64_t mixed_ = 14695981039346656037ULL;
};
}  // namespace detail

inline Uuid Uuid::parse(std::string_view text) { return detail::read_standalone<Uuid>(text); }

inline std::ostream& operator<<(std::ostream& os, const Uuid& uuid) { return os << uuid.to_string(); }

KONNECT_MODELS_NAMESPACE_END

namespace std {
template <>
struct hash<konnect::Uuid> {
    std::size_t operator()(const konnect::Uuid& uuid) const noexcept {
        // Every byte counts, and the bytes are already well mixed for random UUIDs.
        konnect::detail::Fnv1a fnv;
        for (const std::uint8_t byte : uuid.bytes()) {
            fnv.add(byte);
        }
        return fnv.result();
    }
};
}  // namespace std

KONNECT_MODELS_NAMESPACE_BEGIN

// ==== 6. Timestamp ===================================================================================================

namespace detail {
// Proleptic Gregorian calendar arithmetic on days since 1970-01-01, after Howard Hinnant's
// "chrono-Compatible Low-Level Date Algorithms": exact for every year, no tm, no locale.
constexpr bool is_leap_year(std::int64_t year) noexcept {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr int last_day_of_month(std::int64_t year, int month) noexcept {
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

constexpr std::int64_t days_from_civil(std::int64_t year, int month, int day) noexcept {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const std::int64_t year_of_era = year - era * 400;
    const std::int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

struct CivilDate {
    std::int64_t year;
    int month;
    int day;
};

constexpr CivilDate civil_from_days(std::int64_t days) noexcept {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
    const auto day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
    const auto month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
    return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);
}

constexpr std::int64_t seconds_per_minute = 60;
constexpr std::int64_t seconds_per_hour = 3600;
constexpr std::int64_t seconds_per_day = 86400;
// RFC 3339 writes four-digit years: the local times a Timestamp can hold.
constexpr std::int64_t first_local_second = days_from_civil(0, 1, 1) * seconds_per_day;
constexpr std::int64_t last_local_second = days_from_civil(10000, 1, 1) * seconds_per_day - 1;

constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// What is wrong with a text that is not a date-time: the first fault, in the order of the checks.
enum class DateTimeFault : std::uint8_t {
    none,
    layout,          // a character of YYYY-MM-DDTHH:MM:SS is not what goes there
    too_short,       // the text ends within YYYY-MM-DDTHH:MM:SS
    fraction,        // a dot without digits
    offset_missing,  // the text ends after the seconds
    not_offset,      // neither Z nor a sign where the offset starts
    offset_form,     // a sign not followed by HH:MM
    offset_hours,    // offset hours past 23
    offset_minutes,  // offset minutes past 59
    after_offset,    // more text after the offset
    month,
    day,
    hour,
    minute,
    second,
    leap_second,  // second 60 at a time that is not 23:59 in UTC
};

// A date-time's fields as written (not read where the layout is at fault: layout, too_short), and `position`: at the
// character at fault (layout), the end of the text (too_short), past the '.' (fraction), or where the offset starts.
struct DateTimeFields {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::uint32_t nanoseconds = 0;
    int offset_minutes = 0;  // east of UTC
    std::size_t position = 0;
};

// The form before the fraction, as read_layout reads it.
inline constexpr std::string_view date_time_layout = "0000-00-00T00:00:00";

// Reads text from `position` as `layout` writes it (`0` stands for an ASCII digit, `T` for T or t, any other character
// for itself) and moves `position` past what it read. The digits go into `numbers` as numbers, each character of the
// layout other than `0` moving on to the next: `numbers` has a slot for each such character, and one more. False
// where the text ends first (`position` is then its end) or at the first character that does not fit (`position` is
// then at that character), with `numbers` holding what was read up to there.
template <std::size_t count>
constexpr bool read_layout(std::string_view text, std::size_t& position, std::string_view layout,
                           std::array<int, count>& numbers) noexcept {
    numbers = {};
    std::size_t slot = 0;
    for (const char expected : layout) {
        if (position == text.size()) return false;
        const char found = text[position];
        if (expected == '0') {
            if (!is_ascii_digit(found)) return false;
            numbers[slot] = numbers[slot] * 10 + (found - '0');
        } else {
            if (found != expected && !(expected == 'T' && found == 't')) return false;
            ++slot;
        }
        ++position;
    }
    return true;
}

// Reads the `.fraction` that may follow the seconds at `position` and moves `position` past it:
// nanoseconds kept, digits beyond them truncated. False for a dot without digits.
constexpr bool read_fraction(std::string_view text, std::size_t& position, std::uint32_t& nanoseconds) noexcept {
    nanoseconds = 0;
    if (position == text.size() || text[position] != '.') return true;
    const std::size_t first_digit = ++position;
    for (std::uint32_t scale = 100'000'000; position < text.size() && is_ascii_digit(text[position]);
         ++position, scale /= 10) {
        nanoseconds += static_cast<std::uint32_t>(text[position] - '0') * scale;
    }
    return position != first_digit;
}

// Reads the `Z` or `+HH:MM` / `-HH:MM` that must end the text at `position`, as minutes east of UTC.
constexpr DateTimeFault read_offset(std::string_view text, std::size_t position, int& offset_minutes) noexcept {
    offset_minutes = 0;
    if (position == text.size()) return DateTimeFault::offset_missing;
    const char start = text[position++];
    if (start == 'Z' || start == 'z') {
        return position == text.size() ? DateTimeFault::none : DateTimeFault::after_offset;
    }
    if (start != '+' && start != '-') return DateTimeFault::not_offset;
    std::array<int, 2> hours_and_minutes{};
    if (!read_layout(text, position, "00:00", hours_and_minutes)) return DateTimeFault::offset_form;
    const auto [hours, minutes] = hours_and_minutes;
    if (hours > 23) return DateTimeFault::offset_hours;
    if (minutes > 59) return DateTimeFault::offset_minutes;
    if (position != text.size()) return DateTimeFault::after_offset;
    offset_minutes = (start == '-' ? -1 : 1) * (hours * 60 + minutes);
    return DateTimeFault::none;
}

// The minute of the day in UTC of a local hour and minute written at an offset.
constexpr int utc_minute_of_day(int hour, int minute, int offset_minutes) noexcept {
    constexpr int minutes_per_day = 24 * 60;
    return ((hour * 60 + minute - offset_minutes) % minutes_per_day + minutes_per_day) % minutes_per_day;
}

// Reads RFC 3339's date-time into `fields`, or finds the first fault.
constexpr DateTimeFault read_date_time(std::string_view text, DateTimeFields& fields) noexcept {
    fields.position = 0;
    std::array<int, 6> numbers{};
    if (!read_layout(text, fields.position, date_time_layout, numbers)) {
        return fields.position == text.size() ? DateTimeFault::too_short : DateTimeFault::layout;
    }
    fields.year = numbers[0];
    fields.month = numbers[1];
    fields.day = numbers[2];
    fields.hour = numbers[3];
    fields.minute = numbers[4];
    fields.second = numbers[5];

    if (!read_fraction(text, fields.position, fields.nanoseconds)) return DateTimeFault::fraction;
    const DateTimeFault offset = read_offset(text, fields.position, fields.offset_minutes);
    if (offset != DateTimeFault::none) return offset;

    if (fields.month < 1 || fields.month > 12) return DateTimeFault::month;
    if (fields.day < 1 || fields.day > last_day_of_month(fields.year, fields.month)) return DateTimeFault::day;
    if (fields.hour > 23) return DateTimeFault::hour;
    if (fields.minute > 59) return DateTimeFault::minute;
    if (fields.second > 60) return DateTimeFault::second;
    if (fields.second == 60 && utc_minute_of_day(fields.hour, fields.minute, fields.offset_minutes) != 23 * 60 + 59) {
        return DateTimeFault::leap_second;
    }
    return DateTimeFault::none;
}

// Writes the decimal digits of `value` (0 or more) over the '0's of text[first, end), from the right: the digits of
// 20230101 over "0000-00-00" give "2023-01-01".
inline void write_digits(std::string& text, std::size_t first, std::size_t end, std::int64_t value) noexcept {
    for (std::size_t i = end; i-- > first;) {
        if (text[i] != '0') continue;
        text[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

// Why a text is not a date-time (empty when it is one), by the part or position at fault. Only where the text is
// quoted beside it does the reason name values from it ("February 2023 has no day 30"); otherwise it says which
// part is wrong and why ("the day must be 01 to the last day of its month").
KONNECT_MODELS_COLD inline std::string date_time_reason(std::string_view text, bool quoted) {
    // By DateTimeFault, in its order, as a reason says it beside text it does not quote.
    // Static: a local array of string_views is built anew on each call, and costs every includer time to compile.
    static constexpr std::array<std::string_view, 16> reasons{
        "",
        "character % must be % (YYYY-MM-DDTHH:MM:SS)",
        "a date-time has at least 20 characters (YYYY-MM-DDTHH:MM:SSZ), this has %",
        "a '.' after the seconds must be followed by digits",
        "the offset is missing: a date-time ends in Z or +HH:MM or -HH:MM",
        "after the seconds (and a fraction) must come Z or an offset +HH:MM or -HH:MM",
        "an offset must be +HH:MM or -HH:MM",
        "an offset's hours must be 00 to 23",
        "an offset's minutes must be 00 to 59",
        "nothing may follow the offset",
        "the month must be 01 to 12",
        "the day must be 01 to the last day of its month",
        "the hour must be 00 to 23",
        "the minute must be 00 to 59",
        "the second must be 00 to 59, or 60 in a leap second",
        "second 60, a leap second, comes only at 23:59:60 UTC"};
    // From DateTimeFault::month on, as a reason says it beside text it quotes, naming the values at fault.
    static constexpr std::array<std::string_view, 6> quoted_reasons{
        "there is no month %",  "% % has no day %",
        "there is no hour %",   "there is no minute %",
        "there is no second %", "second 60, a leap second, comes only at 23:59:60 UTC, and this is %:%:60 UTC"};
    static constexpr std::array<std::string_view, 12> months{"January",   "February", "March",    "April",
                                                             "May",       "June",     "July",     "August",
                                                             "September", "October",  "November", "December"};
    static constexpr std::array<std::string_view, 6> digit_of{"a digit of the year",   "a digit of the month",
                                                              "a digit of the day",    "a digit of the hour",
                                                              "a digit of the minute", "a digit of the second"};

    DateTimeFields fields;
    const DateTimeFault fault = read_date_time(text, fields);
    const auto index = static_cast<std::size_t>(fault);
    // A quoted reason names the digits the text shows, at their places in YYYY-MM-DDTHH:MM:SS.
    const auto digits = [text](std::size_t at, std::size_t count) { return std::string_view(text.data() + at, count); };
    std::array<std::string_view, 3> values{};
    Number number(0);
    Number other_number(0);
    switch (fault) {
        case DateTimeFault::layout: {
            const std::size_t at = fields.position;
            const char expected = date_time_layout[at];
            number = Number(at + 1);
            values = {number, expected == '0'   ? digit_of[at < 4 ? 0 : (at - 2) / 3]
                              : expected == 'T' ? "'T' or 't'"
                              : expected == '-' ? "'-'"
                                                : "':'"};
            break;
        }
        case DateTimeFault::too_short:
            number = Number(text.size());
            values[0] = number;
            break;
        case DateTimeFault::month:
            values[0] = digits(5, 2);
            break;
        case DateTimeFault::day:
            values = {months[static_cast<std::size_t>(fields.month - 1)], digits(0, 4), digits(8, 2)};
            break;
        case DateTimeFault::hour:
            values[0] = digits(11, 2);
            break;
        case DateTimeFault::minute:
            values[0] = digits(14, 2);
            break;
        case DateTimeFault::second:
            values[0] = digits(17, 2);
            break;
        case DateTimeFault::leap_second: {
            const auto utc =
                static_cast<std::uint64_t>(utc_minute_of_day(fields.hour, fields.minute, fields.offset_minutes));
            number = Number(utc / 60, 2);
            other_number = Number(utc % 60, 2);
            values = {number, other_number};
            break;
        }
        default:
            break;
    }
    constexpr auto first_quoted = static_cast<std::size_t>(DateTimeFault::month);
    return fill(quoted && index >= first_quoted ? quoted_reasons[index - first_quoted] : reasons[index],
                {values[0], values[1], values[2]});
}
}  // namespace detail

/// An RFC 3339 `date-time`: the instant, and the offset from UTC it was written with.
///
/// `==` compares everything a Timestamp holds (instant, leap second, offset), so equal values write
/// the same text. `<` orders by instant first (a leap second after 23:59:59 and before midnight),
/// then by offset, so two writings of one instant are ordered but not equal. To compare instants
/// alone, compare unix_seconds(), then is_leap_second(), then nanoseconds().
///
/// `<`, `<=`, `>` and `>=` also compare a Timestamp with a std::chrono::system_clock time point of any duration,
/// by instant, for every Timestamp and every time point, without throwing: `*expires_at < system_clock::now()`.
class Timestamp {
  public:
    /// 1970-01-01T00:00:00.000Z
    constexpr Timestamp() noexcept = default;

    /// RFC 3339 §5.6 `date-time`, exactly: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with ASCII
    /// digits, `T` and `Z` in either case, real calendar dates in years 0000-9999, any number of
    /// fraction digits (nanoseconds kept, the rest truncated), and second 60 only where the time is
    /// 23:59:60 in UTC.
    [[nodiscard]] static constexpr std::optional<Timestamp> from_string(std::string_view text) noexcept {
        detail::DateTimeFields fields;
        if (detail::read_date_time(text, fields) != detail::DateTimeFault::none) return std::nullopt;
        const bool leap_second = fields.second == 60;
        const std::int64_t local_seconds =
            detail::days_from_civil(fields.year, fields.month, fields.day) * detail::seconds_per_day +
            fields.hour * detail::seconds_per_hour + fields.minute * detail::seconds_per_minute +
            (leap_second ? 59 : fields.second);
        return Timestamp(local_seconds - fields.offset_minutes * detail::seconds_per_minute, fields.nanoseconds,
                         fields.offset_minutes, leap_second);
    }

    /// The same form as from_string, or validation_error 701 with one invalid_format problem whose message says
    /// what is wrong by the part or position at fault ("character 11 must be 'T' or 't'", "an offset must be +HH:MM
    /// or -HH:MM"), as `nlohmann::json(text).get<Timestamp>()` does. The message never quotes the text.
    [[nodiscard]] static Timestamp parse(std::string_view text);

    /// The instant written at `offset` from UTC. Throws std::out_of_range where the offset is not
    /// within ±23:59 or the local time falls outside years 0000-9999.
    [[nodiscard]] static Timestamp from_time_point(std::chrono::system_clock::time_point instant,
                                                   std::chrono::minutes offset = std::chrono::minutes::zero()) {
        constexpr std::chrono::minutes largest_offset{23 * 60 + 59};
        if (offset < -largest_offset || offset > largest_offset) {
            throw std::out_of_range("konnect::Timestamp: an RFC 3339 offset lies within -23:59 and +23:59");
        }
        // Truncate, then borrow a second for a negative fraction: flooring directly would overflow
        // the clock's own type at time_point::min().
        const auto since_epoch = instant.time_since_epoch();
        auto whole = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
        auto fraction = std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch - whole);
        if (fraction < std::chrono::nanoseconds::zero()) {
            whole -= std::chrono::seconds(1);
            fraction += std::chrono::seconds(1);
        }
        const auto offset_minutes = static_cast<int>(offset.count());
        const auto local_seconds =
            static_cast<std::int64_t>(whole.count()) + offset_minutes * detail::seconds_per_minute;
        if (local_seconds < detail::first_local_second || local_seconds > detail::last_local_second) {
            throw std::out_of_range("konnect::Timestamp: the instant falls outside years 0000-9999 at that offset");
        }
        return {static_cast<std::int64_t>(whole.count()), static_cast<std::uint32_t>(fraction.count()), offset_minutes,
                false};
    }

    /// The instant on system_clock, truncated to its tick. A leap second maps to the last tick before
    /// the following midnight, as C++20's utc_clock::to_sys does. Throws std::out_of_range where the
    /// instant lies outside the clock's range (with 64-bit nanosecond ticks, 1677-09-21 to 2262-04-11).
    [[nodiscard]] std::chrono::system_clock::time_point to_time_point() const {
        using Ticks = std::chrono::system_clock::duration;
        constexpr std::chrono::nanoseconds last_nanosecond{999'999'999};
        // Give both parts the sign of the instant, so that range checks never overflow.
        std::int64_t whole = unix_seconds_;
        std::chrono::nanoseconds fraction = leap_second_ ? last_nanosecond : std::chrono::nanoseconds(nanoseconds_);
        if (whole < 0 && fraction.count() > 0) {
            whole += 1;
            fraction -= std::chrono::seconds(1);
        }
        const bool whole_fits = whole >= std::chrono::duration_cast<std::chrono::seconds>(Ticks::min()).count() &&
                                whole <= std::chrono::duration_cast<std::chrono::seconds>(Ticks::max()).count();
        if (whole_fits) {
            const Ticks whole_ticks = std::chrono::seconds(whole);
            const Ticks fraction_ticks = std::chrono::floor<Ticks>(fraction);
            if (fraction_ticks >= Ticks::zero() ? whole_ticks <= Ticks::max() - fraction_ticks
                                                : whole_ticks >= Ticks::min() - fraction_ticks) {
                return std::chrono::system_clock::time_point(whole_ticks + fraction_ticks);
            }
        }
        throw std::out_of_range(
            detail::fill("konnect::Timestamp: % lies outside std::chrono::system_clock's range", {to_string()}));
    }

    /// Seconds since 1970-01-01T00:00:00Z, without leap seconds (a leap second counts as 23:59:59).
    [[nodiscard]] constexpr std::int64_t unix_seconds() const noexcept { return unix_seconds_; }
    /// The fraction of the second, 0 to 999'999'999.
    [[nodiscard]] constexpr std::uint32_t nanoseconds() const noexcept { return nanoseconds_; }
    /// The offset from UTC the time was written with (-00:00 reads as zero).
    [[nodiscard]] constexpr std::chrono::minutes offset() const noexcept {
        return std::chrono::minutes(offset_minutes_);
    }
    [[nodiscard]] constexpr bool is_leap_second() const noexcept { return leap_second_; }

    /// `YYYY-MM-DDTHH:MM:SS.fff` at the offset it was written with (`Z` when zero), with 3, 6 or 9
    /// fraction digits, the fewest that are exact: Kong's `2023-01-01T00:00:00.000Z` comes back unchanged.
    [[nodiscard]] std::string to_string() const {
        const std::int64_t local_seconds = unix_seconds_ + offset_minutes_ * detail::seconds_per_minute;
        const std::int64_t days = detail::floor_div(local_seconds, detail::seconds_per_day);
        const std::int64_t second_of_day = local_seconds - days * detail::seconds_per_day;
        const detail::CivilDate date = detail::civil_from_days(days);
        const std::int64_t hour = second_of_day / detail::seconds_per_hour;
        const std::int64_t minute = second_of_day / detail::seconds_per_minute % 60;
        const std::int64_t second = second_of_day % detail::seconds_per_minute + (leap_second_ ? 1 : 0);
        // The longest form, its digits overwritten, then cut where the fraction and the offset end.
        std::string text = "0000-00-00T00:00:00.000000000+00:00";
        constexpr std::size_t fraction_start = 20;
        detail::write_digits(
            text, 0, fraction_start,
            ((((date.year * 100 + date.month) * 100 + date.day) * 100 + hour) * 100 + minute) * 100 + second);
        const std::size_t fraction_digits = nanoseconds_ % 1'000'000 == 0 ? 3 : nanoseconds_ % 1'000 == 0 ? 6 : 9;
        const std::uint32_t unit = fraction_digits == 3 ? 1'000'000 : fraction_digits == 6 ? 1'000 : 1;
        const std::size_t offset_start = fraction_start + fraction_digits;
        detail::write_digits(text, fraction_start, offset_start, nanoseconds_ / unit);
        if (offset_minutes_ == 0) {
            text[offset_start] = 'Z';
            text.resize(offset_start + 1);
        } else {
            const int magnitude = offset_minutes_ < 0 ? -offset_minutes_ : offset_minutes_;
            text[offset_start] = offset_minutes_ < 0 ? '-' : '+';
            text.replace(offset_start + 1, 5, "00:00");
            detail::write_digits(text, offset_start + 1, offset_start + 6, magnitude / 60 * 100 + magnitude % 60);
            text.resize(offset_start + 6);
        }
        return text;
    }

    friend constexpr bool operator==(const Timestamp& a, const Timestamp& b) noexcept { return a.key() == b.key(); }
    friend constexpr bool operator!=(const Timestamp& a, const Timestamp& b) noexcept { return a.key() != b.key(); }
    friend constexpr bool operator<(const Timestamp& a, const Timestamp& b) noexcept { return a.key() < b.key(); }
    friend constexpr bool operator>(const Timestamp& a, const Timestamp& b) noexcept { return b.key() < a.key(); }
    friend constexpr bool operator<=(const Timestamp& a, const Timestamp& b) noexcept { return !(b.key() < a.key()); }
    friend constexpr bool operator>=(const Timestamp& a, const Timestamp& b) noexcept { return !(a.key() < b.key()); }

  private:
    constexpr Timestamp(std::int64_t unix_seconds, std::uint32_t nanoseconds, int offset_minutes,
                        bool leap_second) noexcept
        : unix_seconds_(unix_seconds),
          nanoseconds_(nanoseconds),
          offset_minutes_(static_cast<std::int16_t>(offset_minutes)),
          leap_second_(leap_second) {}

    // A leap second shares 23:59:59's unix second and sorts after all of its fractions.
    [[nodiscard]] constexpr std::tuple<std::int64_t, bool, std::uint32_t, std::int16_t> key() const noexcept {
        return {unix_seconds_, leap_second_, nanoseconds_, offset_minutes_};
    }

    std::int64_t unix_seconds_ = 0;
    std::uint32_t nanoseconds_ = 0;
    std::int16_t offset_minutes_ = 0;
    bool leap_second_ = false;
};

namespace detail {
// A moment on system_clock as a Timestamp compares with it: whole seconds since the epoch (floored), the
// nanoseconds into that second (floored), and whether a part of a nanosecond is left over.
struct ClockInstant {
    std::int64_t seconds = 0;
    std::uint32_t nanoseconds = 0;
    bool finer = false;
};

// Further from the epoch than any Timestamp (about 34 800 years against 10 000) and far from overflowing: a
// moment beyond it either way is moved to it, which compares the same with every Timestamp.
inline constexpr std::int64_t beyond_any_timestamp = std::int64_t{1} << 40;

// A tick's length: numerator / denominator seconds, a std::ratio's.
struct TickPeriod {
    std::int64_t numerator;
    std::int64_t denominator;
};

// `count` ticks of `period` (with numerator * denominator within std::intmax_t and the denominator at most 10^18,
// which every std::ratio of <chrono> meets). Exact: no product overflows.
constexpr ClockInstant clock_instant_of_ticks(std::int64_t count, TickPeriod period) noexcept {
    const std::int64_t numerator = period.numerator;
    const std::int64_t denominator = period.denominator;
    // count = periods * denominator + rest, with 0 <= rest < denominator: periods * numerator whole seconds, and
    // rest * numerator / denominator seconds more.
    std::int64_t periods = count / denominator;
    std::int64_t rest = count % denominator;
    if (rest < 0) {
        --periods;
        rest += denominator;
    }
    if (periods > beyond_any_timestamp / numerator) return {beyond_any_timestamp, 0, false};
    if (periods < -(beyond_any_timestamp / numerator)) return {-beyond_any_timestamp, 0, false};
    const std::int64_t scaled = rest * numerator;
    ClockInstant instant{periods * numerator + scaled / denominator, 0, false};
    // The nanoseconds in (scaled % denominator) / denominator of a second, one decimal digit at a time.
    auto remainder = static_cast<std::uint64_t>(scaled % denominator);
    for (int digit = 0; digit < 9; ++digit) {
        remainder *= 10;
        instant.nanoseconds =
            instant.nanoseconds * 10 + static_cast<std::uint32_t>(remainder / static_cast<std::uint64_t>(denominator));
        remainder %= static_cast<std::uint64_t>(denominator);
    }
    instant.finer = remainder != 0;
    return instant;
}

// A floating-point count of seconds, as exactly as a long double holds it. NaN counts as before every Timestamp.
constexpr ClockInstant clock_instant_of_seconds(long double seconds) noexcept {
    constexpr auto beyond = static_cast<long double>(beyond_any_timestamp);
    if (!(seconds > -beyond)) return {-beyond_any_timestamp, 0, false};
    if (!(seconds < beyond)) return {beyond_any_timestamp, 0, false};
    auto whole = static_cast<std::int64_t>(seconds);  // toward zero, then down
    if (static_cast<long double>(whole) > seconds) --whole;
    const long double nanoseconds = (seconds - static_cast<long double>(whole)) * 1e9L;
    constexpr std::uint32_t last_nanosecond = 999'999'999;
    const auto floored = std::min(static_cast<std::uint32_t>(nanoseconds), last_nanosecond);
    return {whole, floored, static_cast<long double>(floored) != nanoseconds};
}

template <typename Rep, typename Period>
constexpr ClockInstant clock_instant(std::chrono::duration<Rep, Period> since_epoch) noexcept {
    constexpr std::intmax_t largest_denominator = 1'000'000'000'000'000'000;
    static_assert(
        Period::den <= largest_denominator && Period::num <= std::numeric_limits<std::intmax_t>::max() / Period::den,
        "konnect::Timestamp compares with durations whose period's numerator times denominator fits "
        "std::intmax_t and whose denominator is at most 10^18");
    static_assert(std::is_integral_v<Rep> || std::is_floating_point_v<Rep>,
                  "konnect::Timestamp compares with durations of integral or floating-point ticks");
    const Rep count = since_epoch.count();
    if constexpr (std::is_floating_point_v<Rep>) {
        return clock_instant_of_seconds(static_cast<long double>(count) * static_cast<long double>(Period::num) /
                                        static_cast<long double>(Period::den));
    } else {
        constexpr std::int64_t largest = std::numeric_limits<std::int64_t>::max();
        if constexpr (!std::is_signed_v<Rep>) {
            if (static_cast<std::uintmax_t>(count) > static_cast<std::uintmax_t>(largest)) {
                return {beyond_any_timestamp, 0, false};
            }
        } else if constexpr (sizeof(Rep) > sizeof(std::int64_t)) {
            if (count > static_cast<Rep>(largest)) return {beyond_any_timestamp, 0, false};
            if (count < static_cast<Rep>(-largest)) return {-beyond_any_timestamp, 0, false};
        }
        return clock_instant_of_ticks(static_cast<std::int64_t>(count), {Period::num, Period::den});
    }
}

// Below zero, zero or above zero as the timestamp's instant comes before, at or after `instant`. A leap second
// lies after every moment of 23:59:59 (system_clock has none within it) and before the midnight that follows.
constexpr int compare_instants(const Timestamp& timestamp, const ClockInstant& instant) noexcept {
    if (timestamp.unix_seconds() != instant.seconds) return timestamp.unix_seconds() < instant.seconds ? -1 : 1;
    if (timestamp.is_leap_second()) return 1;
    if (timestamp.nanoseconds() != instant.nanoseconds) return timestamp.nanoseconds() < instant.nanoseconds ? -1 : 1;
    return instant.finer ? -1 : 0;
}
}  // namespace detail

/// A Timestamp against a system_clock time point, by instant; see Timestamp. There is no `==` or `!=` with a time
/// point: a Timestamp's `==` also compares the offset, which a time point does not have. Two moments are the same
/// instant when neither is less than the other.
namespace detail {
template <typename Duration>
using SystemTime = std::chrono::time_point<std::chrono::system_clock, Duration>;
}  // namespace detail

template <typename Duration>
constexpr bool operator<(const Timestamp& a, const detail::SystemTime<Duration>& b) noexcept {
    return detail::compare_instants(a, detail::clock_instant(b.time_since_epoch())) < 0;
}
template <typename Duration>
constexpr bool operator<=(const Timestamp& a, const detail::SystemTime<Duration>& b) noexcept {
    return detail::compare_instants(a, detail::clock_instant(b.time_since_epoch())) <= 0;
}
template <typename Duration>
constexpr bool operator>(const Timestamp& a, const detail::SystemTime<Duration>& b) noexcept {
    return detail::compare_instants(a, detail::clock_instant(b.time_since_epoch())) > 0;
}
template <typename Duration>
constexpr bool operator>=(const Timestamp& a, const detail::SystemTime<Duration>& b) noexcept {
    return detail::compare_instants(a, detail::clock_instant(b.time_since_epoch())) >= 0;
}
template <typename Duration>
constexpr bool operator<(const detail::SystemTime<Duration>& a, const Timestamp& b) noexcept {
    return b > a;
}
template <typename Duration>
constexpr bool operator<=(const detail::SystemTime<Duration>& a, const Timestamp& b) noexcept {
    return b >= a;
}
template <typename Duration>
constexpr bool operator>(const detail::SystemTime<Duration>& a, const Timestamp& b) noexcept {
    return b < a;
}
template <typename Duration>
constexpr bool operator>=(const detail::SystemTime<Duration>& a, const Timestamp& b) noexcept {
    return b <= a;
}

namespace detail {
// The nanoseconds from `instant` to the timestamp, saturated; a leap second counts as the midnight that ends it.
// What remains of a nanosecond of `instant` is left out, rounding toward the later moment: the duration stays above
// zero exactly while the timestamp is after `instant`.
inline std::chrono::nanoseconds nanoseconds_until(const Timestamp& timestamp, const ClockInstant& instant) noexcept {
    using std::chrono::nanoseconds;
    constexpr std::int64_t per_second = 1'000'000'000;
    constexpr std::int64_t largest = std::numeric_limits<nanoseconds::rep>::max();
    // Both lie within beyond_any_timestamp of the epoch, so neither difference overflows.
    std::int64_t seconds = timestamp.unix_seconds() + (timestamp.is_leap_second() ? 1 : 0) - instant.seconds;
    std::int64_t fraction =
        (timestamp.is_leap_second() ? 0 : std::int64_t{timestamp.nanoseconds()}) - std::int64_t{instant.nanoseconds};
    // Give both the same sign, so that the checks below cannot overflow either.
    if (seconds < 0 && fraction > 0) {
        ++seconds;
        fraction -= per_second;
    } else if (seconds > 0 && fraction < 0) {
        --seconds;
        fraction += per_second;
    }
    if (seconds > largest / per_second) return nanoseconds::max();
    if (seconds < -(largest / per_second)) return nanoseconds::min();
    const std::int64_t whole = seconds * per_second;
    if (fraction > 0 && whole > largest - fraction) return nanoseconds::max();
    if (fraction < 0 && whole < -largest - 1 - fraction) return nanoseconds::min();
    return nanoseconds(whole + fraction);
}
}  // namespace detail

namespace detail {
template <>
struct StringForm<Timestamp> {
    static constexpr std::string_view expected = "an RFC 3339 date-time string (like 2023-01-01T00:00:00.000Z)";
    static constexpr Reason reason = &date_time_reason;
    static std::optional<Timestamp> read(std::string_view text) noexcept { return Timestamp::from_string(text); }
    static std::string write(const Timestamp& timestamp) { return timestamp.to_string(); }
    static constexpr bool from_document = false;
};
}  // namespace detail

inline Timestamp Timestamp::parse(std::string_view text) { return detail::read_standalone<Timestamp>(text); }

inline std::ostream& operator<<(std::ostream& os, const Timestamp& timestamp) { return os << timestamp.to_string(); }

KONNECT_MODELS_NAMESPACE_END

namespace std {
/// Agrees with ==, which compares the instant, the leap second and the offset: one instant written at two
/// offsets hashes apart, as it compares unequal.
template <>
struct hash<konnect::Timestamp> {
    std::size_t operator()(const konnect::Timestamp& timestamp) const noexcept {
        konnect::detail::Fnv1a fnv;
        for (const std::uint64_t field :
             {static_cast<std::uint64_t>(timestamp.unix_seconds()), std::uint64_t{timestamp.nanoseconds()},
              static_cast<std::uint64_t>(timestamp.offset().count()),
              std::uint64_t{timestamp.is_leap_second() ? 1U : 0U}}) {
            fnv.add(field);
        }
        return fnv.result();
    }
};
}  // namespace std

KONNECT_MODELS_NAMESPACE_BEGIN

// ==== 7. State =======================================================================================================

/// The token's state. Kong marks this enum open (`x-speakeasy-unknown-values: allow`): a state it
/// adds later reads as `State::unknown`, keeps its exact text and writes it back unchanged.
///
///     switch (response.state) {
///         case konnect::State::active: ...
///         case konnect::State::revoked: ...
///         case konnect::State::expired: ...
///         case konnect::State::unknown: ...   // response.state.to_string() has Kong's text
///     }
class State {
  public:
    /// Scoped, so that a Value never becomes a number by accident (in arithmetic or in JSON, where it
    /// writes its schema text like a State).
    enum class Value : std::uint8_t { unknown, active, revoked, expired };
    static constexpr Value unknown = Value::unknown;
    static constexpr Value active = Value::active;
    static constexpr Value revoked = Value::revoked;
    static constexpr Value expired = Value::expired;

    /// An unknown state with empty text.
    State() = default;
    /// A named state with its schema text; `unknown` has empty text.
    State(Value value)  // NOLINT(google-explicit-constructor): `state = State::active` reads as intended.
        : value_(value), text_(name_of(value)) {}

    /// Exact, case-sensitive match against the schema's names; any other text is an unknown state.
    [[nodiscard]] static State from_string(std::string_view text) {
        State state;
        state.text_ = std::string(text);
        for (const auto& [value, name] : names) {
            if (text == name) state.value_ = value;
        }
        return state;
    }

    /// What `switch` and comparisons with a Value see.
    constexpr operator Value() const noexcept { return value_; }  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool is_unknown() const noexcept { return value_ == unknown; }

    /// The text as written in JSON: `ACTIVE`, `REVOKED`, `EXPIRED`, or an unknown state's own text.
    [[nodiscard]] const std::string& to_string() const noexcept { return text_; }

    /// Equal when the value and the text are: two unknown states differ when their texts do.
    friend bool operator==(const State& a, const State& b) noexcept { return compare(a, b) == 0; }
    friend bool operator!=(const State& a, const State& b) noexcept { return compare(a, b) != 0; }
    /// By value (unknown, active, revoked, expired), then by text: the order agrees with ==, so that unknown
    /// states with different texts are different keys in a std::map or std::set.
    friend bool operator<(const State& a, const State& b) noexcept { return compare(a, b) < 0; }
    friend bool operator>(const State& a, const State& b) noexcept { return compare(a, b) > 0; }
    friend bool operator<=(const State& a, const State& b) noexcept { return compare(a, b) <= 0; }
    friend bool operator>=(const State& a, const State& b) noexcept { return compare(a, b) >= 0; }
    /// Compare the value alone: every unknown state equals State::unknown, whatever its text, while
    /// State == State also compares the text.
    friend bool operator==(const State& a, Value b) noexcept { return a.value_ == b; }
    friend bool operator==(Value a, const State& b) noexcept { return a == b.value_; }
    friend bool operator!=(const State& a, Value b) noexcept { return a.value_ != b; }
    friend bool operator!=(Value a, const State& b) noexcept { return a != b.value_; }
    /// The value alone too, as they compared before State had an order of its own (through the conversion).
    friend bool operator<(const State& a, Value b) noexcept { return a.value_ < b; }
    friend bool operator<(Value a, const State& b) noexcept { return a < b.value_; }
    friend bool operator>(const State& a, Value b) noexcept { return a.value_ > b; }
    friend bool operator>(Value a, const State& b) noexcept { return a > b.value_; }
    friend bool operator<=(const State& a, Value b) noexcept { return a.value_ <= b; }
    friend bool operator<=(Value a, const State& b) noexcept { return a <= b.value_; }
    friend bool operator>=(const State& a, Value b) noexcept { return a.value_ >= b; }
    friend bool operator>=(Value a, const State& b) noexcept { return a >= b.value_; }

  private:
    static int compare(const State& a, const State& b) noexcept {
        if (a.value_ != b.value_) return a.value_ < b.value_ ? -1 : 1;
        return a.text_.compare(b.text_);
    }

    static constexpr std::array<std::pair<Value, std::string_view>, 3> names{
        {{active, "ACTIVE"}, {revoked, "REVOKED"}, {expired, "EXPIRED"}}};

    static std::string name_of(Value value) {
        for (const auto& [named, name] : names) {
            if (named == value) return std::string(name);
        }
        return {};
    }

    Value value_ = unknown;
    std::string text_;
};

namespace detail {
// A state's text comes from the document: an unknown one is shown with what a Redaction hides blanked out.
template <>
struct StringForm<State> {
    static constexpr std::string_view expected = "a string";
    static constexpr Reason reason = nullptr;
    static State read(std::string_view text) { return State::from_string(text); }
    static const std::string& write(const State& state) noexcept { return state.to_string(); }
    static constexpr bool from_document = true;
    static void print(std::ostream& os, const State& state, const Redaction& redaction) {
        if (state.is_unknown()) {
            os << redaction.printable(state.to_string()) << " (unknown)";
        } else {
            os << state.to_string();
        }
    }
};
}  // namespace detail

/// `ACTIVE`; an unknown state as its quoted text, `"PENDING" (unknown)`.
inline std::ostream& operator<<(std::ostream& os, const State& state) {
    detail::StringForm<State>::print(os, state, detail::Redaction());
    return os;
}

/// As the State of that value prints: `ACTIVE`, and `"" (unknown)` for State::unknown.
inline std::ostream& operator<<(std::ostream& os, State::Value value) { return os << State(value); }

/// A State::Value reads and writes its schema text too, never a number (State::unknown writes "").
template <typename BasicJsonType>
void from_json(const BasicJsonType& j, State::Value& value) {
    value = detail::decode_standalone<State>(j);
}
template <typename BasicJsonType>
void to_json(BasicJsonType& j, State::Value value) {
    to_json(j, State(value));
}

KONNECT_MODELS_NAMESPACE_END

namespace std {
/// Agrees with ==: equal states have equal texts (a named state's text is its name).
template <>
struct hash<konnect::State> {
    std::size_t operator()(const konnect::State& state) const noexcept {
        return std::hash<std::string>{}(state.to_string());
    }
};
}  // namespace std

KONNECT_MODELS_NAMESPACE_BEGIN

// ==== 8. The engine: every type described by a Schema ================================================================

/// Whether a member may be absent from a document, and whether it may be null: what Kong's schema says of a
/// member besides its key and its type.
enum class Presence { optional, required };
enum class Nullability { not_nullable, nullable };

/// One member of a Schema: its JSON key, the field that holds it, and whether it may be absent or null.
template <typename Class, typename Field>
struct Member {
    using field_type = Field;
    std::string_view key;
    Field Class::*field;
    Presence presence;
    Nullability nullability;
};

template <typename Class, typename Field>
constexpr Member<Class, Field> member(std::string_view key, Field Class::*field, Presence presence,
                                      Nullability nullability) noexcept {
    return {key, field, presence, nullability};
}

/// A model's description, specialised beside its struct as glz::meta<T> is (Schema<PersonalAccessTokenCreateResponse>
/// below is one): `name`, what printing calls it; `additional_properties`, the nlohmann::json field that keeps the
/// members the schema does not name (null or an object); a static constexpr `members(visit)`, which calls
/// visit(member(key, field, presence, nullability)) for each member in schema order. A field is a std::string, Secret,
/// Uuid, Timestamp or State, in a std::optional exactly where the member may be absent or null; at most one is a
/// Secret, which every message and printed form hides. get<T>(), encoding, validate<T>(), parse<T>(), redacted_json(),
/// `==` and `<<` then work for T.
template <typename T>
struct Schema;

/// Whether T has a Schema.
template <typename T, typename = void>
inline constexpr bool is_model = false;
template <typename T>
inline constexpr bool is_model<T, std::void_t<decltype(sizeof(Schema<T>))>> = true;

namespace detail {
template <typename T>
struct Unwrapped {
    using type = T;
    static constexpr bool is_optional = false;
};
template <typename T>
struct Unwrapped<std::optional<T>> {
    using type = T;
    static constexpr bool is_optional = true;
};

template <typename MemberType>
using ValueOf = typename Unwrapped<typename std::decay_t<MemberType>::field_type>::type;

// A field's value; null for an empty std::optional.
template <typename Field>
const typename Unwrapped<Field>::type* present(const Field& field) noexcept {
    if constexpr (Unwrapped<Field>::is_optional) {
        return field ? &*field : nullptr;
    } else {
        return &field;
    }
}

// A member as the engine's tables see it: the same for every type, so that one function writes every problem.
struct MemberTerms {
    std::string_view key;
    std::string_view expected;
    bool required;
    bool nullable;
    bool secret;           // a Secret
    bool held_optionally;  // in a std::optional
};

// What the engine reads from Schema<T>, worked out once per model.
template <typename T>
struct Table {
    static constexpr std::size_t size = [] {
        std::size_t count = 0;
        Schema<T>::members([&count](const auto& /*member*/) { ++count; });
        return count;
    }();

    // In schema order.
    static constexpr std::array<MemberTerms, size> terms = [] {
        std::array<MemberTerms, size> table{};
        std::size_t index = 0;
        Schema<T>::members([&](const auto& member) {
            using Value = ValueOf<decltype(member)>;
            table[index++] = {member.key,
                              StringForm<Value>::expected,
                              member.presence == Presence::required,
                              member.nullability == Nullability::nullable,
                              std::is_same_v<Value, Secret>,
                              Unwrapped<typename std::decay_t<decltype(member)>::field_type>::is_optional};
        });
        return table;
    }();

    // Why a string does not read into each member, in schema order. Kept apart from `terms`, which encoding reads,
    // so that a program that only encodes does not compile every reason.
    static constexpr std::array<Reason, size> reasons = [] {
        std::array<Reason, size> table{};
        std::size_t index = 0;
        Schema<T>::members([&](const auto& member) { table[index++] = StringForm<ValueOf<decltype(member)>>::reason; });
        return table;
    }();

    // Where the schema puts a member; `size` for a key it does not name.
    static constexpr std::size_t index(std::string_view key) noexcept {
        std::size_t at = 0;
        while (at < size && terms[at].key != key) {
            ++at;
        }
        return at;
    }

    static constexpr bool names(std::string_view key) noexcept { return index(key) < size; }

    static_assert(
        [] {
            bool consistent = true;
            for (const MemberTerms& member : terms) {
                consistent = consistent && member.held_optionally == (!member.required || member.nullable);
            }
            return consistent;
        }(),
        "a member's field is a std::optional exactly where the member may be absent or null");
    static_assert(
        [] {
            std::size_t secrets = 0;
            for (const MemberTerms& member : terms) {
                secrets += member.secret ? 1 : 0;
            }
            return secrets <= 1;
        }(),
        "a model has at most one Secret member");
    static_assert(
        [] {
            for (std::size_t first = 0; first < size; ++first) {
                if (index(terms[first].key) != first) return false;
            }
            return true;
        }(),
        "no two members of a model have the same key");
};

// The value of a model's Secret member (empty when it has none, or it is empty): what every message and printed
// form of the model hides.
template <typename T>
std::string_view secret_of(const T& model) noexcept {
    std::string_view secret;
    Schema<T>::members([&](const auto& member) {
        if constexpr (std::is_same_v<ValueOf<decltype(member)>, Secret>) {
            if (const Secret* value = present(model.*member.field)) secret = value->reveal();
        }
    });
    return secret;
}

template <typename T>
const nlohmann::json& additional_properties_of(const T& model) noexcept {
    return model.*Schema<T>::additional_properties;
}

// additional_properties says "none" as null (the default) or as an empty object.
inline bool no_unknown_members(const nlohmann::json& additional_properties) noexcept {
    return additional_properties.is_null() || (additional_properties.is_object() && additional_properties.empty());
}

// Whether `value`, at `level` of a document (its root object is level 1), holds a container deeper than
// max_nesting_depth. The one walk of a document that recurses, and only as deep as one level past
// max_nesting_depth, however deep the value nests: its stack is bounded. A walk with a stack of its own, as
// redacted_copy has, compiled far more code into every program that decodes or encodes.
template <typename BasicJsonType>
bool nests_too_deep(const BasicJsonType& value, std::size_t level) {  // NOLINT(misc-no-recursion): bounded, above
    if (!value.is_structured()) return false;
    if (level > max_nesting_depth) return true;
    if (const auto* members = members_of(value)) {
        for (const auto& member : *members) {
            if (nests_too_deep(member.second, level + 1)) return true;
        }
    } else if (const auto* elements = elements_of(value)) {
        for (const auto& element : *elements) {
            if (nests_too_deep(element, level + 1)) return true;
        }
    }
    return false;
}

// Whether the value of a member of the root object (level 2) nests deeper than max_nesting_depth.
template <typename BasicJsonType>
bool member_nests_too_deep(const BasicJsonType& member_value) {
    constexpr std::size_t member_level = 2;
    return nests_too_deep(member_value, member_level);
}

// An unknown member that nests too deep, named when its name may be quoted.
KONNECT_MODELS_COLD inline Problem too_deep_problem(std::string_view key, const Redaction& redaction) {
    constexpr std::string_view message =
        "% nests deeper than the % levels a document may have (its root object is level 1)";
    const Number levels(max_nesting_depth);
    if (redaction.may_name(key)) {
        return {json_pointer(key), ProblemKind::too_deep, fill(message, {"this member", levels})};
    }
    return {"", ProblemKind::too_deep, fill(message, {"a member whose name is not quoted", levels})};
}

// Checks the members of `object` (the document, or the unknown members alone that parse() set aside; nothing in a
// value that is not an object) that the schema does not name (`names` says which it names): one that nests too deep for
// the recursive code in nlohmann_json becomes a problem, and the others are copied into `kept` where it is given. The
// same for every model.
template <typename BasicJsonType>
void check_unknown_members(const BasicJsonType& object, bool (*names)(std::string_view), const Redaction& redaction,
                           std::vector<Problem>& problems, nlohmann::json* kept) {
    const auto* members = members_of(object);
    if (members == nullptr) return;
    for (const auto& [key, value] : *members) {
        if (names(key)) continue;
        if (member_nests_too_deep(value)) {
            problems.push_back(too_deep_problem(key, redaction));
        } else if (kept != nullptr) {
            (*kept)[key] = nlohmann::json(value);
        }
    }
}

// Puts a model together from its members as a reader finds them, in any order and any number of times (the last
// one wins), then says what was wrong with them, in schema order. A string is read into its member at once, so
// decoding a valid document keeps nothing else; a value that does not read is only described, at the end, when
// the secret every message must hide is known.
template <typename T>
// NOLINTNEXTLINE(bugprone-exception-escape): as for PersonalAccessTokenCreateResponse, which it holds
class Assembler {
  public:
    // The member at `index` holds `found` (`text` when it is a string).
    void receive(std::size_t index, Found found, std::string_view text) {
        Received& received = received_[index];
        received.present = true;
        received.found = found;
        received.taken = false;
        std::size_t at = 0;
        Schema<T>::members([&](const auto& member) {
            if (at++ == index) received.taken = take(member, found, text);
        });
        received.unreadable = received.taken || found != Found::string ? Secret() : Secret(text);
    }

    // The model once every member has been received, and every problem: the schema members' in schema order,
    // then the unknown members' in the order of `document` (whose schema members are passed by), where it has any.
    template <typename BasicJsonType>
    T finish(const BasicJsonType& document, bool has_unknown_members, std::vector<Problem>& problems) {
        const Redaction redaction = report(problems);
        if (has_unknown_members) {
            check_unknown_members(document, &Table<T>::names, redaction, problems, &unknown_members());
        }
        return std::move(model_);
    }

    // The same, where `unknown` holds the unknown members alone (or is null): it becomes additional_properties.
    T finish_taking(nlohmann::json&& unknown, std::vector<Problem>& problems) {
        const Redaction redaction = report(problems);
        check_unknown_members(unknown, &Table<T>::names, redaction, problems, nullptr);
        unknown_members() = std::move(unknown);
        return std::move(model_);
    }

  private:
    struct Received {
        bool present = false;       // false while the member is absent
        Found found = Found::null;  // what was found, once present
        bool taken = false;         // its member holds it (or is empty for a null it may be)
        Secret unreadable;          // a string that did not read, for the message; it may hold the secret
    };

    nlohmann::json& unknown_members() noexcept { return model_.*Schema<T>::additional_properties; }

    // Whether the member now holds what was found: a string that reads, or a null it may be. If not, the member is
    // left empty, as in a model decoded from a DOM, which holds the last of a repeated member alone: nothing of an
    // earlier one (the secret, say) stays to change what the problems say.
    template <typename MemberType>
    bool take(const MemberType& member, Found found, std::string_view text) {
        if (found == Found::string) {
            using Value = ValueOf<MemberType>;
            if constexpr (every_string_reads<Value>) {
                model_.*member.field = StringForm<Value>::read(text);
                return true;
            } else if (std::optional<Value> value = StringForm<Value>::read(text)) {
                model_.*member.field = std::move(*value);
                return true;
            }
        }
        if constexpr (Unwrapped<typename MemberType::field_type>::is_optional) {
            if (found == Found::null && member.nullability == Nullability::nullable) {
                (model_.*member.field).reset();
                return true;
            }
        }
        model_.*member.field = typename MemberType::field_type();
        return false;
    }

    // Adds the schema members' problems; gives what their messages, and the unknown members', must hide.
    Redaction report(std::vector<Problem>& problems) const {
        Redaction redaction(secret_of(model_));
        for (std::size_t index = 0; index < received_.size(); ++index) {
            const MemberTerms& member = Table<T>::terms[index];
            const Received& received = received_[index];
            if (received.taken || (!received.present && !member.required)) continue;
            problems.push_back(problem(member, Table<T>::reasons[index], received, redaction));
        }
        return redaction;
    }

    KONNECT_MODELS_COLD static Problem problem(const MemberTerms& member, Reason reason, const Received& received,
                                               const Redaction& redaction) {
        if (!received.present) {
            return {json_pointer(member.key), ProblemKind::missing,
                    fill("required member is missing; expected %", {expectation(member.expected, member.nullable)})};
        }
        return unexpected_value(json_pointer(member.key), member.expected, reason, member.nullable, received.found,
                                received.unreadable.reveal(), redaction);
    }

    T model_;
    std::array<Received, Table<T>::size> received_;
};

// Nothing found in a document whose root is not an object is quoted: there is no secret to check it against.
KONNECT_MODELS_COLD inline Problem root_not_an_object(Found found, std::string_view text) {
    return {"", ProblemKind::wrong_type,
            fill("expected an object, found %", {describe(found, text, Redaction::withholding_everything())})};
}

template <typename T, typename BasicJsonType>
T decode(const BasicJsonType& document, std::vector<Problem>& problems) {
    const auto* members = members_of(document);
    if (members == nullptr) {
        problems.push_back(root_not_an_object(found_in(document), text_of(document)));
        return {};
    }
    Assembler<T> assembler;
    std::size_t schema_members = 0;
    for (const auto& [key, value] : *members) {
        const std::size_t index = Table<T>::index(key);
        if (index < Table<T>::size) {
            assembler.receive(index, found_in(value), text_of(value));
            ++schema_members;
        }
    }
    // A document of schema members alone, as a server sends it, need not be walked again for unknown ones.
    return assembler.finish(document, schema_members != members->size(), problems);
}

// Throws validation_error 703 where additional_properties is not an object (or null), or a member of it repeats a
// member the schema names or nests too deep: one problem for each such member, in the order of the members.
template <typename T>
KONNECT_MODELS_COLD void check_unknown_members_encodable(const T& model) {
    const nlohmann::json& additional = additional_properties_of(model);
    const Redaction redaction(secret_of(model));
    std::vector<Problem> problems;
    const auto* members = members_of(additional);
    if (members == nullptr) {
        problems.push_back(
            {"", ProblemKind::wrong_type,
             fill("additional_properties: expected an object or null, found %", {describe(additional, redaction)})});
    } else {
        for (const auto& [key, value] : *members) {
            if (Table<T>::names(key)) {
                problems.push_back({json_pointer(key), ProblemKind::named_by_schema,
                                    "additional_properties repeats a member the schema names"});
            } else if (member_nests_too_deep(value)) {
                problems.push_back(too_deep_problem(key, redaction));
            }
        }
    }
    if (!problems.empty()) throw validation_error(validation_error::unencodable_value, std::move(problems));
}

template <typename T>
void check_encodable(const T& model) {
    if (!additional_properties_of(model).is_null()) check_unknown_members_encodable(model);
}

// Writes a model's members in schema order, each as `text(value)` gives it (an empty member as null where the
// schema requires the member, else not at all), then its unknown members as `unknown(object, key, value)` adds
// them: what encoding and redacted_json share.
template <typename BasicJsonType, typename T, typename Text, typename Unknown>
BasicJsonType encode(const T& model, Text text, Unknown unknown) {
    check_encodable(model);
    // Each member's text first, then one loop that writes them all: the code that adds to the object is compiled
    // once, not once per member.
    std::array<typename BasicJsonType::string_t, Table<T>::size> texts;
    std::array<bool, Table<T>::size> present_members{};
    std::size_t index = 0;
    Schema<T>::members([&](const auto& member) {
        if (const auto* value = present(model.*member.field)) {
            texts[index] = text(*value);
            present_members[index] = true;
        }
        ++index;
    });
    BasicJsonType object = BasicJsonType::object();
    for (index = 0; index < texts.size(); ++index) {
        const MemberTerms& terms = Table<T>::terms[index];
        if (!present_members[index] && !terms.required) continue;
        BasicJsonType& slot = object[typename BasicJsonType::object_t::key_type(terms.key)];
        if (present_members[index]) {
            slot = std::move(texts[index]);
        } else {
            slot = nullptr;
        }
    }
    if (const auto* members = members_of(additional_properties_of(model))) {
        for (const auto& [key, value] : *members) {
            unknown(object, key, value);
        }
    }
    return object;
}
}  // namespace detail

struct PersonalAccessTokenCreateResponse;

/// Every way `document` breaks T's schema (for the response: Kong's, with the state enum open), in schema order;
/// empty when `document.get<T>()` would succeed. Never throws a validation_error. `konnect::validate(document)`
/// validates a PersonalAccessTokenCreateResponse.
template <typename T = PersonalAccessTokenCreateResponse, typename BasicJsonType>
[[nodiscard]] std::vector<Problem> validate(const BasicJsonType& document) {
    std::vector<Problem> problems;
    detail::decode<T>(document, problems);
    return problems;
}

/// Decodes a model, or throws validation_error 701 with every problem.
template <typename BasicJsonType, typename T, std::enable_if_t<is_model<T>, int> = 0>
void from_json(const BasicJsonType& j, T& model) {
    std::vector<Problem> problems;
    T decoded = detail::decode<T>(j, problems);
    if (!problems.empty()) throw validation_error(validation_error::invalid_document, std::move(problems));
    model = std::move(decoded);
}

/// Members in schema order; an empty member is null where the schema requires it and left out where it may be
/// absent (for the response: `expires_at` always, null when empty); then the kept unknown members. Throws
/// validation_error 703 where additional_properties is not an object, or a member of it repeats a member the schema
/// names or nests too deep (its problems in the order of its members).
template <typename BasicJsonType, typename T, std::enable_if_t<is_model<T>, int> = 0>
void to_json(BasicJsonType& j, const T& model) {
    using String = typename BasicJsonType::string_t;
    j = detail::encode<BasicJsonType>(
        model,
        [](const auto& value) { return String(detail::StringForm<std::decay_t<decltype(value)>>::write(value)); },
        [](BasicJsonType& object, const std::string& key, const nlohmann::json& value) {
            object[key] = BasicJsonType(value);
        });
}

namespace detail {
// A copy of an unknown member's value for redacted_json: every string and member name in it redacted, at any depth.
// Without recursion: each pending value goes to a slot made for it, and a container's slots are all made before any
// is filled, so that none moves (an ordered_json object is a vector).
template <typename BasicJsonType>
BasicJsonType redacted_copy(const nlohmann::json& value, const Redaction& redaction) {
    BasicJsonType copy;
    std::vector<std::pair<const nlohmann::json*, BasicJsonType*>> pending{{&value, &copy}};
    while (!pending.empty()) {
        const auto [source, target] = pending.back();
        pending.pop_back();
        if (const auto* members = members_of(*source)) {
            *target = BasicJsonType::object();
            for (const auto& member : *members) {
                (*target)[redaction.redacted(member.first)] = nullptr;
            }
            for (const auto& [key, member_value] : *members) {
                pending.emplace_back(&member_value, &target->at(redaction.redacted(key)));
            }
        } else if (source->is_array()) {
            *target = BasicJsonType::array();
            for (std::size_t i = 0; i < source->size(); ++i) {
                target->push_back(nullptr);
            }
            for (std::size_t i = 0; i < source->size(); ++i) {
                pending.emplace_back(&(*source)[i], &(*target)[i]);
            }
        } else if (source->is_string()) {
            *target = redaction.redacted(text_of(*source));
        } else {
            *target = BasicJsonType(*source);
        }
    }
    return copy;
}
}  // namespace detail

/// The JSON of a model for logs: what encoding writes (to_json), except that its Secret member (the response's
/// konnect_token) is written as "[redacted]", and the text that comes from the document (strings, an unknown state,
/// and the unknown members' names and strings at any depth) has each run of 8 bytes of the secret written as
/// [redacted] too, as printing does. When the secret is too long to look for runs of it (over 4096 bytes), each
/// such text is withheld as "(N bytes, not shown)"; member names that become equal that way are merged. Unknown
/// members' other values are kept as they are: a secret this library does not know is not hidden. Throws
/// validation_error 703 where encoding would. The one way to JSON without the secret: `nlohmann::json j = response`
/// writes it, as the wire form needs.
template <typename BasicJsonType = nlohmann::json, typename T, std::enable_if_t<is_model<T>, int> = 0>
[[nodiscard]] BasicJsonType redacted_json(const T& model) {
    using String = typename BasicJsonType::string_t;
    const detail::Redaction redaction(detail::secret_of(model));
    return detail::encode<BasicJsonType>(
        model,
        [&redaction](const auto& value) {
            using Value = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<Value, Secret>) {
                return String(detail::redacted_text);  // never written, not even to be redacted
            } else {
                String text(detail::StringForm<Value>::write(value));
                if (detail::StringForm<Value>::from_document) redaction.redact(text);
                return text;
            }
        },
        [&redaction](BasicJsonType& object, const std::string& key, const nlohmann::json& value) {
            object[redaction.redacted(key)] = detail::redacted_copy<BasicJsonType>(value, redaction);
        });
}

namespace detail {
// Every member equal, and the unknown members (null and an empty object alike mean none).
template <typename T>
bool equal(const T& a, const T& b) {
    bool equal = true;
    Schema<T>::members([&](const auto& member) { equal = equal && a.*member.field == b.*member.field; });
    // auto, not nlohmann::json: a comparison of values of a dependent type is compiled only where a program
    // compares models; of nlohmann::json, by every includer.
    const auto& a_unknown = additional_properties_of(a);
    const auto& b_unknown = additional_properties_of(b);
    return equal && ((no_unknown_members(a_unknown) && no_unknown_members(b_unknown)) || a_unknown == b_unknown);
}

// Every member on one line, `Name{key: value, ...}`, absent or null members as `null`, unknown members by name
// only (their values may be secrets this library does not know). The Secret member prints as `[redacted]`, and so
// does every run of eight bytes of it in the text that comes from the document (strings, an unknown state, the
// names of unknown members).
template <typename T>
std::ostream& print(std::ostream& os, const T& model) {
    const Redaction redaction(secret_of(model));
    os << Schema<T>::name << '{';
    const char* separator = "";
    Schema<T>::members([&](const auto& member) {
        os << std::exchange(separator, ", ") << member.key << ": ";
        using Form = StringForm<ValueOf<decltype(member)>>;
        if (const auto* value = present(model.*member.field)) {
            if constexpr (Form::from_document) {
                Form::print(os, *value, redaction);
            } else {
                os << *value;
            }
        } else {
            os << "null";
        }
    });
    const nlohmann::json& additional = additional_properties_of(model);
    const auto* unknown = members_of(additional);
    if (unknown != nullptr && !unknown->empty()) {
        os << ", additional_properties: " << unknown->size() << (unknown->size() == 1 ? " member (" : " members (");
        separator = "";
        for (const auto& member : *unknown) {
            os << std::exchange(separator, ", ") << redaction.printable(member.first);
        }
        os << ')';
    } else if (unknown == nullptr && !additional.is_null()) {
        os << ", additional_properties: not an object but "
           << describe(additional, Redaction::withholding_everything());
    }
    return os << '}';
}
}  // namespace detail

/// `==`, `!=` and `<<` for every model, found by argument-dependent lookup in namespace konnect (a model declared
/// elsewhere takes them with `using konnect::operator==;`, and so on, in its namespace). `==`: every member equal,
/// and the unknown members (null and an empty object alike mean none); a template, so that a program that never
/// compares models never compiles nlohmann_json's comparison of values. `<<`: every member on one line, the Secret
/// as `[redacted]`, and every run of eight bytes of it blanked out in text from the document.
template <typename T, std::enable_if_t<is_model<T>, int> = 0>
bool operator==(const T& a, const T& b) {
    return detail::equal(a, b);
}
template <typename T, std::enable_if_t<is_model<T>, int> = 0>
bool operator!=(const T& a, const T& b) {
    return !detail::equal(a, b);
}
template <typename T, std::enable_if_t<is_model<T>, int> = 0>
std::ostream& operator<<(std::ostream& os, const T& model) {
    return detail::print(os, model);
}

// ---- parse(): a model from JSON text

namespace detail {
// parse()'s reader. It reads JSON text as json::parse does: the same texts accepted (RFC 8259, the UTF-8 of strings
// checked, a UTF-8 byte order mark skipped), the same values read, and a malformed text stopped at the same byte, so
// that parse() and get<T>() of json::parse's DOM agree on every text. One difference, on purpose: json::parse takes
// a NUL byte for the end of the text, and this reader refuses one, so that nothing after it goes unread.
// It builds no DOM and does not recurse. Each schema member's value goes to an Assembler, a string without escapes as
// a view of the text: the text servers send is read in place. The unknown members are built as json::parse builds
// them, down to one level past max_nesting_depth and no deeper: a container there is kept empty, so that the member
// that is too deep can still be seen, and named, while the DOM stays shallow for the recursive code in
// nlohmann_json. Of a root that is not an object, only what it is is kept: all a problem says of it.
// Why not json::parse itself: its reader keeps a copy of each string it reads, the token too, where no public API
// can wipe it; and every program that parses would compile it, which takes far longer than this reader.
template <typename T>
// NOLINTNEXTLINE(bugprone-exception-escape): as for PersonalAccessTokenCreateResponse, which it holds
class TextReader {
  public:
    explicit TextReader(std::string_view text) : text_(text) {}

    // The model, or validation_error: 702 where the text is not JSON, else 701 with every problem.
    T read() {
        read_text();
        if (root_ != Found::object) {
            throw one_problem(validation_error::invalid_document, root_not_an_object(root_, root_text_));
        }
        std::vector<Problem> problems;
        T model = assembler_.finish_taking(std::move(unknown_), problems);
        if (!problems.empty()) throw validation_error(validation_error::invalid_document, std::move(problems));
        return model;
    }

  private:
    // nlohmann::json, the type of the unknown members, named through T: a name that does not depend on T would have
    // this reader's calls resolved, and what they call compiled, in every program, whether it parses or not.
    using Json = std::remove_reference_t<decltype(std::declval<T&>().*Schema<T>::additional_properties)>;

    // JSON's tokens: punctuation first, in the order of `punctuation`; a scalar is a string, a number, true, false
    // or null (found_ says which); `end` is the end of the text, or a NUL byte, where json::parse's reader ends too.
    enum class Token { begin_object, end_object, begin_array, end_array, colon, comma, scalar, end };
    static constexpr std::string_view punctuation = "{}[]:,";

    static constexpr std::size_t no_member = Table<T>::size;

    // The whole text, token by token, as json::parse's parser reads it.
    void read_text() {
        skip_byte_order_mark();
        for (next();;) {
            if (read_value_start()) continue;   // token_ starts the first value in the container just opened
            if (!read_to_next_value()) return;  // the end of the text
        }
    }

    void skip_byte_order_mark() {
        constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
        if (text_.empty() || text_[0] != byte_order_mark[0]) return;
        for (at_ = 1; at_ < byte_order_mark.size(); ++at_) {
            if (at_ == text_.size() || text_[at_] != byte_order_mark[at_]) {
                fail(at_, "a byte (0x%) where the UTF-8 byte order mark (EF BB BF) goes on");
            }
        }
    }

    // Reads the start of the value that token_ starts: a scalar, or a container's opening. Then whether token_ starts
    // a value, the first in that container; if not, token_ follows a value, or closes an empty container.
    bool read_value_start() {
        if (token_ != Token::begin_object && token_ != Token::begin_array) {
            take_scalar();
            next();
            return false;
        }
        open(punctuation[static_cast<std::size_t>(token_)]);
        next();
        if (token_ == closing()) return false;
        if (brackets_.back() == '{') read_name("a member name (a string) or '}'");
        return true;
    }

    // token_ follows a value: the containers it closes end, up to the comma before the next value (then true) or the
    // end of the text.
    bool read_to_next_value() {
        for (;;) {
            if (brackets_.empty()) {
                if (token_ != Token::end || at_ != text_.size()) unexpected("the end of the text");
                return false;
            }
            if (token_ == Token::comma) {
                next();
                if (brackets_.back() == '{') read_name("a member name (a string)");
                return true;
            }
            if (token_ != closing()) unexpected(brackets_.back() == '{' ? "',' or '}'" : "',' or ']'");
            close();
            next();
        }
    }

    // The token that closes the container opened last.
    [[nodiscard]] Token closing() const noexcept {
        return brackets_.back() == '{' ? Token::end_object : Token::end_array;
    }

    // A member's name and the colon after it, up to the token that starts its value.
    void read_name(std::string_view expected) {
        if (token_ != Token::scalar || found_ != Found::string) unexpected(expected);
        if (brackets_.size() == 1) member_ = Table<T>::index(string_);
        if (builds(brackets_.size())) key_ = string_;
        next();
        if (token_ != Token::colon) unexpected("':'");
        next();
    }

    // Whether a value inside `depth` containers is built: it is in an unknown member, at most max_nesting_depth deep.
    [[nodiscard]] bool builds(std::size_t depth) const noexcept {
        return root_ == Found::object && depth <= max_nesting_depth && open_.size() + 1 == depth &&
               (depth > 1 || member_ == no_member);
    }

    // A container starts: '{' or '['.
    void open(char bracket) {
        const std::size_t depth = brackets_.size();
        const Found found = bracket == '{' ? Found::object : Found::array;
        brackets_ += bracket;
        if (depth == 0) {
            root_ = found;
        } else if (depth == 1 && member_ != no_member) {
            assembler_.receive(member_, found, {});  // a schema member's container: described, not kept
        } else if (builds(depth)) {
            open_.push_back(&place(Json(found == Found::object ? Json::value_t::object : Json::value_t::array)));
        }
    }

    // The container opened last ends.
    void close() {
        brackets_.pop_back();
        if (brackets_.empty() || open_.size() != brackets_.size()) return;  // the root, or a container not built
        // With JSON_DIAGNOSTICS, nlohmann_json keeps in each value a link to its container, asserts it and names a
        // value's place by it. place() fills containers through std::map and std::vector, which set no links:
        // json::parse sets a container's links when the container ends, and here an assignment of the container to
        // itself, through a temporary, does (basic_json's move and assignment link the elements of the value they
        // make). Deeper containers were linked when they ended, and a std::vector that grows moves its elements,
        // which links theirs again. The unknown members' own links are set when they are moved into the model.
        Json& ended = *open_.back();
        ended = Json(std::move(ended));
        open_.pop_back();
    }

    // The scalar in token_, where a value goes.
    void take_scalar() {
        if (token_ != Token::scalar) unexpected("a value");
        Json number;  // json::parse refuses a number beyond a double wherever it is: each is read
        if (found_ == Found::number) number = number_value();
        const std::string_view text = found_ == Found::string ? string_ : std::string_view();
        const std::size_t depth = brackets_.size();
        if (depth == 0) {
            root_ = found_;
            root_text_ = text;  // nothing but the end of the text is read after it
        } else if (depth == 1 && member_ != no_member) {
            assembler_.receive(member_, found_, text);
        } else if (builds(depth)) {
            if (found_ == Found::string) {
                place(Json(typename Json::string_t(text)));
            } else if (found_ == Found::number) {
                place(std::move(number));
            } else {
                place(found_ == Found::null ? Json(nullptr) : Json(truth_));
            }
        }
    }

    // Puts a value in the container built last (the unknown members when none is) and gives it its place.
    // Containers are filled as json::parse fills them when it builds a DOM, so that the code is compiled once.
    Json& place(Json&& value) {
        if (open_.empty() && unknown_.is_null()) unknown_ = Json(Json::value_t::object);  // the first unknown member
        Json& container = open_.empty() ? unknown_ : *open_.back();
        if (auto* members = container.template get_ptr<typename Json::object_t*>()) {
            return (*members)[key_] = std::move(value);
        }
        return container.template get_ptr<typename Json::array_t*>()->emplace_back(std::move(value));
    }

    // ---- Tokens: each read as json::parse's reader reads it, and stopped at the same byte where it is malformed

    // Reads the next token into token_, from its first byte (start_) to past its last (at_).
    void next() { token_ = read_token(); }

    Token read_token() {
        while (at_ < text_.size() &&
               (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t')) {
            ++at_;
        }
        start_ = at_;
        if (at_ == text_.size() || text_[at_] == '\0') return Token::end;
        const char first = text_[at_++];
        for (std::size_t at = 0; at < punctuation.size(); ++at) {
            if (first == punctuation[at]) return static_cast<Token>(at);
        }
        if (first == '"') {
            read_string();
        } else if (first == 't' || first == 'f' || first == 'n') {
            read_literal(first == 't' ? "true" : first == 'f' ? "false" : "null");
        } else if (first == '-' || is_ascii_digit(first)) {
            read_number();
        } else {
            fail(start_, "a byte (0x%) that starts no JSON token");
        }
        return Token::scalar;
    }

    void read_literal(std::string_view literal) {
        for (; at_ - start_ < literal.size(); ++at_) {
            if (at_ == text_.size() || text_[at_] != literal[at_ - start_]) {
                fail(at_, "a byte (0x%) where true, false or null goes on");
            }
        }
        found_ = literal == "null" ? Found::null : Found::boolean;
        truth_ = literal == "true";
    }

    // JSON's number, -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, up to the first byte that cannot go on.
    void read_number() {
        const auto next_is = [this](std::string_view bytes) {
            return at_ < text_.size() && bytes.find(text_[at_]) != std::string_view::npos;
        };
        const auto digits = [&] {  // one or more
            if (!next_is("0123456789")) fail(at_, "a byte (0x%) where a number needs a digit");
            while (next_is("0123456789")) {
                ++at_;
            }
        };
        at_ = text_[start_] == '-' ? start_ + 1 : start_;
        if (next_is("0")) {
            ++at_;  // a leading zero is the whole integer part
        } else {
            digits();
        }
        if (next_is(".")) {
            ++at_;
            digits();
        }
        if (next_is("eE")) {
            ++at_;
            if (next_is("+-")) ++at_;
            digits();
        }
        found_ = Found::number;
    }

    // The number just read, as json::parse reads it: an integer that nlohmann_json's integer types hold (unsigned
    // without a minus) as one, any other number as a double by strtod with the locale's decimal point for '.', as
    // nlohmann_json does. A number beyond a double is malformed, as json::parse finds it (out_of_range.406).
    [[nodiscard]] Json number_value() const {
        const std::string_view text = text_.substr(start_, at_ - start_);
        if (text.find_first_of(".eE") == std::string_view::npos) {
            const bool negative = text[0] == '-';
            std::uint64_t magnitude = 0;
            bool fits = true;
            for (const char digit : text.substr(negative ? 1 : 0)) {
                const auto value = static_cast<std::uint64_t>(digit - '0');
                fits = fits && magnitude <= (std::numeric_limits<std::uint64_t>::max() - value) / 10;
                magnitude = magnitude * 10 + value;
            }
            using Integer = typename Json::number_integer_t;
            constexpr auto most_negative_magnitude = std::uint64_t{1} << 63U;  // of a std::int64_t
            if (fits && !negative) return Json(typename Json::number_unsigned_t{magnitude});
            if (fits && magnitude < most_negative_magnitude) return Json(-static_cast<Integer>(magnitude));
            if (fits && magnitude == most_negative_magnitude) return Json(std::numeric_limits<Integer>::min());
        }
        std::string written(text);
        std::replace(written.begin(), written.end(), '.', *std::localeconv()->decimal_point);
        const double value = std::strtod(written.c_str(), nullptr);
        if (!std::isfinite(value)) fail(start_, "a number too large for a double");
        return Json(value);
    }

    // A string, from past its opening quote to past its closing one, its UTF-8 checked and its escapes decoded:
    // string_ is its text, in place when it has no escape, else in buffer_.
    void read_string() {
        std::size_t copied = at_;  // once there is an escape: the first byte not yet in buffer_
        bool escaped = false;
        for (;;) {
            // The end of the text and a control character are named as such.
            if (at_ == text_.size()) fail(at_, "");
            const auto byte = static_cast<unsigned char>(text_[at_]);
            if (byte == '"') break;
            if (byte < 0x20U) fail(at_, "");
            if (byte == '\\') {
                if (!escaped) start_buffer();
                buffer_.append(text_.data() + copied, at_ - copied);
                escaped = true;
                read_escape();
                copied = at_;
            } else if (byte >= 0x80U) {
                read_utf8(byte);
            } else {
                ++at_;
            }
        }
        if (escaped) buffer_.append(text_.data() + copied, at_ - copied);
        string_ = escaped ? std::string_view(buffer_) : text_.substr(start_ + 1, at_ - start_ - 1);
        found_ = Found::string;
        ++at_;
    }

    // Empties buffer_, with room for the whole string (escapes only shorten it), so that it does not grow while it
    // holds the string. A buffer too small is wiped and let go before a larger one is made, as buffer_'s last is
    // wiped when the reader is done: any string may be the secret. (Only a larger buffer is asked for: before C++20,
    // reserve() may also move a string to a smaller one, leaving the old unwiped.)
    void start_buffer() {
        std::size_t end = at_;
        while (end < text_.size() && text_[end] != '"') {
            end += text_[end] == '\\' ? 2U : 1U;
        }
        if (buffer_.capacity() < end - start_) {
            wipe_buffer(buffer_);
            std::string().swap(buffer_);
            buffer_.reserve(end - start_);
        }
        buffer_.clear();
    }

    // An escape, from its backslash at at_: its character goes to buffer_, in UTF-8.
    void read_escape() {
        constexpr std::string_view escapes = "\"\\/bfnrt";
        constexpr std::string_view characters = "\"\\/\b\f\n\r\t";
        ++at_;
        if (const std::size_t at = at_ < text_.size() ? escapes.find(text_[at_]) : std::string_view::npos;
            at != std::string_view::npos) {
            buffer_ += characters[at];
            ++at_;
            return;
        }
        if (at_ == text_.size() || text_[at_] != 'u') fail(at_, "a byte (0x%) that starts no escape after a backslash");
        ++at_;
        std::uint32_t code_point = read_hex4();
        if (code_point >= 0xDC00U && code_point <= 0xDFFFU) {
            fail(at_ - 1, "a \\u escape of a low surrogate (DC00 to DFFF) that follows no high surrogate");
        }
        if (code_point >= 0xD800U && code_point <= 0xDBFFU) {
            for (const char expected : {'\\', 'u'}) {
                if (at_ == text_.size() || text_[at_] != expected) {
                    fail(at_,
                         "a byte (0x%) where the \\u escape of a high surrogate (D800 to DBFF) must be followed by the "
                         "\\u escape of a low one (DC00 to DFFF)");
                }
                ++at_;
            }
            const std::uint32_t low = read_hex4();
            if (low < 0xDC00U || low > 0xDFFFU) {
                fail(at_ - 1,
                     "a \\u escape of a high surrogate (D800 to DBFF) followed by no low surrogate (DC00 to DFFF)");
            }
            code_point = 0x10000U + ((code_point - 0xD800U) << 10U) + (low - 0xDC00U);
        }
        // UTF-8: the lead byte's marker and high bits, then six bits a byte.
        const std::size_t continuations = code_point < 0x80U      ? 0
                                          : code_point < 0x800U   ? 1
                                          : code_point < 0x10000U ? 2
                                                                  : 3;
        constexpr std::array<std::uint32_t, 4> lead_marker{0x00U, 0xC0U, 0xE0U, 0xF0U};
        buffer_ += static_cast<char>(lead_marker[continuations] | (code_point >> (6U * continuations)));
        for (std::size_t shift = continuations; shift-- > 0;) {
            buffer_ += static_cast<char>(0x80U | ((code_point >> (6U * shift)) & 0x3FU));
        }
    }

    // The four hexadecimal digits of a \u escape.
    std::uint32_t read_hex4() {
        std::uint32_t value = 0;
        for (const std::size_t end = at_ + 4; at_ < end; ++at_) {
            const int digit = at_ < text_.size() ? hex_digit_value(text_[at_]) : -1;
            if (digit < 0) fail(at_, "a byte (0x%) where a \\u escape needs a hexadecimal digit");
            value = value * 16 + static_cast<std::uint32_t>(digit);
        }
        return value;
    }

    // A character of more than one byte, from its first byte at at_, as RFC 3629 writes UTF-8: no overlong form, no
    // surrogate, nothing past U+10FFFF.
    void read_utf8(unsigned char lead) {
        std::size_t continuations = 0;
        unsigned low = 0x80U;  // the range of the byte after the lead byte; 0x80 to 0xBF for the others
        unsigned high = 0xBFU;
        if (lead >= 0xC2U && lead <= 0xDFU) {
            continuations = 1;
        } else if (lead >= 0xE0U && lead <= 0xEFU) {
            continuations = 2;
            low = lead == 0xE0U ? 0xA0U : low;
            high = lead == 0xEDU ? 0x9FU : high;
        } else if (lead >= 0xF0U && lead <= 0xF4U) {
            continuations = 3;
            low = lead == 0xF0U ? 0x90U : low;
            high = lead == 0xF4U ? 0x8FU : high;
        } else {
            fail(at_, "a byte (0x%) that no UTF-8 character starts with");
        }
        for (++at_; continuations > 0; --continuations, ++at_) {
            const unsigned byte = at_ < text_.size() ? static_cast<unsigned char>(text_[at_]) : 0U;
            if (byte < low || byte > high) fail(at_, "a byte (0x%) that does not go on the UTF-8 character before it");
            low = 0x80U;
            high = 0xBFU;
        }
    }

    // A token where it cannot stand, stopped at its last byte, as json::parse's parser stops.
    [[noreturn]] KONNECT_MODELS_COLD void unexpected(std::string_view expected) const {
        if (token_ == Token::end) fail(at_, "");  // the end of the text or a NUL byte, which fail() names
        // By Found: its first four.
        static constexpr std::array<std::string_view, 4> scalars{"null", "a boolean", "a number", "a string"};
        const std::string found = token_ == Token::scalar
                                      ? std::string(scalars[static_cast<std::size_t>(found_)])
                                      : fill("'%'", {punctuation.substr(static_cast<std::size_t>(token_), 1)});
        fail(at_ - 1, fill("expected %, found %", {expected, found}));
    }

    // Throws 702: the text stops being JSON at `offset` (the end of the text counting as one byte more). Why, in the
    // library's words and without quoting the text, which may hold the secret: the end of the text, a NUL byte and a
    // control character as such, any other byte by `reason`, whose `%` stands for the byte's code in hexadecimal.
    [[noreturn]] KONNECT_MODELS_COLD void fail(std::size_t offset, std::string_view reason) const {
        std::string why;
        const auto byte = offset < text_.size() ? static_cast<unsigned char>(text_[offset]) : 0U;
        constexpr std::string_view hex_digits = "0123456789ABCDEF";
        const std::string code{hex_digits[byte >> 4U], hex_digits[byte & 0x0FU]};
        if (offset >= text_.size()) {
            why = "the text ends before its JSON value does";
        } else if (byte == 0) {
            why = "a NUL byte, which JSON text cannot contain";
        } else if (byte < 0x20U) {
            why = fill(
                "a control character (U+00%), which JSON allows in strings only escaped, and between tokens only as "
                "tab, line feed or carriage return",
                {code});
        } else {
            why = fill(reason, {code});
        }
        throw one_problem(
            validation_error::malformed_text,
            {"", ProblemKind::malformed_json, fill("malformed JSON at byte offset %: %", {Number(offset), why})});
    }

    std::string_view text_;
    std::size_t at_ = 0;                 // the next byte to read
    Token token_ = Token::end;           // the token read last,
    std::size_t start_ = 0;              // its first byte
    Found found_ = Found::null;          // the scalar read last,
    bool truth_ = false;                 // its value when it is a boolean,
    std::string_view string_;            // and its text when it is a string
    std::string buffer_;                 // a string with escapes, decoded
    WipedOnExit buffer_wiped_{buffer_};  // after buffer_, so that it wipes buffer_ before buffer_ is destroyed
    std::string brackets_;               // the containers open around token_, innermost last: '{' or '['
    Found root_ = Found::null;           // what the root is,
    std::string_view root_text_;         // and its text when it is a string
    Assembler<T> assembler_;
    std::size_t member_ = no_member;  // the schema member whose value comes next
    Json unknown_;                    // the unknown members: null while there are none
    std::vector<Json*> open_;         // the containers built in an unknown member and open, each inside the one before
    std::string key_;                 // the name of the member whose value comes next, where it is built
};
}  // namespace detail

/// Parses JSON text as a T and validates it in one call. Throws validation_error: id 702 with the byte offset where
/// the text is not JSON, id 701 with every problem where it does not match T's schema. It reads what json::parse
/// reads, and finds malformed text where json::parse does, but refuses a NUL byte, which json::parse takes for the
/// end of the text. It builds no DOM but for the members T does not name.
template <typename T>
[[nodiscard]] T parse(std::string_view json_text) {
    return detail::TextReader<T>(json_text).read();
}

/// Parses as above, then wipes the text, whether parsing succeeded or threw: for an HTTP body that holds the secret,
/// handed over with std::move(body). The string is left empty, in its buffer, every byte of which (up to its
/// capacity) is zero. Only an rvalue std::string chooses this overload; other text is left as it is.
template <typename T, typename Text, std::enable_if_t<std::is_same_v<Text, std::string>, int> = 0>
[[nodiscard]] T parse(Text&& json_text) {
    const detail::WipedOnExit wiped(json_text);
    return parse<T>(std::string_view(json_text));
}

// ==== 9. The response ================================================================================================

/// The 201 body of `POST /v3/users/{userId}/access-tokens`: one member per schema property, named like
/// its JSON key. Required non-null members have plain types; the others are std::optional. Its Schema, below,
/// is all the engine needs to decode, validate, encode, parse, print and redact it.
// NOLINTNEXTLINE(bugprone-exception-escape): json() is noexcept; clang-tidy 14 looks inside (llvm-project#54956)
struct PersonalAccessTokenCreateResponse {
    // NOLINTBEGIN(misc-non-private-member-variables-in-classes): an aggregate of the schema's members, which its
    // member functions only read.
    Uuid id;
    Uuid user_id;
    std::string name;
    State state;
    Secret konnect_token;
    std::optional<Uuid> revoked_by;
    Timestamp created_at;
    std::optional<Timestamp> updated_at;  // may be absent, never null
    std::optional<Timestamp> last_used_at;
    std::optional<Timestamp> expires_at;  // always present, maybe null
    std::optional<Timestamp> revoked_at;
    /// The members the schema does not name, kept so that decode -> encode loses nothing:
    /// null (none) or an object.
    nlohmann::json additional_properties;
    // NOLINTEND(misc-non-private-member-variables-in-classes)

    /// konnect::parse<PersonalAccessTokenCreateResponse>: parses and validates JSON text in one call, from anything
    /// that converts to a std::string_view. Throws validation_error: id 702 with the byte offset where the text is
    /// not JSON, id 701 with every problem where it does not match the schema. An rvalue std::string, an HTTP body
    /// handed over with std::move(body), is wiped afterwards, whether parsing succeeded or threw.
    /// (A braced list, `parse({data, size})`, makes a std::string_view.)
    template <typename Text = std::string_view,
              std::enable_if_t<std::is_convertible_v<Text, std::string_view>, int> = 0>
    [[nodiscard]] static PersonalAccessTokenCreateResponse parse(Text&& json_text);

    // The token's lifetime at a moment the caller gives (std::chrono::system_clock::now() for now). None of these
    // throws, whatever the dates: they compare instants as Timestamp's `<` with a time point does.

    /// Whether the token has expired at `now`: from the instant of expires_at on. A null expires_at never expires.
    [[nodiscard]] bool is_expired(std::chrono::system_clock::time_point now) const noexcept;

    /// How long after `now` the token expires: zero or less once it has expired (minus how long ago), nothing when
    /// expires_at is null. Saturates at std::chrono::nanoseconds::max() and min() (about 292 years either way)
    /// rather than overflowing. A leap second counts as the midnight that ends it, so that the duration is above
    /// zero exactly when is_expired(now) is false.
    [[nodiscard]] std::optional<std::chrono::nanoseconds> time_until_expiry(
        std::chrono::system_clock::time_point now) const noexcept;

    /// Whether the token can be used at `now`: its state is ACTIVE (not an unknown state either), it has not
    /// expired, and it names no revocation (neither revoked_at nor revoked_by, whatever their time: a response that
    /// names one describes a revoked token).
    [[nodiscard]] bool is_usable(std::chrono::system_clock::time_point now) const noexcept;
};

/// Kong's schema, in its order (which is also the order members are written in).
template <>
struct Schema<PersonalAccessTokenCreateResponse> {
    using Response = PersonalAccessTokenCreateResponse;
    static constexpr std::string_view name = "PersonalAccessTokenCreateResponse";
    static constexpr auto additional_properties = &Response::additional_properties;

    template <typename Visit>
    static constexpr void members(Visit&& visit) {
        // clang-format off
        visit(member("id",            &Response::id,                Presence::required, Nullability::not_nullable));
        visit(member("user_id",       &Response::user_id,           Presence::required, Nullability::not_nullable));
        visit(member("name",          &Response::name,              Presence::required, Nullability::not_nullable));
        visit(member("state",         &Response::state,             Presence::required, Nullability::not_nullable));
        visit(member("konnect_token", &Response::konnect_token,     Presence::required, Nullability::not_nullable));
        visit(member("revoked_by",    &Response::revoked_by,        Presence::optional, Nullability::nullable));
        visit(member("created_at",    &Response::created_at,        Presence::required, Nullability::not_nullable));
        visit(member("updated_at",    &Response::updated_at,        Presence::optional, Nullability::not_nullable));
        visit(member("last_used_at",  &Response::last_used_at,      Presence::optional, Nullability::nullable));
        visit(member("expires_at",    &Response::expires_at,        Presence::required, Nullability::nullable));
        visit(member("revoked_at",    &Response::revoked_at,        Presence::optional, Nullability::nullable));
        // clang-format on
    }
};

// A template, like every function here that decodes, compares or prints a response: a program compiles what is behind
// each only if it calls it.
template <typename Text, std::enable_if_t<std::is_convertible_v<Text, std::string_view>, int>>
PersonalAccessTokenCreateResponse PersonalAccessTokenCreateResponse::parse(Text&& json_text) {
    return konnect::parse<PersonalAccessTokenCreateResponse>(std::forward<Text>(json_text));
}

namespace detail {
// What the response's plain functions took before they were templates: a class derived from the response, or a
// std::reference_wrapper of one (the response itself takes the operators every model has).
template <typename T>
inline constexpr bool converts_to_response =
    std::is_convertible_v<const T&, const PersonalAccessTokenCreateResponse&> && !is_model<T>;
template <typename A, typename B>
inline constexpr bool compare_as_responses =
    (converts_to_response<A> ||
     converts_to_response<B>)&&std::is_convertible_v<const A&, const PersonalAccessTokenCreateResponse&>&& std::
        is_convertible_v<const B&, const PersonalAccessTokenCreateResponse&>;
}  // namespace detail

template <typename A, typename B, std::enable_if_t<detail::compare_as_responses<A, B>, int> = 0>
bool operator==(const A& a, const B& b) {
    return detail::equal<PersonalAccessTokenCreateResponse>(a, b);
}
template <typename A, typename B, std::enable_if_t<detail::compare_as_responses<A, B>, int> = 0>
bool operator!=(const A& a, const B& b) {
    return !detail::equal<PersonalAccessTokenCreateResponse>(a, b);
}
template <typename R, std::enable_if_t<detail::converts_to_response<R>, int> = 0>
std::ostream& operator<<(std::ostream& os, const R& response) {
    return detail::print<PersonalAccessTokenCreateResponse>(os, response);
}

inline bool PersonalAccessTokenCreateResponse::is_expired(std::chrono::system_clock::time_point now) const noexcept {
    return expires_at && *expires_at <= now;
}

inline std::optional<std::chrono::nanoseconds> PersonalAccessTokenCreateResponse::time_until_expiry(
    std::chrono::system_clock::time_point now) const noexcept {
    if (!expires_at) return std::nullopt;
    return detail::nanoseconds_until(*expires_at, detail::clock_instant(now.time_since_epoch()));
}

inline bool PersonalAccessTokenCreateResponse::is_usable(std::chrono::system_clock::time_point now) const noexcept {
    return state == State::active && !is_expired(now) && !revoked_at && !revoked_by;
}

KONNECT_MODELS_NAMESPACE_END

namespace nlohmann {
/// get<T>() and encoding reach every model's from_json and to_json through here, wherever the model is declared:
/// argument-dependent lookup would not find them for a model outside namespace konnect.
template <typename T>
struct adl_serializer<T, std::enable_if_t<konnect::is_model<T>>> {
    template <typename BasicJsonType>
    static void from_json(const BasicJsonType& j, T& model) {
        konnect::from_json(j, model);
    }
    template <typename BasicJsonType>
    static void to_json(BasicJsonType& j, const T& model) {
        konnect::to_json(j, model);
    }
};
}  // namespace nlohmann

#undef KONNECT_MODELS_COLD

#endif  // KONNECT_PERSONAL_ACCESS_TOKEN_CREATE_RESPONSE_HPP
