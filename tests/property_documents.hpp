// Random PersonalAccessTokenCreateResponse documents for the property tests (test_properties.cpp).
//
// A seeded generator writes JSON text with every choice the grammar leaves open (escapes, spacing, member order,
// repeated names) and keeps beside each document what it means, worked out here without the library under test: the
// instant of each date-time from a calendar counted year by year, the bytes of each UUID from the hex digits it wrote,
// the state and every string as the UTF-8 text it stands for, and each unknown member as the nlohmann::json value it
// built. Nothing here calls konnect:: code; the header is included for the names of the state values only.
#ifndef KONNECT_MODELS_TESTS_PROPERTY_DOCUMENTS_HPP
#define KONNECT_MODELS_TESTS_PROPERTY_DOCUMENTS_HPP

#include <konnect/personal_access_token_create_response.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace property {

// ---- Settings: a run is its seed and its number of cases, both overridable from the environment.

inline constexpr std::uint64_t default_seed = 0x4b6f6e6e65637421ULL;  // "Konnect!"
inline constexpr std::uint64_t default_cases = 2000;

inline std::uint64_t setting(const char* name, std::uint64_t fallback) {
    const char* text = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read before any thread starts
    if (text == nullptr || *text == '\0') return fallback;
    char* end = nullptr;
    const auto value = static_cast<std::uint64_t>(std::strtoull(text, &end, 0));
    if (end == nullptr || *end != '\0') throw std::invalid_argument(std::string(name) + " is not a number: " + text);
    return value;
}

/// KONNECT_MODELS_PROPERTY_SEED (decimal, or hexadecimal with 0x), else the fixed default.
inline std::uint64_t seed() { return setting("KONNECT_MODELS_PROPERTY_SEED", default_seed); }

/// KONNECT_MODELS_PROPERTY_CASES, else 2000.
inline std::size_t cases() { return static_cast<std::size_t>(setting("KONNECT_MODELS_PROPERTY_CASES", default_cases)); }

// ---- Random numbers: splitmix64.

class Random {
  public:
    explicit Random(std::uint64_t seed) noexcept : state_(seed) {}

    /// The numbers of case `index` of a run: the same case of the same seed is the same document in every test, and
    /// the streams of different cases start far apart.
    static Random for_case(std::uint64_t seed, std::size_t index) noexcept {
        return Random(mix(seed ^ mix(static_cast<std::uint64_t>(index) + 1)));
    }

    std::uint64_t next() noexcept { return mix(state_ += golden); }

    /// 0 to bound - 1 (bound > 0); the modulo bias is far below what a test can see.
    std::size_t below(std::size_t bound) noexcept { return static_cast<std::size_t>(next() % bound); }

    /// low to high, both included.
    int between(int low, int high) noexcept {
        return low + static_cast<int>(below(static_cast<std::size_t>(high - low) + 1));
    }

    bool one_in(std::size_t n) noexcept { return below(n) == 0; }

    template <typename Container>
    const auto& pick(const Container& items) noexcept {
        return items[below(items.size())];
    }

  private:
    static constexpr std::uint64_t golden = 0x9E3779B97F4A7C15ULL;

    static constexpr std::uint64_t mix(std::uint64_t z) noexcept {
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }

    std::uint64_t state_;
};

// ---- The calendar, counted here year by year and month by month (the header uses closed formulas).

