// Fuzz target: bytes -> konnect::Uuid::from_string, konnect::Timestamp::from_string and konnect::State::from_string,
// against the README's rules, read by code written here apart from the header, and against their own formatting.
//
// Uuid: read exactly when the text is 8-4-4-4-12 hexadecimal digits; written as the text in lower case, which reads
// back equal. Timestamp: read exactly when the text is an RFC 3339 date-time the README admits; the instant, the
// offset and the leap second are the text's; written at that offset with the fewest exact fraction digits (3, 6 or
// 9), which reads back equal and writes the same text again; to_time_point() is the exact instant (a leap second the
// last tick before midnight) or throws std::out_of_range beyond the clock, and from_time_point() at the same offset
// gives the instant back. from_time_point() is also fed the first ten bytes as a tick count and an offset. State:
// the text comes back unchanged, and only the three schema names are named states.
#include "fuzz_support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <ratio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace {

using fuzz::check;
using fuzz::printable;
using konnect::Timestamp;

// Exact arithmetic on nanoseconds over years 0000-9999, which overflow 64 bits. __extension__ keeps -Wpedantic quiet.
__extension__ using Wide = __int128;

constexpr std::int64_t nanoseconds_per_second = 1'000'000'000;
constexpr int minutes_per_day = 24 * 60;

using Ticks = std::chrono::system_clock::duration;
static_assert(std::is_same_v<Ticks::period, std::nano>, "the tick checks below assume a nanosecond system_clock");

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

void check_uuid(std::string_view text) {
    bool well_formed = text.size() == 36;
    for (std::size_t at = 0; well_formed && at < text.size(); ++at) {
        const bool dash_here = at == 8 || at == 13 || at == 18 || at == 23;
        well_formed = dash_here ? text[at] == '-' : is_hex_digit(text[at]);
    }
    const std::optional<konnect::Uuid> uuid = konnect::Uuid::from_string(text);
    check(uuid.has_value() == well_formed, "a UUID reads exactly when it is 8-4-4-4-12 hexadecimal digits",
          "text: " + printable(text));
    if (!uuid) return;

    std::string lowered(text);
    for (char& c : lowered)
        c = lower(c);
    const std::string written = uuid->to_string();
    check(written == lowered, "a UUID writes the text it was read from in lower case",
          "text: " + printable(text) + "\nwritten: " + printable(written));
    check(konnect::Uuid::from_string(written) == uuid, "a UUID reads back equal from what it writes",
          "written: " + printable(written));
}

// An RFC 3339 date-time as its fields, the second as written (60 for a leap second).
struct DateTime {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::uint32_t nanoseconds = 0;  // the first nine fraction digits
    int offset_minutes = 0;
};