namespace calendar {

inline bool is_leap_year(int year) { return year % 400 == 0 || (year % 4 == 0 && year % 100 != 0); }

inline int days_in_month(int year, int month) {
    if (month == 2) return is_leap_year(year) ? 29 : 28;
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
}

/// Days from 0000-01-01 to January 1 of each year from 0000 to 10000.
inline const std::vector<std::int64_t>& days_before_year() {
    static const std::vector<std::int64_t> table = [] {
        std::vector<std::int64_t> days(10001, 0);
        for (std::size_t year = 1; year < days.size(); ++year) {
            days[year] = days[year - 1] + (is_leap_year(static_cast<int>(year) - 1) ? 366 : 365);
        }
        return days;
    }();
    return table;
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar (years 0000 to 9999).
inline std::int64_t days_since_1970(int year, int month, int day) {
    const auto& before = days_before_year();
    std::int64_t days = before[static_cast<std::size_t>(year)] - before[1970];
    for (int earlier = 1; earlier < month; ++earlier) {
        days += days_in_month(year, earlier);
    }
    return days + day - 1;
}

/// The date `days` after 1970-01-01 (within years 0000 to 9999), found in the table of years and month by month.
struct Date {
    int year;
    int month;
    int day;
};
inline Date date_of(std::int64_t days_since_epoch) {
    const auto& before = days_before_year();
    const std::int64_t days = days_since_epoch + before[1970];
    const auto after = std::upper_bound(before.begin(), before.end(), days);
    const int year = static_cast<int>(after - before.begin()) - 1;
    std::int64_t day_of_year = days - before[static_cast<std::size_t>(year)];
    int month = 1;
    while (day_of_year >= days_in_month(year, month)) {
        day_of_year -= days_in_month(year, month);
        ++month;
    }
    return {year, month, static_cast<int>(day_of_year) + 1};
}

}  // namespace calendar

// ---- Text helpers.

inline std::string utf8(std::uint32_t code_point) {
    std::string bytes;
    if (code_point < 0x80U) {
        bytes += static_cast<char>(code_point);
    } else if (code_point < 0x800U) {
        bytes += static_cast<char>(0xC0U | (code_point >> 6U));
        bytes += static_cast<char>(0x80U | (code_point & 0x3FU));
    } else if (code_point < 0x10000U) {
        bytes += static_cast<char>(0xE0U | (code_point >> 12U));
        bytes += static_cast<char>(0x80U | ((code_point >> 6U) & 0x3FU));
        bytes += static_cast<char>(0x80U | (code_point & 0x3FU));
    } else {
        bytes += static_cast<char>(0xF0U | (code_point >> 18U));
        bytes += static_cast<char>(0x80U | ((code_point >> 12U) & 0x3FU));
        bytes += static_cast<char>(0x80U | ((code_point >> 6U) & 0x3FU));
        bytes += static_cast<char>(0x80U | (code_point & 0x3FU));
    }
    return bytes;
}

/// `value` padded with zeros to `width` digits (value >= 0).
inline std::string digits(std::int64_t value, std::size_t width) {
    std::string text = std::to_string(value);
    return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
}

/// The instant `unix_seconds` + `nanoseconds` written at `offset_minutes` as RFC 3339 (second 60 for a leap second,
/// whose Unix second is 23:59:59 UTC), with all nine fraction digits; nothing when the local date falls outside years
/// 0000 to 9999.
inline std::optional<std::string> written_at(std::int64_t unix_seconds, std::uint32_t nanoseconds, bool leap_second,
                                             int offset_minutes) {
    const std::int64_t local = unix_seconds + std::int64_t{offset_minutes} * 60;
    const std::int64_t days = (local >= 0 ? local : local - 86399) / 86400;
    const std::int64_t second_of_day = local - days * 86400;
    const std::int64_t first_day = -calendar::days_before_year()[1970];
    const std::int64_t last_day = calendar::days_before_year()[10000] - calendar::days_before_year()[1970] - 1;
    if (days < first_day || days > last_day) return std::nullopt;
    const calendar::Date date = calendar::date_of(days);
    const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    return digits(date.year, 4) + "-" + digits(date.month, 2) + "-" + digits(date.day, 2) + "T" +
           digits(second_of_day / 3600, 2) + ":" + digits(second_of_day / 60 % 60, 2) + ":" +
           digits(second_of_day % 60 + (leap_second ? 1 : 0), 2) + "." + digits(nanoseconds, 9) +
           (offset_minutes < 0 ? "-" : "+") + digits(magnitude / 60, 2) + ":" + digits(magnitude % 60, 2);
}

/// Text escaped as a JSON string's contents the plain way: quote, backslash, the five short escapes, other control
/// characters as \u00xx; everything else as it is. The tests look for runs of the token in this form too.
inline std::string json_escaped(std::string_view text) {
    constexpr std::string_view hex = "0123456789abcdef";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (byte < 0x20U) {
                    out += "\\u00";
                    out += hex[byte >> 4U];
                    out += hex[byte & 0x0FU];
                } else {
                    out += c;
                }
        }
    }
    return out;
}

/// A JSON string as a document writes it (quotes included) and the UTF-8 text it stands for.
struct Text {
    std::string written;
    std::string value;
};

/// Which features the generated documents had, by name, to show that every kind of member is generated.
using Coverage = std::map<std::string, std::size_t, std::less<>>;

// ---- What a document means, as the generator built it.

struct ExpectedUuid {
    std::string written;  // the hex digits as written, any case
    std::array<std::uint8_t, 16> bytes{};
    std::string canonical;  // lower case: what encoding writes
};

struct ExpectedTimestamp {
    std::string written;  // as in the document, without quotes
    int year = 0;         // the local fields written
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int offset_minutes = 0;
    std::int64_t unix_seconds = 0;  // a leap second counts as 23:59:59 UTC
    std::uint32_t nanoseconds = 0;  // the first nine fraction digits
    bool leap_second = false;
    std::string canonical;  // what encoding writes: the same local time, 3, 6 or 9 fraction digits, Z for zero
};

struct ExpectedState {
    std::optional<konnect::State::Value> named;  // empty for a state the schema does not name
    std::string text;
};

struct Expected {
    ExpectedUuid id;
    ExpectedUuid user_id;
    std::string name;
    ExpectedState state;
    std::string token;
    std::optional<ExpectedUuid> revoked_by;
    ExpectedTimestamp created_at;
    std::optional<ExpectedTimestamp> updated_at;
    std::optional<ExpectedTimestamp> last_used_at;
    std::optional<ExpectedTimestamp> expires_at;
    std::optional<ExpectedTimestamp> revoked_at;
    nlohmann::json unknown = nlohmann::json::object();  // every member the schema does not name
};

// ---- The document as written.

struct Member {
    std::string key;          // the name it stands for
    std::string written_key;  // as written, quotes and escapes included
    std::string written_value;
    std::string space_before_key;
    std::string space_after_key;
    std::string space_before_value;
    std::string space_after_value;
};

struct Document {
    std::string space_before;
    std::string space_after;
    std::vector<Member> members;

    [[nodiscard]] std::string text() const {
        std::string out = space_before + "{";
        for (std::size_t i = 0; i < members.size(); ++i) {
            const Member& member = members[i];
            if (i != 0) out += ',';
            out += member.space_before_key + member.written_key + member.space_after_key + ':' +
                   member.space_before_value + member.written_value + member.space_after_value;
        }
        return out + "}" + space_after;
    }

    /// Removes every occurrence of `key`.
    void remove(std::string_view key) {
        members.erase(
            std::remove_if(members.begin(), members.end(), [key](const Member& member) { return member.key == key; }),
            members.end());
    }

    /// Gives `key` the value `written_value`: its last occurrence, the one that counts, is changed (earlier ones stay
    /// overridden), or the member is added at the end.
    void set(std::string_view key, std::string written_value) {
        for (auto member = members.rbegin(); member != members.rend(); ++member) {
            if (member->key == key) {
                member->written_value = std::move(written_value);
                return;
            }
        }
        members.push_back({std::string(key), '"' + std::string(key) + '"', std::move(written_value), "", "", "", ""});
    }
};

struct Generated {
    Document document;
    Expected expected;
    std::vector<std::uint32_t> token_code_points;  // the token, for writing runs of it elsewhere
    bool plain = false;  // written as servers write: only schema members, each null or ASCII without escapes
};

/// The members the schema names, in its order, with what each allows.
struct SchemaMember {
    std::string_view key;
    enum class Form { uuid, date_time, string } form;
    bool required;
    bool nullable;
};
inline constexpr std::array<SchemaMember, 11> schema_members{{
    {"id", SchemaMember::Form::uuid, true, false},
    {"user_id", SchemaMember::Form::uuid, true, false},
    {"name", SchemaMember::Form::string, true, false},
    {"state", SchemaMember::Form::string, true, false},
    {"konnect_token", SchemaMember::Form::string, true, false},
    {"revoked_by", SchemaMember::Form::uuid, false, true},
    {"created_at", SchemaMember::Form::date_time, true, false},
    {"updated_at", SchemaMember::Form::date_time, false, false},
    {"last_used_at", SchemaMember::Form::date_time, false, true},
    {"expires_at", SchemaMember::Form::date_time, true, true},
    {"revoked_at", SchemaMember::Form::date_time, false, true},
}};

inline bool is_schema_key(std::string_view key) {
    return std::any_of(schema_members.begin(), schema_members.end(),
                       [key](const SchemaMember& member) { return member.key == key; });
}

// ---- The generator.

class Generator;

/// Writes one JSON string, choosing for each character one of the ways JSON allows, and keeps the text it means.
class StringWriter {
  public:
    /// For `escape_one_in`: every character that may stand as itself does, and no other choice is made.
    static constexpr std::size_t never = 0;

    /// `escape_one_in`: how rarely a character that may stand as itself is written as a \u escape instead.
    StringWriter(Generator& generator, std::size_t escape_one_in) noexcept
        : generator_(generator), escape_one_in_(escape_one_in) {}

    inline void ascii(char c);
    inline void code_point(std::uint32_t code_point);
    /// Valid UTF-8: ASCII bytes one by one as ascii() writes them, other bytes as they are.
    inline void utf8_text(std::string_view text);

    Text done() { return {'"' + written_ + '"', value_}; }

  private:
    inline void u_escape(std::uint32_t unit);

    Generator& generator_;
    std::size_t escape_one_in_;
    std::string written_;
    std::string value_;
};

class Generator {
  public:
    explicit Generator(Random& random_numbers, Coverage* coverage = nullptr) noexcept
        : random(random_numbers), coverage_(coverage) {}

    Random& random;

    void note(std::string_view feature) {
        if (coverage_ == nullptr) return;
        if (const auto found = coverage_->find(feature); found != coverage_->end()) {
            ++found->second;
        } else {
            coverage_->emplace(std::string(feature), 1);
        }
    }

    /// Whitespace between tokens: mostly none.
    std::string spacing() {
        constexpr std::array<std::string_view, 10> spaces{"", "", "", "", "", " ", "\n", "\t", "\r\n", "  \n\t "};
        return std::string(random.pick(spaces));
    }

    /// Any string: printable ASCII mostly, with quotes, backslashes, slashes, control characters, NUL, DEL, BMP and
    /// astral characters, each written as itself or escaped.
    Text any_text(std::size_t max_characters) {
        StringWriter writer(*this, 10);
        const std::size_t count = random.below(max_characters + 1);
        for (std::size_t i = 0; i < count; ++i) {
            any_character(writer);
        }
        return writer.done();
    }