bool read_number(std::string_view text, std::size_t at, std::size_t digits, int& value) {
    value = 0;
    for (std::size_t i = at; i < at + digits; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

bool is_leap_year(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

// The README's rules: YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM), T and Z in either case, a real date, hour
// <= 23, minute <= 59, offsets within 23:59, second 60 only at 23:59 UTC.
std::optional<DateTime> read_date_time(std::string_view text) {
    DateTime t;
    const bool fields = read_number(text, 0, 4, t.year) && text.size() > 19 && text[4] == '-' &&
                        read_number(text, 5, 2, t.month) && text[7] == '-' && read_number(text, 8, 2, t.day) &&
                        (text[10] == 'T' || text[10] == 't') && read_number(text, 11, 2, t.hour) && text[13] == ':' &&
                        read_number(text, 14, 2, t.minute) && text[16] == ':' && read_number(text, 17, 2, t.second);
    if (!fields) return std::nullopt;

    std::size_t at = 19;
    if (text[at] == '.') {
        std::size_t digits = 0;
        for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++digits) {
            if (digits < 9) t.nanoseconds = t.nanoseconds * 10 + static_cast<std::uint32_t>(text[at] - '0');
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 9; ++digits)
            t.nanoseconds *= 10;
    }
    const std::string_view offset = text.substr(at);
    int offset_hours = 0;
    int offset_minutes = 0;
    if (offset == "Z" || offset == "z") {
        t.offset_minutes = 0;
    } else if (offset.size() == 6 && (offset[0] == '+' || offset[0] == '-') &&
               read_number(offset, 1, 2, offset_hours) && offset[3] == ':' &&
               read_number(offset, 4, 2, offset_minutes) && offset_hours <= 23 && offset_minutes <= 59) {
        t.offset_minutes = (offset[0] == '-' ? -1 : 1) * (offset_hours * 60 + offset_minutes);
    } else {
        return std::nullopt;
    }

    constexpr std::array<int, 12> month_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (t.month < 1 || t.month > 12) return std::nullopt;
    const int last_day =
        month_days[static_cast<std::size_t>(t.month - 1)] + (t.month == 2 && is_leap_year(t.year) ? 1 : 0);
    if (t.day < 1 || t.day > last_day || t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
    if (t.second == 60) {
        const int utc_minute =
            ((t.hour * 60 + t.minute - t.offset_minutes) % minutes_per_day + minutes_per_day) % minutes_per_day;
        if (utc_minute != minutes_per_day - 1) return std::nullopt;
    }
    return t;
}

// Days from 0000-01-01, counted by whole years and months (the header converts another way, by eras).
std::int64_t days_from_year_zero(int year, int month, int day) {
    constexpr std::array<int, 12> days_before_month{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    // Year 0 is a leap year, and so is every year the Gregorian rule names after it.
    const std::int64_t leap_years_before = year == 0 ? 0 : (year - 1) / 4 - (year - 1) / 100 + (year - 1) / 400 + 1;
    const int leap_day = month > 2 && is_leap_year(year) ? 1 : 0;
    return std::int64_t{365} * year + leap_years_before + days_before_month[static_cast<std::size_t>(month - 1)] +
           leap_day + day - 1;
}

std::int64_t unix_seconds_of(const DateTime& t) {
    const std::int64_t days = days_from_year_zero(t.year, t.month, t.day) - days_from_year_zero(1970, 1, 1);
    const int second = t.second == 60 ? 59 : t.second;  // a leap second shares 23:59:59's unix second
    return days * 86400 + t.hour * 3600 + t.minute * 60 + second - std::int64_t{t.offset_minutes} * 60;
}

std::string padded(std::int64_t value, std::size_t width) {
    std::string digits = std::to_string(value);
    return std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
}

// What to_string() writes: the text's own date and time (T upper case), 3, 6 or 9 fraction digits, the fewest that
// are exact, and Z for a zero offset.
std::string written_form(std::string_view text, const DateTime& t) {
    std::string written(text.substr(0, 19));
    written[10] = 'T';
    written += '.';
    if (t.nanoseconds % 1'000'000 == 0) {
        written += padded(t.nanoseconds / 1'000'000, 3);
    } else if (t.nanoseconds % 1'000 == 0) {
        written += padded(t.nanoseconds / 1'000, 6);
    } else {
        written += padded(t.nanoseconds, 9);
    }
    if (t.offset_minutes == 0) return written + 'Z';
    const int magnitude = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
    return written + (t.offset_minutes < 0 ? '-' : '+') + padded(magnitude / 60, 2) + ':' + padded(magnitude % 60, 2);
}

void check_time_point_round_trip(const Timestamp& timestamp, const std::string& details) {
    // A leap second is the last tick before midnight.
    const Wide nanoseconds =
        Wide{timestamp.unix_seconds()} * nanoseconds_per_second +
        (timestamp.is_leap_second() ? nanoseconds_per_second - 1 : std::int64_t{timestamp.nanoseconds()});
    const bool fits = nanoseconds >= Wide{Ticks::min().count()} && nanoseconds <= Wide{Ticks::max().count()};
    std::chrono::system_clock::time_point instant;
    try {
        instant = timestamp.to_time_point();
    } catch (const std::out_of_range&) {
        check(!fits, "to_time_point() throws only beyond the clock's range", details);
        return;
    }
    check(fits && Wide{instant.time_since_epoch().count()} == nanoseconds, "to_time_point() is the exact instant",
          details + "\nticks: " + std::to_string(instant.time_since_epoch().count()));

    // Within the local years 0000-9999 at that offset, as the timestamp was: from_time_point() must not throw.
    const Timestamp back = Timestamp::from_time_point(instant, timestamp.offset());
    const std::string back_details = details + "\nfrom_time_point(): " + printable(back.to_string());
    if (timestamp.is_leap_second()) {
        check(back.unix_seconds() == timestamp.unix_seconds() && back.nanoseconds() == nanoseconds_per_second - 1 &&
                  !back.is_leap_second() && back.offset() == timestamp.offset(),
              "a leap second comes back from its time point as the last tick of 23:59:59", back_details);
    } else {
        check(back == timestamp, "from_time_point(to_time_point()) at the same offset is the same timestamp",
              back_details);
    }
}

void check_timestamp(std::string_view text) {
    const std::optional<DateTime> fields = read_date_time(text);
    const std::optional<Timestamp> timestamp = Timestamp::from_string(text);
    check(timestamp.has_value() == fields.has_value(), "a date-time reads exactly when the README's rules admit it",
          "text: " + printable(text) + (fields ? " admitted" : " not admitted"));
    if (!timestamp) return;

    const std::string written = timestamp->to_string();
    const std::string details = "text: " + printable(text) + "\nwritten: " + printable(written);
    check(timestamp->unix_seconds() == unix_seconds_of(*fields) && timestamp->nanoseconds() == fields->nanoseconds &&
              timestamp->offset() == std::chrono::minutes(fields->offset_minutes) &&
              timestamp->is_leap_second() == (fields->second == 60),
          "a timestamp holds the instant, offset and leap second of its text",
          details + "\nunix seconds " + std::to_string(timestamp->unix_seconds()) + ", expected " +
              std::to_string(unix_seconds_of(*fields)));
    check(written == written_form(text, *fields),
          "a timestamp writes its own date and time at its offset with the fewest exact fraction digits",
          details + "\nexpected: " + printable(written_form(text, *fields)));
    const std::optional<Timestamp> again = Timestamp::from_string(written);
    check(again == timestamp, "a timestamp reads back equal from what it writes", details);
    check(again->to_string() == written, "a timestamp read back writes the same text", details);
    check_time_point_round_trip(*timestamp, details);
}

// from_time_point() on any tick count and offset: it throws std::out_of_range exactly for an offset beyond 23:59
// (every tick of a nanosecond clock lies within the years 0000-9999 at any offset), and otherwise gives the
// instant back, and text that reads back equal.
void check_from_time_point(std::string_view bytes) {
    std::int64_t count = 0;
    std::int16_t raw_offset = 0;
    if (bytes.size() < sizeof count + sizeof raw_offset) return;
    std::memcpy(&count, bytes.data(), sizeof count);
    std::memcpy(&raw_offset, bytes.data() + sizeof count, sizeof raw_offset);
    const int offset_minutes = raw_offset % 1500;  // mostly within +-23:59, sometimes not
    const std::chrono::system_clock::time_point instant{Ticks(count)};
    const std::string details =
        "ticks: " + std::to_string(count) + "\noffset minutes: " + std::to_string(offset_minutes);

    std::optional<Timestamp> timestamp;
    try {
        timestamp = Timestamp::from_time_point(instant, std::chrono::minutes(offset_minutes));
    } catch (const std::out_of_range&) {
        check(offset_minutes < -(minutes_per_day - 1) || offset_minutes > minutes_per_day - 1,
              "from_time_point() throws only for an offset beyond 23:59", details);
        return;
    }
    check(offset_minutes >= -(minutes_per_day - 1) && offset_minutes <= minutes_per_day - 1,
          "from_time_point() throws for an offset beyond 23:59", details);
    const std::string written = timestamp->to_string();
    const Wide floor_seconds =
        (Wide{count} - (count % nanoseconds_per_second + nanoseconds_per_second) % nanoseconds_per_second) /
        nanoseconds_per_second;
    check(Wide{timestamp->unix_seconds()} == floor_seconds &&
              Wide{timestamp->unix_seconds()} * nanoseconds_per_second + timestamp->nanoseconds() == Wide{count} &&
              timestamp->offset() == std::chrono::minutes(offset_minutes) && !timestamp->is_leap_second(),
          "from_time_point() holds the instant and the offset", details + "\nwritten: " + printable(written));
    check(timestamp->to_time_point() == instant, "to_time_point(from_time_point()) is the same instant",
          details + "\nwritten: " + printable(written));
    check(Timestamp::from_string(written) == timestamp, "a timestamp from a time point reads back from its text",
          details + "\nwritten: " + printable(written));
}

void check_state(std::string_view text) {
    const konnect::State state = konnect::State::from_string(text);
    check(state.to_string() == text, "a state writes the text it was read from", "text: " + printable(text));
    const bool named = text == "ACTIVE" || text == "REVOKED" || text == "EXPIRED";
    check(state.is_unknown() != named, "only ACTIVE, REVOKED and EXPIRED are named states", "text: " + printable(text));
    if (named) {
        check(konnect::State(static_cast<konnect::State::Value>(state)) == state,
              "a named state is the state of its value", "text: " + printable(text));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    check_uuid(text);
    check_timestamp(text);
    check_state(text);
    check_from_time_point(text);
    return 0;
}