    /// `value` (valid UTF-8) written with random escapes (none in a plain document).
    Text written(std::string_view value, std::size_t escape_one_in = 10) {
        StringWriter writer(*this, escapes(escape_one_in));
        writer.utf8_text(value);
        return writer.done();
    }

    ExpectedUuid uuid() {
        constexpr std::string_view lower = "0123456789abcdef";
        constexpr std::string_view upper = "0123456789ABCDEF";
        ExpectedUuid uuid;
        const std::size_t style = random.below(8);  // 0-3 lower case, 4-5 upper case, 6-7 each digit either case
        const bool nil = random.one_in(50);
        const bool all_ones = !nil && random.one_in(50);
        for (std::size_t i = 0; i < uuid.bytes.size(); ++i) {
            const auto byte = static_cast<std::uint8_t>(nil ? 0U : all_ones ? 0xFFU : random.next() & 0xFFU);
            uuid.bytes[i] = byte;
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                uuid.written += '-';
                uuid.canonical += '-';
            }
            for (const unsigned nibble : {static_cast<unsigned>(byte >> 4U), static_cast<unsigned>(byte & 0x0FU)}) {
                const bool upper_case = style >= 4 && (style < 6 || random.one_in(2));
                uuid.written += (upper_case ? upper : lower)[nibble];
                uuid.canonical += lower[nibble];
            }
        }
        const bool has_lower = uuid.written.find_first_of("abcdef") != std::string::npos;
        const bool has_upper = uuid.written.find_first_of("ABCDEF") != std::string::npos;
        note(has_lower && has_upper ? "UUID in mixed case" : has_upper ? "UUID in upper case" : "UUID in lower case");
        if (nil) note("nil UUID");
        return uuid;
    }

    ExpectedTimestamp timestamp() {
        ExpectedTimestamp t;
        t.year = year();
        t.month = random.between(1, 12);
        const int last_day = calendar::days_in_month(t.year, t.month);
        t.day = random.one_in(5) ? last_day : random.between(1, last_day);
        t.hour = random.one_in(10) ? 23 : random.between(0, 23);
        t.minute = random.one_in(10) ? 59 : random.between(0, 59);
        t.second = random.one_in(10) ? 59 : random.between(0, 59);
        if (t.month == 2 && t.day == 29) note("date-time on February 29");

        std::string offset_text;
        if (random.one_in(3)) {
            constexpr std::array<std::string_view, 6> zero{"Z", "Z", "Z", "z", "+00:00", "-00:00"};
            offset_text = random.pick(zero);
            note("offset " + offset_text);
        } else {
            constexpr std::array<int, 10> notable{1, -1, 1439, -1439, 330, -480, 60, -60, 345, 20};
            t.offset_minutes = random.one_in(3) ? random.pick(notable) : random.between(-1439, 1439);
            if (t.offset_minutes == 0) t.offset_minutes = 1;
            const int magnitude = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
            offset_text =
                (t.offset_minutes < 0 ? "-" : "+") + digits(magnitude / 60, 2) + ":" + digits(magnitude % 60, 2);
            note(t.offset_minutes < 0 ? "negative offset" : "positive offset");
        }

        // A leap second: local time 23:59:60 in UTC, wherever that falls at this offset.
        if (random.one_in(12)) {
            const int minute_of_day = ((23 * 60 + 59 + t.offset_minutes) % 1440 + 1440) % 1440;
            t.hour = minute_of_day / 60;
            t.minute = minute_of_day % 60;
            t.second = 60;
            t.leap_second = true;
            note("leap second");
        }

        std::string fraction;
        if (!random.one_in(3)) {
            const auto count = static_cast<std::size_t>(random.between(1, 15));
            const std::size_t style = random.below(8);  // 0: all nines, 1: all zeros, others any digits
            for (std::size_t i = 0; i < count; ++i) {
                fraction += style == 0 ? '9' : style == 1 ? '0' : static_cast<char>('0' + random.below(10));
            }
        }
        note("fraction of " + std::to_string(fraction.size()) + " digits");
        for (std::size_t i = 0; i < 9; ++i) {
            t.nanoseconds =
                t.nanoseconds * 10U + (i < fraction.size() ? static_cast<std::uint32_t>(fraction[i] - '0') : 0U);
        }

        const char separator = random.one_in(10) ? 't' : 'T';
        if (separator == 't') note("lower-case t");
        const std::string local_date = digits(t.year, 4) + "-" + digits(t.month, 2) + "-" + digits(t.day, 2);
        const std::string local_time = digits(t.hour, 2) + ":" + digits(t.minute, 2) + ":" + digits(t.second, 2);
        t.written = local_date + separator + local_time + (fraction.empty() ? "" : "." + fraction) + offset_text;

        t.unix_seconds = calendar::days_since_1970(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 +
                         std::min(t.second, 59) - std::int64_t{t.offset_minutes} * 60;

        std::string canonical_fraction;
        if (t.nanoseconds % 1'000'000U == 0) {
            canonical_fraction = digits(t.nanoseconds / 1'000'000U, 3);
        } else if (t.nanoseconds % 1'000U == 0) {
            canonical_fraction = digits(t.nanoseconds / 1'000U, 6);
        } else {
            canonical_fraction = digits(t.nanoseconds, 9);
        }
        t.canonical = local_date + "T" + local_time + "." + canonical_fraction +
                      (t.offset_minutes == 0 ? std::string("Z") : offset_text);
        return t;
    }

    /// The token: kpat_ and 49 base62 characters, sometimes with characters JSON escapes or non-ASCII ones.
    Text token(std::vector<std::uint32_t>& code_points) {
        constexpr std::string_view base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        code_points = {'k', 'p', 'a', 't', '_'};
        for (int i = 0; i < 49; ++i) {
            code_points.push_back(static_cast<unsigned char>(random.pick(base62)));
        }
        if (!plain_ && random.one_in(5)) {
            constexpr std::array<std::uint32_t, 9> special{'"', '\\', '\n', 0x01, '/', ' ', 0xE9, 0x4E2D, 0x1F600};
            const int count = random.between(1, 3);
            for (int i = 0; i < count; ++i) {
                code_points[5 + random.below(code_points.size() - 5)] = random.pick(special);
            }
            note("token with characters JSON escapes or non-ASCII ones");
        }
        StringWriter writer(*this, escapes(100));
        for (const std::uint32_t code_point : code_points) {
            writer.code_point(code_point);
        }
        return writer.done();
    }

    /// Writes 9 to 20 characters of the token (at least 9 bytes: a run of eight the library must hide).
    void token_run(StringWriter& writer, const std::vector<std::uint32_t>& token) {
        const std::size_t length = 9 + random.below(12);
        const std::size_t start = random.below(token.size() - length + 1);
        for (std::size_t i = start; i < start + length; ++i) {
            writer.code_point(token[i]);
        }
    }

    Text name(const std::vector<std::uint32_t>& token) {
        StringWriter writer(*this, escapes(10));
        const auto character = [this, &writer] { plain_ ? plain_character(writer) : any_character(writer); };
        const std::size_t before = random.below(20);
        for (std::size_t i = 0; i < before; ++i) {
            character();
        }
        if (random.one_in(10)) {
            token_run(writer, token);
            note("a run of the token in the name");
            const std::size_t after = random.below(5);
            for (std::size_t i = 0; i < after; ++i) {
                character();
            }
        }
        return writer.done();
    }

    std::pair<Text, ExpectedState> state(const std::vector<std::uint32_t>& token) {
        using Value = konnect::State::Value;
        constexpr std::array<std::pair<Value, std::string_view>, 3> named{
            {{Value::active, "ACTIVE"}, {Value::revoked, "REVOKED"}, {Value::expired, "EXPIRED"}}};
        if (random.below(10) < 7) {
            const auto& [value, text] = random.pick(named);
            Text written_text = written(text, 8);
            note(written_text.written.find('\\') == std::string::npos ? "state " + std::string(text)
                                                                      : "state named with escapes");
            return {written_text, {value, std::string(text)}};
        }
        Text unknown;
        switch (plain_ ? 2 * random.below(2) : random.below(4)) {  // a plain document's unknown state is ASCII
            case 0: {
                constexpr std::array<std::string_view, 12> near_misses{
                    "active",           "Active",    "ACTIVE ",        " ACTIVE",        "EXPIRE",    "",
                    "PENDING_APPROVAL", "SUSPENDED", "ACTIVE\xc2\xa0", "\xc3\x89XPIRED", "REVOKED\n", "REVOKED\t"};
                constexpr std::size_t plain_near_misses = 8;  // the first ones: printable ASCII
                unknown = written(near_misses[random.below(plain_ ? plain_near_misses : near_misses.size())]);
                break;
            }
            case 1:
                unknown = written(std::string_view("ACTIVE\0", 7));
                break;
            case 2: {
                StringWriter writer(*this, escapes(10));
                writer.utf8_text("ROTATED_");
                token_run(writer, token);
                unknown = writer.done();
                note("a run of the token in an unknown state");
                break;
            }
            default:
                do {
                    unknown = any_text(12);
                } while (unknown.value == "ACTIVE" || unknown.value == "REVOKED" || unknown.value == "EXPIRED");
        }
        note("unknown state");
        return {unknown, {std::nullopt, unknown.value}};
    }

    /// Any JSON value spanning at most `levels` levels (a container needs two: itself and its elements): the text and
    /// the value it means. Unknown members take 6, so that five containers may nest in them.
    std::pair<std::string, nlohmann::json> any_value(int levels) {
        switch (random.below(levels > 1 ? 12 : 7)) {
            case 0:
                note("unknown null");
                return {"null", nullptr};
            case 1: {
                const bool value = random.one_in(2);
                note("unknown boolean");
                return {value ? "true" : "false", value};
            }
            case 2:
                return integer();
            case 3:
                return floating();
            case 4:
            case 5: {
                Text text = any_text(16);
                note("unknown string");
                return {text.written, text.value};
            }
            case 6:
                if (random.one_in(2)) return integer();
                return floating();
            case 7:
            case 8: {
                std::string text = "[" + spacing();
                nlohmann::json value = nlohmann::json::array();
                const std::size_t count = random.below(4);
                for (std::size_t i = 0; i < count; ++i) {
                    auto [element_text, element] = any_value(levels - 1);
                    text += (i == 0 ? "" : "," + spacing()) + element_text + spacing();
                    value.push_back(std::move(element));
                }
                note(levels == 2 ? "an unknown array five containers deep" : "unknown array");
                return {text + "]", std::move(value)};
            }
            default: {
                std::string text = "{" + spacing();
                nlohmann::json value = nlohmann::json::object();
                const std::size_t count = random.below(4);
                for (std::size_t i = 0; i < count; ++i) {
                    Text key = any_text(6);
                    if (value.contains(key.value)) continue;
                    auto [member_text, member] = any_value(levels - 1);
                    text += (value.empty() ? "" : "," + spacing()) + key.written + spacing() + ":" + spacing() +
                            member_text + spacing();
                    value[key.value] = std::move(member);
                }
                note(levels == 2 ? "an unknown object five containers deep" : "unknown object");
                return {text + "}", std::move(value)};
            }
        }
    }

    /// A name for an unknown member: near misses of the schema's names, names a pointer must escape, or any text.
    Text unknown_key(const std::vector<std::uint32_t>& token) {
        if (random.one_in(20)) {
            StringWriter writer(*this, 10);
            writer.utf8_text("x-");
            token_run(writer, token);
            note("a run of the token in an unknown member's name");
            return writer.done();
        }
        constexpr std::array<std::string_view, 16> near_misses{
            "",          "ID",  "Id", "id ",   " id",    "user-id",     "name2",   "konnect_token_",
            "createdAt", "a/b", "~0", "a~1b~", "_links", "x-kong-meta", "state\n", "revoked_by\t"};
        if (random.one_in(2)) return written(random.pick(near_misses));
        return any_text(10);
    }

    /// A random valid document and its meaning. One in four is plain, as servers write: only the schema's members, each
    /// null or a string of printable ASCII written without escapes, whose strings parse() reads in place. Left to
    /// chance, hardly one document in two hundred would be.
    Generated document() {
        Generated generated;
        generated.plain = plain_ = random.one_in(4);
        if (plain_) note("a plain document");
        Expected& expected = generated.expected;
        std::vector<std::pair<std::string_view, std::string>> values;  // key and written value, in schema order

        const auto uuid_member = [&](std::string_view key, ExpectedUuid& into) {
            into = uuid();
            values.emplace_back(key, '"' + into.written + '"');
        };
        const auto timestamp_member = [&](std::string_view key, ExpectedTimestamp& into) {
            into = timestamp();
            values.emplace_back(key, '"' + into.written + '"');
        };
        // An optional or nullable member: absent, null or present, as the schema allows.
        const auto maybe_timestamp = [&](std::string_view key, std::optional<ExpectedTimestamp>& into,
                                         bool may_be_absent, bool may_be_null) {
            const std::size_t choice = random.below(4);
            if (choice == 0 && may_be_absent) {
                note(std::string(key) + " absent");
            } else if (choice == 1 && may_be_null) {
                values.emplace_back(key, "null");
                note(std::string(key) + " null");
            } else {
                timestamp_member(key, into.emplace());
                note(std::string(key) + " present");
            }
        };

        uuid_member("id", expected.id);
        uuid_member("user_id", expected.user_id);
        Text token_text = token(generated.token_code_points);
        expected.token = token_text.value;
        Text name_text = name(generated.token_code_points);
        expected.name = name_text.value;
        values.emplace_back("name", name_text.written);
        auto [state_text, state_meaning] = state(generated.token_code_points);
        expected.state = state_meaning;
        values.emplace_back("state", state_text.written);
        values.emplace_back("konnect_token", token_text.written);
        switch (random.below(3)) {
            case 0:
                note("revoked_by absent");
                break;
            case 1:
                values.emplace_back("revoked_by", "null");
                note("revoked_by null");
                break;
            default:
                uuid_member("revoked_by", expected.revoked_by.emplace());
                note("revoked_by present");
        }
        timestamp_member("created_at", expected.created_at);
        maybe_timestamp("updated_at", expected.updated_at, true, false);
        maybe_timestamp("last_used_at", expected.last_used_at, true, true);
        maybe_timestamp("expires_at", expected.expires_at, false, true);
        maybe_timestamp("revoked_at", expected.revoked_at, true, true);

        Document& document = generated.document;
        for (const auto& [key, value] : values) {
            // A schema member's name is sometimes written with an escape: it must still be recognised.
            Text key_text = written(key, 60);
            if (key_text.written.find('\\') != std::string::npos) note("a schema member's name with an escape");
            document.members.push_back(
                {std::string(key), key_text.written, value, spacing(), spacing(), spacing(), spacing()});
        }
        const std::size_t unknown_count = plain_ || random.one_in(2) ? 0 : 1 + random.below(3);
        note("unknown members: " + std::to_string(unknown_count));
        for (std::size_t i = 0; i < unknown_count; ++i) {
            Text key = unknown_key(generated.token_code_points);
            if (is_schema_key(key.value) || expected.unknown.contains(key.value)) continue;
            auto [value_text, value] = any_value(6);
            expected.unknown[key.value] = std::move(value);
            document.members.push_back(
                {key.value, key.written, value_text, spacing(), spacing(), spacing(), spacing()});
        }

        // Any order: JSON gives member order no meaning.
        for (std::size_t i = document.members.size(); i > 1; --i) {
            std::swap(document.members[i - 1], document.members[random.below(i)]);
        }
        // A repeated name: an earlier occurrence with any value, even one the schema forbids, is overridden.
        if (random.one_in(plain_ ? 5 : 15)) {
            const std::size_t repeated = random.below(document.members.size());
            Member earlier = document.members[repeated];
            earlier.written_value = plain_ ? plain_value(document) : any_value(3).first;
            document.members.insert(document.members.begin() + static_cast<std::ptrdiff_t>(random.below(repeated + 1)),
                                    std::move(earlier));
            note(plain_ ? "a repeated member name in a plain document" : "a repeated member name");
        }
        document.space_before = spacing();
        document.space_after = spacing();
        return generated;
    }

    /// A printable ASCII character but a quote or a backslash: what a plain document's strings hold.
    void plain_character(StringWriter& writer) {
        char c = 0;
        do {
            c = static_cast<char>(random.between(0x20, 0x7E));
        } while (c == '"' || c == '\\');
        writer.ascii(c);
    }

    /// A value a plain document may hold, for an overridden occurrence of a member: null, another member's value (a
    /// UUID where a date-time goes, say) or short text.
    std::string plain_value(const Document& document) {
        switch (random.below(3)) {
            case 0:
                return "null";
            case 1:
                return random.pick(document.members).written_value;
            default: {
                StringWriter writer(*this, StringWriter::never);
                const std::size_t count = random.below(11);
                for (std::size_t i = 0; i < count; ++i) {
                    plain_character(writer);
                }
                return writer.done().written;
            }
        }
    }

    // Characters for any_text().
    void any_character(StringWriter& writer) {
        constexpr std::array<char, 5> short_escapes{'\b', '\f', '\n', '\r', '\t'};
        constexpr std::array<std::uint32_t, 12> bmp{0xE9,   0xFC,   0x3B1,  0x7FF,  0x800,  0x4E2D,
                                                    0x20AC, 0x2028, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF};
        constexpr std::array<std::uint32_t, 4> astral{0x10000, 0x1D11E, 0x1F600, 0x10FFFF};
        switch (random.below(24)) {
            case 0:
                writer.ascii('"');
                note("a quote in a string");
                break;
            case 1:
                writer.ascii('\\');
                note("a backslash in a string");
                break;
            case 2:
                writer.ascii('/');
                break;
            case 3:
                writer.ascii(random.pick(short_escapes));
                note("a control character with a short escape");
                break;
            case 4:
                writer.ascii(static_cast<char>(random.below(0x20)));
                note("a control character");
                break;
            case 5:
                writer.ascii('\0');
                note("a NUL character");
                break;
            case 6:
            case 7:
                writer.code_point(random.pick(bmp));
                break;
            case 8:
                writer.code_point(random.pick(astral));
                break;
            case 9:
                writer.ascii('\x7f');
                break;
            default:
                writer.ascii(static_cast<char>(random.between(0x20, 0x7E)));
        }
    }

  private:
    int year() {
        constexpr std::array<int, 12> notable{0, 1, 4, 100, 400, 1900, 1969, 1970, 2000, 2100, 2400, 9999};
        switch (random.below(10)) {
            case 0:
                return random.between(0, 9999);
            case 1:
                return random.pick(notable);
            case 2:
                return random.between(1900, 2300);
            default:
                return random.between(2015, 2035);
        }
    }

    std::pair<std::string, nlohmann::json> integer() {
        constexpr auto lowest = std::numeric_limits<std::int64_t>::min();
        constexpr auto highest = std::numeric_limits<std::int64_t>::max();
        switch (random.below(6)) {
            case 0:
                note("unknown integer at the limits of int64");
                return random.one_in(2) ? std::pair{std::to_string(lowest), nlohmann::json(lowest)}
                                        : std::pair{std::to_string(highest), nlohmann::json(highest)};
            case 1: {
                const std::uint64_t value =
                    random.one_in(2) ? std::numeric_limits<std::uint64_t>::max() : random.next() | (1ULL << 63U);
                note("unknown unsigned integer above int64");
                return {std::to_string(value), nlohmann::json(value)};
            }
            case 2:
                note("unknown minus zero");
                return {"-0", nlohmann::json(std::int64_t{0})};
            default: {
                const auto value = static_cast<std::int64_t>(random.next() >> (1 + random.below(63)));  // not negative
                const std::int64_t signed_value = random.one_in(2) ? -value : value;
                note("unknown integer");
                return {std::to_string(signed_value), nlohmann::json(signed_value)};
            }
        }
    }

    // Numbers with a fraction or an exponent whose value a double holds exactly: m / 2^k written as a decimal
    // fraction or as digits with a negative exponent, and m * 10^e written with a positive one.
    std::pair<std::string, nlohmann::json> floating() {
        note("unknown number with a fraction or an exponent");
        if (random.one_in(4)) {
            const int mantissa = random.between(1, 999);
            const int exponent = random.between(0, 5);
            double value = mantissa;
            for (int i = 0; i < exponent; ++i) {
                value *= 10;
            }
            constexpr std::array<std::string_view, 4> markers{"e", "E", "e+", "E+"};
            return {std::to_string(mantissa) + std::string(random.pick(markers)) + std::to_string(exponent), value};
        }
        const int mantissa = random.between(-1'000'000, 1'000'000);
        const int halvings = random.between(0, 10);
        std::int64_t scaled = mantissa < 0 ? -std::int64_t{mantissa} : mantissa;  // |m| * 5^k = |m| / 2^k * 10^k
        for (int i = 0; i < halvings; ++i) {
            scaled *= 5;
        }
        const double value = static_cast<double>(mantissa) / static_cast<double>(std::int64_t{1} << halvings);
        const std::string sign = mantissa < 0 ? "-" : "";
        if (random.one_in(3)) {
            return {sign + std::to_string(scaled) + (random.one_in(2) ? "e-" : "E-") + std::to_string(halvings), value};
        }
        const auto width = static_cast<std::size_t>(halvings);
        std::string text = digits(scaled, width + 1);
        const std::string fraction = width == 0 ? "0" : text.substr(text.size() - width);
        return {sign + text.substr(0, text.size() - width) + "." + fraction, value};
    }

    /// How rarely a string of the document being written puts a \u escape where none is needed: never in a plain one.
    [[nodiscard]] std::size_t escapes(std::size_t one_in) const noexcept {
        return plain_ ? StringWriter::never : one_in;
    }

    Coverage* coverage_;
    bool plain_ = false;  // the document being written is plain
};

// ---- StringWriter, which needs the Generator's random numbers and notes.

inline void StringWriter::u_escape(std::uint32_t unit) {
    constexpr std::string_view lower = "0123456789abcdef";
    constexpr std::string_view upper = "0123456789ABCDEF";
    const std::string_view hex = generator_.random.one_in(2) ? lower : upper;
    written_ += "\\u";
    for (unsigned shift = 12;; shift -= 4) {
        written_ += hex[(unit >> shift) & 0x0FU];
        if (shift == 0) break;
    }
}

inline void StringWriter::ascii(char c) {
    value_ += c;
    const auto byte = static_cast<unsigned char>(c);
    Random& random = generator_.random;
    switch (c) {
        case '"':
            written_ += random.one_in(4) ? "\\u0022" : "\\\"";
            return;
        case '\\':
            written_ += random.one_in(4) ? "\\u005c" : "\\\\";
            return;
        case '/':
            written_ += escape_one_in_ != never && random.one_in(2) ? "\\/" : "/";
            return;
        case '\b':
        case '\f':
        case '\n':
        case '\r':
        case '\t':
            if (!random.one_in(4)) {
                written_ += '\\';
                written_ += c == '\b' ? 'b' : c == '\f' ? 'f' : c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
                return;
            }
            break;
        default:
            if (byte >= 0x20U && (escape_one_in_ == never || !random.one_in(escape_one_in_))) {
                written_ += c;
                return;
            }
    }
    u_escape(byte);
    if (byte >= 0x20U) generator_.note("an ASCII character written as a \\u escape");
}

inline void StringWriter::code_point(std::uint32_t code_point) {
    if (code_point < 0x80U) {
        ascii(static_cast<char>(code_point));
        return;
    }
    value_ += utf8(code_point);
    const bool astral = code_point >= 0x10000U;
    if (escape_one_in_ != never && generator_.random.one_in(3)) {
        if (astral) {
            u_escape(0xD800U + ((code_point - 0x10000U) >> 10U));
            u_escape(0xDC00U + ((code_point - 0x10000U) & 0x3FFU));
        } else {
            u_escape(code_point);
        }
        generator_.note(astral ? "an astral character as a surrogate pair" : "a BMP character as a \\u escape");
    } else {
        written_ += utf8(code_point);
        generator_.note(astral ? "an astral character in raw UTF-8" : "a BMP character in raw UTF-8");
    }
}

inline void StringWriter::utf8_text(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x80U) {
            ascii(c);
        } else {
            value_ += c;
            written_ += c;
        }
    }
}

}  // namespace property

#endif
