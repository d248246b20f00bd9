// konnect::Timestamp: RFC 3339 section 5.6 date-time exactly, its text, its instant, its offset and its JSON form.
#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ratio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace {

using support::InvalidText;
using support::printable;
using support::ValidText;
using Clock = std::chrono::system_clock;

// system_clock counts 64-bit nanoseconds (libstdc++ everywhere): its range is 1677-09-21 to 2262-04-11.
constexpr bool clock_is_64_bit_nanoseconds =
    std::is_same_v<Clock::period, std::nano> && sizeof(Clock::rep) == sizeof(std::int64_t);

// Test data the test knows to be valid; a failure names the text in Catch2's unexpected-exception message.
konnect::Timestamp must_parse(std::string_view text) {
    const std::optional<konnect::Timestamp> parsed = konnect::Timestamp::from_string(text);
    if (!parsed) throw std::invalid_argument("test data does not parse as a Timestamp: " + printable(text));
    return *parsed;
}

// Five times within the leap second that ended 1998, written at three offsets: two tests place them in time.
constexpr std::array<std::string_view, 5> within_the_leap_second_ending_1998{
    "1998-12-31T23:59:60Z", "1998-12-31T23:59:60.5Z", "1998-12-31T15:59:60.123-08:00", "1999-01-01T01:29:60+01:30",
    "1998-12-31T23:59:60.999999999Z"};

// The system_clock time point `seconds` + `nanoseconds` after the epoch, truncated to the clock's tick.
Clock::time_point time_point_of(std::int64_t seconds, std::int64_t nanoseconds = 0) {
    return Clock::time_point(std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(seconds)) +
                             std::chrono::duration_cast<Clock::duration>(std::chrono::nanoseconds(nanoseconds)));
}

// Ticks since the epoch: Catch2 prints these as numbers whatever its chrono support.
Clock::rep ticks(Clock::time_point time_point) { return time_point.time_since_epoch().count(); }

// The message of the std::out_of_range `convert` throws; nothing when it throws nothing.
template <typename Convert>
std::optional<std::string> out_of_range_message(Convert convert) {
    try {
        convert();
    } catch (const std::out_of_range& error) {
        return std::string(error.what());
    }
    return std::nullopt;
}

std::string two_digits(int value) {
    return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

std::string four_digits(int value) { return two_digits(value / 100) + two_digits(value % 100); }

std::string date_text(int year, int month, int day) {
    return four_digits(year) + "-" + two_digits(month) + "-" + two_digits(day);
}

// The Gregorian rule, written out here so that the calendar walk below does not lean on the header's.
bool gregorian_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

// The parser is constexpr.
static_assert(konnect::Timestamp::from_string("2023-01-01T00:00:00.000Z")->unix_seconds() == 1672531200,
              "Kong's timestamp parses in a constant expression");
static_assert(!konnect::Timestamp::from_string("2023-01-01 00:00:00Z").has_value(),
              "a space for T is rejected in a constant expression");
static_assert(std::is_same_v<decltype(konnect::Timestamp().offset()), std::chrono::minutes>,
              "the offset is a std::chrono::minutes");

TEST_CASE("Every RFC 3339 date-time parses and writes back in the canonical form", "[timestamp]") {
    const ValidText row = GENERATE(values<ValidText>({
        {"2023-01-01T00:00:00.000Z", "2023-01-01T00:00:00.000Z", "Kong's example"},
        {"2023-01-01T00:00:00Z", "2023-01-01T00:00:00.000Z", "no fraction"},
        {"2023-01-01t00:00:00z", "2023-01-01T00:00:00.000Z", "lower-case t and z"},
        {"2023-01-01t00:00:00Z", "2023-01-01T00:00:00.000Z", "lower-case t alone"},
        {"2023-01-01T00:00:00z", "2023-01-01T00:00:00.000Z", "lower-case z alone"},
        {"1963-06-19t08:30:06.283185z", "1963-06-19T08:30:06.283185Z", "lower case with a fraction"},
        {"2023-01-01T00:00:00+23:59", "2023-01-01T00:00:00.000+23:59", "offset +23:59"},
        {"2023-01-01T00:00:00-23:59", "2023-01-01T00:00:00.000-23:59", "offset -23:59"},
        {"2023-01-01T00:00:00-00:00", "2023-01-01T00:00:00.000Z", "offset -00:00 (unknown local offset)"},
        {"2023-01-01T00:00:00+00:00", "2023-01-01T00:00:00.000Z", "offset +00:00"},
        {"1937-01-01T12:00:27.87+00:20", "1937-01-01T12:00:27.870+00:20", "offset of minutes only"},
        {"1990-12-31T15:59:50.123-08:00", "1990-12-31T15:59:50.123-08:00", "negative offset with a fraction"},
        {"2023-06-15T12:00:00+05:30", "2023-06-15T12:00:00.000+05:30", "half-hour offset"},
        {"2024-02-29T12:00:00Z", "2024-02-29T12:00:00.000Z", "Feb 29 in 2024"},
        {"2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000Z", "Feb 29 in 2000 (divisible by 400)"},
        {"0400-02-29T00:00:00Z", "0400-02-29T00:00:00.000Z", "Feb 29 in 0400"},
        {"0000-02-29T00:00:00Z", "0000-02-29T00:00:00.000Z", "Feb 29 in 0000"},
        {"0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000Z", "the first instant of year 0000"},
        {"0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z", "year 0001"},
        {"9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z", "the last nanosecond of 9999"},
        {"0000-01-01T00:00:00+23:59", "0000-01-01T00:00:00.000+23:59", "local year 0000 at an instant before it"},
        {"9999-12-31T23:59:59-23:59", "9999-12-31T23:59:59.000-23:59", "local year 9999 at an instant after it"},
        {"1985-04-12T00:59:59.999999999999999Z", "1985-04-12T00:59:59.999999999Z", "fifteen fraction digits"},
        {"1969-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.999999999Z", "the nanosecond before 1970"},
        {"2023-01-31T23:59:59Z", "2023-01-31T23:59:59.000Z", "January 31"},
        {"2023-04-30T23:59:59Z", "2023-04-30T23:59:59.000Z", "April 30"},
        {"2023-12-31T23:59:59Z", "2023-12-31T23:59:59.000Z", "December 31"},
        {"1998-12-31T23:59:60Z", "1998-12-31T23:59:60.000Z", "leap second in UTC"},
        {"1998-12-31T15:59:60.123-08:00", "1998-12-31T15:59:60.123-08:00", "leap second at -08:00"},
        {"1999-01-01T01:29:60+01:30", "1999-01-01T01:29:60.000+01:30", "leap second at +01:30 on the next day"},
        {"1998-12-31T23:59:60-00:00", "1998-12-31T23:59:60.000Z", "leap second at -00:00"},
        {"1999-01-01T13:59:60+14:00", "1999-01-01T13:59:60.000+14:00", "leap second at +14:00"},
    }));
    INFO("input " << printable(row.text) << ": " << row.why);
    const std::optional<konnect::Timestamp> parsed = konnect::Timestamp::from_string(row.text);
    REQUIRE(parsed.has_value());
    CHECK(parsed->to_string() == row.written);
    CHECK(konnect::Timestamp::from_string(parsed->to_string()) == parsed);
}

TEST_CASE("Every text that is not an RFC 3339 date-time is rejected", "[timestamp]") {
    const InvalidText row = GENERATE(values<InvalidText>({
        {"2023-01-01 00:00:00Z", "space instead of T"},
        {"2023-01-01_00:00:00Z", "underscore instead of T"},
        {"2023-01-01X00:00:00Z", "another letter instead of T"},
        {"2023-01-01T00:00:00", "no offset"},
        {"2023-01-01T00:00:00.000", "no offset after a fraction"},
        {"2023-01-01T00:00:00+0100", "offset without a colon"},
        {"2023-01-01T00:00:00+01", "offset without minutes"},
        {"2023-01-01T00:00:00+1:00", "offset hour of one digit"},
        {"2023-01-01T00:00:00+01:0", "offset minute of one digit"},
        {"2023-01-01T00:00:00+01:00:00", "offset with seconds"},
        {"2023-01-01T00:00:00 +01:00", "space before the offset"},
        {"2023-01-01T00:00:00UTC", "UTC spelled out"},
        {"2023-01-01T00:00:00,5Z", "comma as fraction separator"},
        {"2023-01-01T12:00:00.Z", "empty fraction"},
        {"2023-01-01T12:00:00.+01:00", "empty fraction before an offset"},
        {"2023-01-01T12:00:00.1.2Z", "two fractions"},
        {"2023-01-01T12:00.5:00Z", "fraction of a minute"},
        {"2013-350T01:01:01Z", "ordinal date"},
        {"2013-350T01:01:01", "ordinal date without offset"},
        {"2013-W01-1T00:00:00Z", "week date"},
        {"+2020-01-01T00:00:00Z", "signed year +"},
        {"-2020-01-01T00:00:00Z", "signed year -"},
        {"+11963-06-19T08:30:06.283185Z", "extended year"},
        {"12020-01-01T00:00:00Z", "five-digit year"},
        {"23-01-01T00:00:00.000Z", "two-digit year"},
        {"2023-1-01T00:00:00.000Z", "non-padded month"},
        {"2023-01-1T00:00:00.000Z", "non-padded day"},
        {"2023-01-01T0:00:00.000Z", "non-padded hour"},
        {"2023-01-01T00:0:00.000Z", "non-padded minute"},
        {"2023-01-01T00:00:0.000Z", "non-padded second"},
        {"2021-02-29T00:00:00Z", "Feb 29 in 2021"},
        {"1900-02-29T00:00:00Z", "Feb 29 in 1900"},
        {"2100-02-29T00:00:00Z", "Feb 29 in 2100"},
        {"0100-02-29T00:00:00Z", "Feb 29 in 0100"},
        {"2024-02-30T00:00:00Z", "Feb 30 in a leap year"},
        {"1990-02-31T15:59:59.123-08:00", "Feb 31"},
        {"2023-04-31T00:00:00Z", "day 31 in April"},
        {"2023-06-31T00:00:00Z", "day 31 in June"},
        {"2023-09-31T00:00:00Z", "day 31 in September"},
        {"2023-11-31T00:00:00Z", "day 31 in November"},
        {"2023-01-32T00:00:00Z", "day 32 in January"},
        {"2023-00-01T00:00:00Z", "month 00"},
        {"2023-13-01T00:00:00Z", "month 13"},
        {"2023-01-00T00:00:00Z", "day 00"},
        {"2023-01-01T24:00:00Z", "hour 24 as 24:00:00"},
        {"2023-01-01T24:30:00Z", "hour 24"},
        {"2016-12-31T24:59:60+01:00", "hour 24 with a leap second"},
        {"2023-01-01T99:00:00Z", "hour 99"},
        {"1990-12-31T15:60:00Z", "minute 60"},
        {"2023-01-01T00:00:61Z", "second 61"},
        {"1998-12-31T23:59:61Z", "second 61 at a leap second's time"},
        {"2023-01-01T00:00:99Z", "second 99"},
        {"1998-12-31T23:58:60Z", "leap second at the wrong minute"},
        {"1998-12-31T22:59:60Z", "leap second at the wrong hour"},
        {"1998-12-31T23:59:60+01:00", "leap second at 23:59 local that is not 23:59 in UTC"},
        {"1998-12-31T23:59:60-01:00", "leap second at 23:59 local behind UTC"},
        {"1999-01-01T01:29:60+01:00", "leap second at the wrong offset"},
        {"1990-12-31T15:59:59-24:00", "offset -24:00"},
        {"1990-12-31T15:59:59+24:00", "offset +24:00"},
        {"1990-12-31T10:00:00+10:60", "offset minute 60"},
        {"1990-12-31T10:00:00+99:00", "offset hour 99"},
        {"1963-06-19T08:30:06.28123+01:00Z", "Z after an offset"},
        {"2023-01-01T00:00:00ZZ", "two Zs"},
        {"2023-01-01T00:00:00Z+01:00", "an offset after Z"},
        {"1985-04-12T23:20:50Z\n", "trailing newline"},
        {"2023-01-01T00:00:00.000Z\r\n", "trailing CRLF"},
        {" 2023-01-01T00:00:00Z", "leading space"},
        {"2023-01-01T00:00:00Z ", "trailing space"},
        {"2023-01-01T00:00:00+01:00 ", "trailing space after an offset"},
        {"2023-01-01T00:00:00Zx", "a character after Z"},
        {"2023-01-01T00:00:00.000Z0", "a digit after Z"},
        {"2023-01-01T00:00:00+01:00x", "a character after an offset"},
        {std::string_view("2023-01-01T00:00:00Z"
                          "\0",
                          21),
         "NUL byte after Z"},
        {std::string_view("2023-01-01T00:00:00.0"
                          "\0"
                          "0Z",
                          24),
         "NUL byte inside the fraction"},
        {std::string_view("2023-01-01T0"
                          "\0"
                          ":00:00Z",
                          20),
         "NUL byte in place of an hour digit"},
        {std::string_view("2023-01-01"
                          "\0"
                          "00:00:00Z",
                          20),
         "NUL byte in place of T"},
        {"1963-06-1\xe0\xa7\xaaT00:00:00Z", "UTF-8 Bengali four in the date"},
        {"1963-06-11T0\xe0\xa7\xaa:00:00Z", "UTF-8 Bengali four in the time"},
        {"1963-06-11T00:00:00.\xe0\xa7\xaaZ", "UTF-8 Bengali four as the fraction"},
        {"1963-06-11T00:00:00+0\xe0\xa7\xaa:00", "UTF-8 Bengali four in the offset"},
        {"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x93-01-01T00:00:00Z", "UTF-8 fullwidth digits in the year"},
        {"2023-01-0/T00:00:00Z", "the character before 0 as a digit"},
        {"2023-01-0:T00:00:00Z", "the character after 9 as a digit"},
        {"2023\xe2\x80\x93"
         "01-01T00:00:00Z",
         "UTF-8 en dash in the date"},
        {"06/19/1963 08:30:06 PST", "not RFC 3339 at all"},
        {"", "empty string"},
        {"2023-01-01", "date only"},
        {"2023-01-01T", "date and T only"},
        {"00:00:00Z", "time only"},
        {"T00:00:00Z", "T and time only"},
        {"2023-01-01T00:00Z", "no seconds"},
        {"2023-01-01T00:00:00", "exactly nineteen characters"},
        {"Z", "Z only"},
    }));
    INFO("input " << printable(row.text) << ": " << row.why);
    CHECK_FALSE(konnect::Timestamp::from_string(row.text).has_value());
}

TEST_CASE("A timestamp writes the fewest of three six or nine fraction digits that are exact", "[timestamp]") {
    const ValidText row = GENERATE(values<ValidText>({
        {"2023-01-01T00:00:00Z", "2023-01-01T00:00:00.000Z", "no fraction"},
        {"2023-01-01T00:00:00.5Z", "2023-01-01T00:00:00.500Z", "one digit"},
        {"2023-01-01T00:00:00.12Z", "2023-01-01T00:00:00.120Z", "two digits"},
        {"2023-01-01T00:00:00.123Z", "2023-01-01T00:00:00.123Z", "three digits"},
        {"2023-01-01T00:00:00.010Z", "2023-01-01T00:00:00.010Z", "three digits with zeros around"},
        {"2023-01-01T00:00:00.1234Z", "2023-01-01T00:00:00.123400Z", "four digits"},
        {"2023-01-01T00:00:00.123456Z", "2023-01-01T00:00:00.123456Z", "six digits"},
        {"2023-01-01T00:00:00.000001Z", "2023-01-01T00:00:00.000001Z", "one microsecond"},
        {"2023-01-01T00:00:00.0000001Z", "2023-01-01T00:00:00.000000100Z", "a tenth of a microsecond"},
        {"2023-01-01T00:00:00.1234567Z", "2023-01-01T00:00:00.123456700Z", "seven digits"},
        {"2023-01-01T00:00:00.123456789Z", "2023-01-01T00:00:00.123456789Z", "nine digits"},
        {"2023-01-01T00:00:00.000000001Z", "2023-01-01T00:00:00.000000001Z", "one nanosecond"},
        {"2023-01-01T00:00:00.1234567891Z", "2023-01-01T00:00:00.123456789Z", "ten digits truncated"},
        {"2023-01-01T00:00:00.0000000009Z", "2023-01-01T00:00:00.000Z", "less than a nanosecond truncated to zero"},
        {"2023-01-01T00:00:00.999999999999999Z", "2023-01-01T00:00:00.999999999Z", "fifteen nines truncated"},
        {"2023-01-01T00:00:00.000000Z", "2023-01-01T00:00:00.000Z", "six zeros"},
        {"2023-01-01T00:00:00.001000Z", "2023-01-01T00:00:00.001Z", "trailing zeros of a millisecond"},
        {"2023-01-01T00:00:00.000001000Z", "2023-01-01T00:00:00.000001Z", "trailing zeros of a microsecond"},
        {"2023-01-01T00:00:00.5+05:30", "2023-01-01T00:00:00.500+05:30", "one digit before an offset"},
    }));
    INFO("input " << printable(row.text) << ": " << row.why);
    CHECK(must_parse(row.text).to_string() == row.written);
}

TEST_CASE("A timestamp writes upper-case T and Z and the offset it was read with", "[timestamp]") {
    CHECK(must_parse("2023-06-15t12:34:56z").to_string() == "2023-06-15T12:34:56.000Z");
    CHECK(must_parse("2023-06-15T12:34:56+00:00").to_string() == "2023-06-15T12:34:56.000Z");
    CHECK(must_parse("2023-06-15T12:34:56-00:00").to_string() == "2023-06-15T12:34:56.000Z");
    CHECK(must_parse("2023-06-15T12:34:56+05:30").to_string() == "2023-06-15T12:34:56.000+05:30");
    CHECK(must_parse("2023-06-15T12:34:56-08:00").to_string() == "2023-06-15T12:34:56.000-08:00");
    CHECK(must_parse("2023-06-15T12:34:56+00:01").to_string() == "2023-06-15T12:34:56.000+00:01");
    CHECK(must_parse("2023-06-15T12:34:56-00:01").to_string() == "2023-06-15T12:34:56.000-00:01");
}

TEST_CASE("Timestamps in the form Kong writes come back byte for byte", "[timestamp]") {
    for (const std::string_view text : {"2023-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z"}) {
        INFO("input " << printable(text));
        CHECK(must_parse(text).to_string() == text);
        const nlohmann::json j = nlohmann::json(std::string(text)).get<konnect::Timestamp>();
        CHECK(j.get<std::string>() == text);
    }
}

TEST_CASE("A default timestamp is the Unix epoch in UTC", "[timestamp]") {
    const konnect::Timestamp epoch;
    CHECK(epoch.to_string() == "1970-01-01T00:00:00.000Z");
    CHECK(epoch.unix_seconds() == 0);
    CHECK(epoch.nanoseconds() == 0);
    CHECK(epoch.offset().count() == 0);
    CHECK_FALSE(epoch.is_leap_second());
    CHECK(epoch == must_parse("1970-01-01T00:00:00Z"));
    CHECK(ticks(epoch.to_time_point()) == 0);
}

TEST_CASE(
    "The accessors of a timestamp give its Unix seconds its nanoseconds its offset and whether it is a leap second",
    "[timestamp]") {
    struct Row {
        std::string_view text;
        std::int64_t unix_seconds;
        std::uint32_t nanoseconds;
        int offset_minutes;
        bool leap_second;
    };
    const Row row = GENERATE(values<Row>({
        {"2023-01-01T00:00:00Z", 1672531200, 0, 0, false},
        {"2023-01-01T00:00:00.000Z", 1672531200, 0, 0, false},
        {"1970-01-01T01:00:00+01:00", 0, 0, 60, false},
        {"1970-01-01T00:00:00-00:00", 0, 0, 0, false},
        {"1969-12-31T16:00:00.25-08:00", 0, 250000000, -480, false},
        {"1969-12-31T23:59:59.999999999Z", -1, 999999999, 0, false},
        {"1985-04-12T00:59:59.999999999999999Z", 482115599, 999999999, 0, false},
        {"1937-01-01T12:00:27.87+00:20", -1041337173, 870000000, 20, false},
        {"1900-01-01T00:00:00Z", -2208988800, 0, 0, false},
        {"2024-02-29T12:00:00Z", 1709208000, 0, 0, false},
        {"2023-01-01T05:30:00+05:30", 1672531200, 0, 330, false},
        {"2022-12-31T16:00:00-08:00", 1672531200, 0, -480, false},
        {"0000-01-01T00:00:00Z", -62167219200, 0, 0, false},
        {"0000-01-01T00:00:00+23:59", -62167305540, 0, 1439, false},
        {"9999-12-31T23:59:59.999999999Z", 253402300799, 999999999, 0, false},
        {"9999-12-31T23:59:59-23:59", 253402387139, 0, -1439, false},
        {"1998-12-31T23:59:59Z", 915148799, 0, 0, false},
        {"1998-12-31T23:59:60Z", 915148799, 0, 0, true},
        {"1998-12-31T15:59:60.123-08:00", 915148799, 123000000, -480, true},
        {"1999-01-01T01:29:60+01:30", 915148799, 0, 90, true},
    }));
    INFO("input " << printable(row.text));
    const konnect::Timestamp timestamp = must_parse(row.text);
    CHECK(timestamp.unix_seconds() == row.unix_seconds);
    CHECK(timestamp.nanoseconds() == row.nanoseconds);
    CHECK(timestamp.offset().count() == row.offset_minutes);
    CHECK(timestamp.is_leap_second() == row.leap_second);
}

TEST_CASE("A leap second round-trips as second 60 with its offset", "[timestamp]") {
    for (const std::string_view text :
         {"1998-12-31T23:59:60.000Z", "1998-12-31T15:59:60.123-08:00", "1999-01-01T01:29:60.000+01:30",
          "2016-12-31T23:59:60.999999999Z", "1999-01-01T13:59:60.000+14:00"}) {
        INFO("input " << printable(text));
        const konnect::Timestamp leap = must_parse(text);
        CHECK(leap.is_leap_second());
        CHECK(leap.to_string() == text);
        CHECK(konnect::Timestamp::from_string(leap.to_string()) == leap);
    }
}

TEST_CASE("Timestamps are equal only when both the instant and the offset are equal", "[timestamp]") {
    SECTION("one instant written at two offsets is not equal but has one time point") {
        const konnect::Timestamp at_plus_one = must_parse("2023-01-01T01:00:00+01:00");
        const konnect::Timestamp in_utc = must_parse("2023-01-01T00:00:00Z");
        CHECK(at_plus_one != in_utc);
        CHECK_FALSE(at_plus_one == in_utc);
        CHECK(at_plus_one.unix_seconds() == in_utc.unix_seconds());
        CHECK(ticks(at_plus_one.to_time_point()) == ticks(in_utc.to_time_point()));
    }
    SECTION("different spellings of one instant at one offset are equal") {
        const konnect::Timestamp kong = must_parse("2023-01-01T00:00:00.000Z");
        for (const std::string_view text : {"2023-01-01T00:00:00Z", "2023-01-01t00:00:00z", "2023-01-01T00:00:00+00:00",
                                            "2023-01-01T00:00:00-00:00", "2023-01-01T00:00:00.000000000000Z"}) {
            INFO("input " << printable(text));
            CHECK(must_parse(text) == kong);
            CHECK_FALSE(must_parse(text) != kong);
        }
    }
    SECTION("a nanosecond or a leap second makes a difference") {
        CHECK(must_parse("2023-01-01T00:00:00.000000001Z") != must_parse("2023-01-01T00:00:00Z"));
        CHECK(must_parse("1998-12-31T23:59:60Z") != must_parse("1998-12-31T23:59:59Z"));
    }
}

TEST_CASE("Timestamps order by instant before offset", "[timestamp]") {
    SECTION("an earlier instant written with a bigger offset is still less") {
        const konnect::Timestamp earlier = must_parse("2023-01-01T10:00:00+10:00");  // 2023-01-01T00:00:00Z
        const konnect::Timestamp later = must_parse("2023-01-01T00:00:01Z");
        CHECK(earlier < later);
        CHECK(earlier <= later);
        CHECK(later > earlier);
        CHECK(later >= earlier);
        CHECK_FALSE(later < earlier);
        CHECK_FALSE(earlier > later);
    }
    SECTION("an earlier instant written with a smaller offset is still less") {
        const konnect::Timestamp earlier = must_parse("2022-12-31T14:00:00-10:00");  // 2023-01-01T00:00:00Z
        const konnect::Timestamp later = must_parse("2023-01-01T05:00:00.000000001+05:00");
        CHECK(earlier < later);
        CHECK_FALSE(later < earlier);
    }
    SECTION("two writings of one instant are ordered one way but not equal") {
        const konnect::Timestamp a = must_parse("2023-01-01T01:00:00+01:00");
        const konnect::Timestamp b = must_parse("2023-01-01T00:00:00Z");
        CHECK((a < b) != (b < a));
        CHECK((a <= b) != (b <= a));
    }
    SECTION("sorting gives instant order") {
        std::vector<konnect::Timestamp> timestamps;
        for (const std::string_view text : {"2023-01-01T00:00:03Z", "2023-01-01T10:00:02+10:00",
                                            "2022-12-31T14:00:01-10:00", "2023-01-01T00:00:00.5Z"}) {
            timestamps.push_back(must_parse(text));
        }
        std::sort(timestamps.begin(), timestamps.end());
        std::vector<std::int64_t> seconds;
        for (const konnect::Timestamp& timestamp : timestamps)
            seconds.push_back(timestamp.unix_seconds());
        CHECK(seconds == std::vector<std::int64_t>{1672531200, 1672531201, 1672531202, 1672531203});
    }
}

TEST_CASE("A leap second sorts after the last nanosecond of 23:59:59 and before the next midnight", "[timestamp]") {
    const konnect::Timestamp last_nanosecond = must_parse("1998-12-31T23:59:59.999999999Z");
    const konnect::Timestamp midnight = must_parse("1999-01-01T00:00:00Z");
    for (const std::string_view text : within_the_leap_second_ending_1998) {
        INFO("input " << printable(text));
        const konnect::Timestamp leap = must_parse(text);
        CHECK(last_nanosecond < leap);
        CHECK(leap > last_nanosecond);
        CHECK(leap < midnight);
        CHECK(midnight > leap);
    }
    CHECK(must_parse("1998-12-31T23:59:60Z") < must_parse("1998-12-31T23:59:60.5Z"));
}

TEST_CASE("A timestamp converts to a system_clock time point and back", "[timestamp]") {
    struct Row {
        std::string_view text;  // as to_string writes it
        std::int64_t seconds;
        std::int64_t nanoseconds;
    };
    const Row row = GENERATE(values<Row>({
        {"1970-01-01T00:00:00.000Z", 0, 0},
        {"2023-01-01T00:00:00.000Z", 1672531200, 0},
        {"2023-01-01T00:00:00.123456789Z", 1672531200, 123456789},
        {"1969-12-31T23:59:59.999999999Z", -1, 999999999},
        {"1969-12-31T23:59:59.500Z", -1, 500000000},
        {"1900-01-01T00:00:00.250Z", -2208988800, 250000000},
        {"1960-02-29T23:59:59.999999Z", -310435201, 999999000},
        {"1901-12-13T20:45:51.000000001Z", -2147483649, 1},
        {"1700-06-15T12:34:56.789Z", -8506034704, 789000000},
        {"2038-01-19T03:14:08.000000001Z", 2147483648, 1},
        {"2100-03-01T00:00:00.000Z", 4107542400, 0},
    }));
    INFO("input " << printable(row.text));
    const konnect::Timestamp timestamp = must_parse(row.text);
    const Clock::time_point expected = time_point_of(row.seconds, row.nanoseconds);
    CHECK(ticks(timestamp.to_time_point()) == ticks(expected));
    CHECK(ticks(konnect::Timestamp::from_time_point(expected).to_time_point()) == ticks(expected));
    const bool clock_holds_every_digit =
        std::chrono::duration_cast<std::chrono::nanoseconds>(expected.time_since_epoch()) ==
        std::chrono::seconds(row.seconds) + std::chrono::nanoseconds(row.nanoseconds);
    INFO("system_clock ticks are exact to the nanosecond here: " << clock_holds_every_digit);
    if (clock_holds_every_digit) {
        CHECK(konnect::Timestamp::from_time_point(expected) == timestamp);
        CHECK(konnect::Timestamp::from_time_point(expected).to_string() == row.text);
    } else {
        CHECK(konnect::Timestamp::from_time_point(expected).unix_seconds() == row.seconds);
    }
}

TEST_CASE("A time point written at an offset shows the local time at that offset", "[timestamp]") {
    const Clock::time_point new_year = time_point_of(1672531200);  // 2023-01-01T00:00:00Z
    SECTION("minus eight hours is the evening before") {
        const konnect::Timestamp pacific = konnect::Timestamp::from_time_point(new_year, std::chrono::minutes(-480));
        CHECK(pacific.to_string() == "2022-12-31T16:00:00.000-08:00");
        CHECK(pacific.offset().count() == -480);
        CHECK(pacific.unix_seconds() == 1672531200);
        CHECK(ticks(pacific.to_time_point()) == ticks(new_year));
        CHECK(pacific == must_parse("2022-12-31T16:00:00-08:00"));
    }
    SECTION("plus five and a half hours is the same morning") {
        const konnect::Timestamp india = konnect::Timestamp::from_time_point(new_year, std::chrono::minutes(330));
        CHECK(india.to_string() == "2023-01-01T05:30:00.000+05:30");
        CHECK(ticks(india.to_time_point()) == ticks(new_year));
    }
    SECTION("the largest offsets either way") {
        CHECK(konnect::Timestamp::from_time_point(new_year, std::chrono::minutes(1439)).to_string() ==
              "2023-01-01T23:59:00.000+23:59");
        CHECK(konnect::Timestamp::from_time_point(new_year, std::chrono::minutes(-1439)).to_string() ==
              "2022-12-31T00:01:00.000-23:59");
    }
    SECTION("a zero offset writes Z") {
        CHECK(konnect::Timestamp::from_time_point(new_year).to_string() == "2023-01-01T00:00:00.000Z");
        CHECK(konnect::Timestamp::from_time_point(new_year, std::chrono::minutes(0)).to_string() ==
              "2023-01-01T00:00:00.000Z");
    }
    SECTION("a negative time point with a fraction at an offset") {
        const Clock::time_point just_before_1970 = time_point_of(0) - std::chrono::milliseconds(250);
        CHECK(konnect::Timestamp::from_time_point(just_before_1970, std::chrono::minutes(60)).to_string() ==
              "1970-01-01T00:59:59.750+01:00");
    }
}

TEST_CASE("An offset beyond 23 hours and 59 minutes is out of range for from_time_point", "[timestamp]") {
    const Clock::time_point new_year = time_point_of(1672531200);
    for (const std::chrono::minutes offset :
         {std::chrono::minutes(1440), std::chrono::minutes(-1440), std::chrono::minutes(100000),
          std::chrono::minutes(-100000), std::chrono::minutes::max(), std::chrono::minutes::min()}) {
        INFO("offset in minutes " << offset.count());
        CHECK_THROWS_AS(konnect::Timestamp::from_time_point(new_year, offset), std::out_of_range);
    }
    CHECK_NOTHROW(konnect::Timestamp::from_time_point(new_year, std::chrono::minutes(1439)));
    CHECK_NOTHROW(konnect::Timestamp::from_time_point(new_year, std::chrono::minutes(-1439)));
}

TEST_CASE("A leap second converts to the last tick before the next midnight", "[timestamp]") {
    const Clock::time_point last_tick_of_1998 = time_point_of(915148800) - Clock::duration(1);
    for (const std::string_view text : within_the_leap_second_ending_1998) {
        INFO("input " << printable(text));
        CHECK(ticks(must_parse(text).to_time_point()) == ticks(last_tick_of_1998));
    }
    INFO("a leap second just before 1970 converts to one tick before the epoch");
    CHECK(ticks(must_parse("1969-12-31T23:59:60Z").to_time_point()) == -1);
}

TEST_CASE("A timestamp outside the range of system_clock is out of range for to_time_point and names itself",
          "[timestamp]") {
    const std::int64_t clock_max_seconds =
        std::chrono::duration_cast<std::chrono::seconds>(Clock::duration::max()).count();
    const std::int64_t clock_min_seconds =
        std::chrono::duration_cast<std::chrono::seconds>(Clock::duration::min()).count();
    INFO("system_clock holds whole seconds " << clock_min_seconds << " to " << clock_max_seconds);
    for (const std::string_view text : {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
                                        "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:60Z"}) {
        INFO("input " << printable(text));
        const konnect::Timestamp timestamp = must_parse(text);
        const bool outside_clock =
            timestamp.unix_seconds() <= clock_min_seconds || timestamp.unix_seconds() >= clock_max_seconds;
        INFO("outside system_clock's range: " << outside_clock);
        if (outside_clock) {
            const std::optional<std::string> message = out_of_range_message([&] { (void)timestamp.to_time_point(); });
            REQUIRE(message.has_value());
            INFO("message " << *message);
            CHECK(message->find(timestamp.to_string()) != std::string::npos);
        } else {
            CHECK_NOTHROW(timestamp.to_time_point());
        }
    }
    if constexpr (clock_is_64_bit_nanoseconds) {
        SECTION("one nanosecond past either end of 64-bit nanoseconds") {
            for (const std::string_view text : {"2262-04-11T23:47:16.854775808Z", "1677-09-21T00:12:43.145224191Z",
                                                "2262-04-11T23:47:17Z", "1677-09-21T00:12:43Z"}) {
                INFO("input " << printable(text));
                const std::optional<std::string> message =
                    out_of_range_message([&] { (void)must_parse(text).to_time_point(); });
                REQUIRE(message.has_value());
                INFO("message " << *message);
                CHECK(message->find(text.substr(0, 19)) != std::string::npos);
            }
        }
        SECTION("exactly either end of 64-bit nanoseconds") {
            CHECK(ticks(must_parse("2262-04-11T23:47:16.854775807Z").to_time_point()) ==
                  ticks(Clock::time_point::max()));
            CHECK(ticks(must_parse("1677-09-21T00:12:43.145224192Z").to_time_point()) ==
                  ticks(Clock::time_point::min()));
        }
    }
}

TEST_CASE("The ends of the range of system_clock convert to a timestamp and back exactly", "[timestamp]") {
    constexpr std::int64_t first_second_of_0000 = -62167219200;
    constexpr std::int64_t last_second_of_9999 = 253402300799;
    struct End {
        const char* name;
        Clock::time_point time_point;
    };
    for (const End& end : {End{"max", Clock::time_point::max()}, End{"min", Clock::time_point::min()}}) {
        const std::int64_t seconds =
            std::chrono::floor<std::chrono::seconds>(end.time_point.time_since_epoch()).count();
        const bool local_year_in_range =
            seconds >= first_second_of_0000 + 86400 && seconds <= last_second_of_9999 - 86400;
        INFO("time_point::" << end.name << " is " << ticks(end.time_point) << " ticks or " << seconds
                            << " s; local year within 0000-9999 at any offset: " << local_year_in_range);
        if (local_year_in_range) {
            for (const std::chrono::minutes offset :
                 {std::chrono::minutes(0), std::chrono::minutes(-480), std::chrono::minutes(1439)}) {
                INFO("offset in minutes " << offset.count());
                const konnect::Timestamp timestamp = konnect::Timestamp::from_time_point(end.time_point, offset);
                CHECK(ticks(timestamp.to_time_point()) == ticks(end.time_point));
                CHECK(konnect::Timestamp::from_string(timestamp.to_string()) == timestamp);
            }
        } else {
            CHECK_THROWS_AS(konnect::Timestamp::from_time_point(end.time_point), std::out_of_range);
        }
    }
    if constexpr (clock_is_64_bit_nanoseconds) {
        CHECK(konnect::Timestamp::from_time_point(Clock::time_point::max()).to_string() ==
              "2262-04-11T23:47:16.854775807Z");
        CHECK(konnect::Timestamp::from_time_point(Clock::time_point::min()).to_string() ==
              "1677-09-21T00:12:43.145224192Z");
    }
}

TEST_CASE("Every year from 0000 to 9999 keeps its calendar through parsing and writing", "[timestamp]") {
    constexpr std::int64_t day = 86400;
    std::vector<std::string> mismatches;
    std::size_t dates_checked = 0;
    // Parses `date` at midnight UTC, checks it writes back unchanged, and gives its Unix seconds.
    const auto midnight = [&](const std::string& date) -> std::int64_t {
        ++dates_checked;
        const std::string text = date + "T00:00:00.000Z";
        const std::optional<konnect::Timestamp> parsed = konnect::Timestamp::from_string(text);
        if (!parsed) {
            mismatches.push_back(text + " does not parse");
            return 0;
        }
        if (parsed->to_string() != text) mismatches.push_back(text + " writes as " + parsed->to_string());
        // The same midnight at +05:30 is 19800 s earlier and writes its own local date back.
        const std::string local_text = date + "T00:00:00.000+05:30";
        const std::optional<konnect::Timestamp> local = konnect::Timestamp::from_string(local_text);
        if (!local || local->to_string() != local_text || local->unix_seconds() != parsed->unix_seconds() - 19800) {
            mismatches.push_back(local_text + " does not round-trip 19800 s before " + text);
        }
        return parsed->unix_seconds();
    };
    const auto expect_gap = [&](const std::string& what, std::int64_t gap, std::int64_t expected) {
        if (gap != expected) {
            mismatches.push_back(what + ": " + std::to_string(gap) + " s, expected " + std::to_string(expected));
        }
    };

    std::int64_t previous_dec31 = 0;
    std::int64_t previous_jan1 = 0;
    for (int year = 0; year <= 9999; ++year) {
        const bool leap = gregorian_leap_year(year);
        const std::int64_t jan1 = midnight(date_text(year, 1, 1));
        const std::int64_t feb28 = midnight(date_text(year, 2, 28));
        const std::int64_t mar1 = midnight(date_text(year, 3, 1));
        const std::int64_t dec31 = midnight(date_text(year, 12, 31));
        expect_gap(date_text(year, 1, 1) + " to Feb 28", feb28 - jan1, 58 * day);
        expect_gap(date_text(year, 2, 28) + " to Mar 1", mar1 - feb28, (leap ? 2 : 1) * day);
        expect_gap(date_text(year, 1, 1) + " to Dec 31", dec31 - jan1, (leap ? 365 : 364) * day);
        const std::string feb29 = date_text(year, 2, 29);
        if (leap) {
            expect_gap(date_text(year, 2, 28) + " to Feb 29", midnight(feb29) - feb28, day);
        } else if (konnect::Timestamp::from_string(feb29 + "T00:00:00Z")) {
            mismatches.push_back(feb29 + " parses in a common year");
        }
        if (year > 0) {
            expect_gap(date_text(year - 1, 12, 31) + " to the next day", jan1 - previous_dec31, day);
            expect_gap(date_text(year - 1, 1, 1) + " to the next Jan 1", jan1 - previous_jan1,
                       (gregorian_leap_year(year - 1) ? 366 : 365) * day);
        }
        if (year == 0) expect_gap("0000-01-01 Unix seconds", jan1, -62167219200);
        if (year == 1970) expect_gap("1970-01-01 Unix seconds", jan1, 0);
        if (year == 9999) expect_gap("9999-12-31 Unix seconds", dec31, 253402214400);
        previous_dec31 = dec31;
        previous_jan1 = jan1;
    }
    INFO(mismatches.size() << " mismatches; the first: "
                           << (mismatches.empty() ? std::string("none") : mismatches.front()));
    CHECK(mismatches.empty());
    // 4 dates a year, Feb 29 in the 2425 leap years of 0000-9999.
    CHECK(dates_checked == 4 * 10000 + 2425);
}

TEST_CASE("A timestamp reads from a JSON string and writes its canonical JSON string", "[timestamp]") {
    SECTION("get reads any RFC 3339 form") {
        CHECK(nlohmann::json("2023-01-01T00:00:00.000Z").get<konnect::Timestamp>().unix_seconds() == 1672531200);
        CHECK(nlohmann::json("2022-12-31t16:00:00-08:00").get<konnect::Timestamp>() ==
              must_parse("2022-12-31T16:00:00.000-08:00"));
    }
    SECTION("assignment writes the canonical string") {
        const nlohmann::json kong = must_parse("2023-01-01T00:00:00.000Z");
        REQUIRE(kong.is_string());
        CHECK(kong.get<std::string>() == "2023-01-01T00:00:00.000Z");
        const nlohmann::json local = must_parse("2022-12-31t16:00:00.5-08:00");
        CHECK(local.dump() == R"("2022-12-31T16:00:00.500-08:00")");
        const nlohmann::json leap = must_parse("1998-12-31T23:59:60Z");
        CHECK(leap.get<std::string>() == "1998-12-31T23:59:60.000Z");
    }
    SECTION("a timestamp round-trips through JSON text") {
        const konnect::Timestamp timestamp = must_parse("1999-01-01T01:29:60.25+01:30");
        const nlohmann::json j = timestamp;
        CHECK(nlohmann::json::parse(j.dump()).get<konnect::Timestamp>() == timestamp);
    }
}

TEST_CASE("A JSON value that is not a date-time string throws a validation_error with one problem at the root",
          "[timestamp]") {
    SECTION("non-string values are the wrong type") {
        for (const nlohmann::json& value : {nlohmann::json(1672531200), nlohmann::json(13.7), nlohmann::json(false),
                                            nlohmann::json::array({"2023-01-01T00:00:00.000Z"}),
                                            nlohmann::json::object({{"created_at", "2023-01-01T00:00:00.000Z"}})}) {
            INFO("value " << value.dump());
            support::check_one_root_problem_reading<konnect::Timestamp>(value, konnect::ProblemKind::wrong_type);
        }
    }
    SECTION("strings that are not date-times are an invalid format") {
        for (const nlohmann::json& value :
             {nlohmann::json(""), nlohmann::json("2023-01-01 00:00:00Z"), nlohmann::json("2023-01-01T00:00:00.000Z\n"),
              nlohmann::json("yesterday")}) {
            INFO("value " << value.dump());
            support::check_one_root_problem_reading<konnect::Timestamp>(value, konnect::ProblemKind::invalid_format);
        }
    }
    SECTION("the error is catchable as nlohmann::json::exception") {
        CHECK_THROWS_AS(nlohmann::json(0).get<konnect::Timestamp>(), nlohmann::json::exception);
        CHECK_THROWS_AS(nlohmann::json("2023-01-01").get<konnect::Timestamp>(), nlohmann::json::exception);
        CHECK_THROWS_AS(nlohmann::json("2023-01-01").get<konnect::Timestamp>(), konnect::validation_error);
    }
}

TEST_CASE("Timestamp::parse gives the timestamp that from_string gives", "[timestamp]") {
    for (const std::string_view text : {"2023-01-01T00:00:00.000Z", "1998-12-31T15:59:60.123-08:00",
                                        "0000-01-01T00:00:00+23:59", "9999-12-31T23:59:59.999999999Z"}) {
        INFO("input " << printable(text));
        CHECK(konnect::Timestamp::parse(text) == must_parse(text));
    }
}

TEST_CASE("Timestamp::parse and get say what is wrong with a text that is not a date-time and never quote it",
          "[timestamp]") {
    // The text is not quoted beside these reasons, so none repeats a value from it: each names the part at fault.
    const InvalidText row = GENERATE(values<InvalidText>({
        {"2023-01-01 00:00:00Z", "character 11 must be 'T' or 't' (YYYY-MM-DDTHH:MM:SS)"},
        {"+2023-01-01T00:00:00Z", "character 1 must be a digit of the year (YYYY-MM-DDTHH:MM:SS)"},
        {"12023-01-01T00:00:00Z", "character 5 must be '-' (YYYY-MM-DDTHH:MM:SS)"},
        {"2023-1-01T00:00:00.000Z", "character 7 must be a digit of the month (YYYY-MM-DDTHH:MM:SS)"},
        {"2023-01-1T00:00:00.000Z", "character 10 must be a digit of the day (YYYY-MM-DDTHH:MM:SS)"},
        {"2023-01-01T0:00:00.000Z", "character 13 must be a digit of the hour (YYYY-MM-DDTHH:MM:SS)"},
        {"2023-01-01T00:0:00.000Z", "character 16 must be a digit of the minute (YYYY-MM-DDTHH:MM:SS)"},
        {"2023-01-01T00:00:0.000Z", "character 19 must be a digit of the second (YYYY-MM-DDTHH:MM:SS)"},
        {"2023-01-01T00-00:00Z", "character 14 must be ':' (YYYY-MM-DDTHH:MM:SS)"},
        {"2023-01-01T00:00Z", "character 17 must be ':' (YYYY-MM-DDTHH:MM:SS)"},
        {"1963-06-11T0\xe0\xa7\xaa:00:00Z", "character 13 must be a digit of the hour (YYYY-MM-DDTHH:MM:SS)"},
        {"", "a date-time has at least 20 characters (YYYY-MM-DDTHH:MM:SSZ), this has 0"},
        {"2023-01-01", "a date-time has at least 20 characters (YYYY-MM-DDTHH:MM:SSZ), this has 10"},
        {"2023-01-01T00:00:00", "the offset is missing: a date-time ends in Z or +HH:MM or -HH:MM"},
        {"2023-01-01T00:00:00.000", "the offset is missing: a date-time ends in Z or +HH:MM or -HH:MM"},
        {"2023-01-01T12:00:00.Z", "a '.' after the seconds must be followed by digits"},
        {"2023-01-01T00:00:00,5Z", "after the seconds (and a fraction) must come Z or an offset +HH:MM or -HH:MM"},
        {"2023-01-01T00:00:00UTC", "after the seconds (and a fraction) must come Z or an offset +HH:MM or -HH:MM"},
        {"2023-01-01T12:00:00.1.2Z", "after the seconds (and a fraction) must come Z or an offset +HH:MM or -HH:MM"},
        {"2023-01-01T00:00:00+0100", "an offset must be +HH:MM or -HH:MM"},
        {"2023-01-01T00:00:00+01", "an offset must be +HH:MM or -HH:MM"},
        {"2023-01-01T00:00:00-1:00", "an offset must be +HH:MM or -HH:MM"},
        {"1990-12-31T15:59:59+24:00", "an offset's hours must be 00 to 23"},
        {"1990-12-31T10:00:00-10:60", "an offset's minutes must be 00 to 59"},
        {"2023-01-01T00:00:00ZZ", "nothing may follow the offset"},
        {"2023-01-01T00:00:00+01:00:00", "nothing may follow the offset"},
        {"2023-01-01T00:00:00.000Z\r\n", "nothing may follow the offset"},
        {"2023-13-01T00:00:00Z", "the month must be 01 to 12"},
        {"2023-00-01T00:00:00Z", "the month must be 01 to 12"},
        {"2023-02-29T00:00:00Z", "the day must be 01 to the last day of its month"},
        {"2023-04-31T00:00:00Z", "the day must be 01 to the last day of its month"},
        {"2023-01-00T00:00:00Z", "the day must be 01 to the last day of its month"},
        {"2023-01-01T24:00:00Z", "the hour must be 00 to 23"},
        {"2023-01-01T00:60:00Z", "the minute must be 00 to 59"},
        {"2023-01-01T00:00:61Z", "the second must be 00 to 59, or 60 in a leap second"},
        {"1998-12-31T23:58:60Z", "second 60, a leap second, comes only at 23:59:60 UTC"},
        {"1998-12-31T23:59:60+01:00", "second 60, a leap second, comes only at 23:59:60 UTC"},
    }));
    INFO("input " << printable(row.text));
    const konnect::Problem problem =
        support::only_problem_thrown_by([&row] { static_cast<void>(konnect::Timestamp::parse(row.text)); });
    CHECK(problem.pointer.empty());
    CHECK(problem.kind == konnect::ProblemKind::invalid_format);
    CHECK(problem.message ==
          "expected an RFC 3339 date-time string (like 2023-01-01T00:00:00.000Z), found a string of " +
              std::to_string(row.text.size()) + " bytes (not quoted): " + std::string(row.why));
    const auto reading = support::reading_error<konnect::Timestamp>(nlohmann::json(std::string(row.text)));
    REQUIRE(reading.has_value());
    CHECK(reading->problems() == std::vector<konnect::Problem>{problem});
}

TEST_CASE("Equal timestamps hash equal, so unordered sets and maps keep each value once", "[timestamp]") {
    const std::hash<konnect::Timestamp> hash;
    CHECK(hash(must_parse("2023-01-01T00:00:00Z")) == hash(must_parse("2023-01-01t00:00:00.000000z")));
    CHECK(hash(must_parse("2023-01-01T00:00:00-00:00")) == hash(must_parse("2023-01-01T00:00:00+00:00")));

    // One instant written at two offsets, a leap second and the second it follows: four values, each kept once.
    const std::unordered_set<konnect::Timestamp> set{
        must_parse("2023-01-01T00:00:00Z"), must_parse("2023-01-01T01:00:00+01:00"),
        must_parse("2023-01-01T00:00:00.000Z"), must_parse("1998-12-31T23:59:60Z"), must_parse("1998-12-31T23:59:59Z")};
    CHECK(set.size() == 4);
    CHECK(set.count(must_parse("2023-01-01T01:00:00.000+01:00")) == 1);
    CHECK(set.count(must_parse("2023-01-01T00:00:00.001Z")) == 0);

    std::unordered_map<konnect::Timestamp, std::string> names;
    names[must_parse("2024-01-01T00:00:00.000Z")] = "Kong's expiry";
    CHECK(names.at(must_parse("2024-01-01T00:00:00Z")) == "Kong's expiry");
}

// ------------------------------------------------------------------------------------------------
// Comparing with system_clock time points
// ------------------------------------------------------------------------------------------------

namespace {

// `a` compares with the time point `b` as `expected` says: -1 before, 0 the same instant, 1 after; in both orders.
template <typename Duration>
void check_instant_order(const konnect::Timestamp& a, const std::chrono::time_point<Clock, Duration>& b, int expected) {
    INFO("timestamp " << a.to_string() << ", time point of " << b.time_since_epoch().count() << " ticks of "
                      << Duration::period::num << "/" << Duration::period::den << " s; expected "
                      << (expected < 0   ? "before"
                          : expected > 0 ? "after"
                                         : "the same instant"));
    CHECK((a < b) == (expected < 0));
    CHECK((a <= b) == (expected <= 0));
    CHECK((a > b) == (expected > 0));
    CHECK((a >= b) == (expected >= 0));
    CHECK((b > a) == (expected < 0));
    CHECK((b >= a) == (expected <= 0));
    CHECK((b < a) == (expected > 0));
    CHECK((b <= a) == (expected >= 0));
}

template <typename Duration>
using SystemTime = std::chrono::time_point<Clock, Duration>;

// Whether `a == b` compiles: it must not for a Timestamp and a time point.
template <typename A, typename B, typename = void>
constexpr bool equality_compiles = false;
template <typename A, typename B>
constexpr bool equality_compiles<A, B, std::void_t<decltype(std::declval<const A&>() == std::declval<const B&>())>> =
    true;

}  // namespace

static_assert(!equality_compiles<konnect::Timestamp, Clock::time_point> &&
                  !equality_compiles<Clock::time_point, konnect::Timestamp>,
              "a Timestamp's == also compares the offset, which a time point has not: there is no == between them");
static_assert(noexcept(std::declval<const konnect::Timestamp&>() <
                       std::declval<const Clock::time_point&>()) && noexcept(std::declval<const Clock::time_point&>() >=
                                                                             std::declval<const konnect::Timestamp&>()),
              "comparing with a time point never throws");

TEST_CASE("A timestamp compares with the system clock's now by instant", "[timestamp]") {
    const konnect::Timestamp kong_expiry = must_parse("2024-01-01T00:00:00.000Z");
    CHECK(kong_expiry < Clock::now());
    CHECK(must_parse("9999-12-31T23:59:59Z") > Clock::now());
    CHECK(must_parse("0000-01-01T00:00:00Z") < Clock::now());
    const std::optional<konnect::Timestamp> expires_at = kong_expiry;
    CHECK(*expires_at < std::chrono::system_clock::now());
}

TEST_CASE("A timestamp compares by instant with time points of any duration, whatever its offset", "[timestamp]") {
    using std::chrono::duration;
    // 2023-01-01T00:00:00Z is 1672531200 s after the epoch; each timestamp below is written at two offsets.
    for (const std::string_view offset : {"Z", "+05:30"}) {
        const bool utc = offset == "Z";
        const konnect::Timestamp new_year = must_parse(utc ? "2023-01-01T00:00:00Z" : "2023-01-01T05:30:00+05:30");
        const konnect::Timestamp and_a_nanosecond =
            must_parse(utc ? "2023-01-01T00:00:00.000000001Z" : "2023-01-01T05:30:00.000000001+05:30");
        INFO("offset " << offset);
        check_instant_order(new_year, SystemTime<std::chrono::nanoseconds>(std::chrono::seconds(1672531200)), 0);
        check_instant_order(new_year, SystemTime<std::chrono::seconds>(std::chrono::seconds(1672531200)), 0);
        check_instant_order(new_year, SystemTime<std::chrono::minutes>(std::chrono::minutes(27875520)), 0);
        check_instant_order(new_year, SystemTime<std::chrono::hours>(std::chrono::hours(464592)), 0);
        check_instant_order(new_year, SystemTime<duration<double>>(duration<double>(1672531200.0)), 0);
        check_instant_order(new_year, SystemTime<std::chrono::seconds>(std::chrono::seconds(1672531201)), -1);
        check_instant_order(new_year, SystemTime<std::chrono::seconds>(std::chrono::seconds(1672531199)), 1);
        check_instant_order(and_a_nanosecond, SystemTime<std::chrono::seconds>(std::chrono::seconds(1672531200)), 1);
        check_instant_order(and_a_nanosecond, SystemTime<std::chrono::microseconds>(std::chrono::seconds(1672531200)),
                            1);
        check_instant_order(and_a_nanosecond,
                            SystemTime<std::chrono::nanoseconds>(std::chrono::nanoseconds(1672531200000000001)), 0);
        // Ticks of a third of a second, counted in 32 bits, and unsigned ticks.
        using thirds = duration<std::int32_t, std::ratio<1, 3>>;
        check_instant_order(new_year, SystemTime<thirds>(thirds(0)), 1);
        using unsigned_seconds = duration<std::uint64_t>;
        check_instant_order(new_year, SystemTime<unsigned_seconds>(unsigned_seconds(1672531200)), 0);
        check_instant_order(new_year, SystemTime<unsigned_seconds>(unsigned_seconds::max()), -1);
    }
    // Ticks finer than a nanosecond (64-bit picoseconds reach about 106 days from the epoch).
    using picoseconds = duration<std::int64_t, std::pico>;
    const konnect::Timestamp second_and_a_nanosecond = must_parse("1970-01-01T00:00:01.000000001Z");
    check_instant_order(second_and_a_nanosecond, SystemTime<picoseconds>(picoseconds(1'000'000'001'000)), 0);
    check_instant_order(second_and_a_nanosecond, SystemTime<picoseconds>(picoseconds(1'000'000'001'001)), -1);
    check_instant_order(second_and_a_nanosecond, SystemTime<picoseconds>(picoseconds(1'000'000'000'999)), 1);
    check_instant_order(must_parse("1969-12-31T23:59:59.999999999Z"), SystemTime<picoseconds>(picoseconds(-1)), -1);
    check_instant_order(must_parse("1969-12-31T23:59:59.999999999Z"), SystemTime<picoseconds>(picoseconds(-1'001)), 1);
    using attoseconds = duration<std::int64_t, std::atto>;
    check_instant_order(must_parse("1970-01-01T00:00:00.000000001Z"), SystemTime<attoseconds>(attoseconds(1)), 1);
    check_instant_order(konnect::Timestamp(), SystemTime<attoseconds>(attoseconds(1)), -1);
    // Ticks of a third of a second.
    const konnect::Timestamp third = must_parse("1970-01-01T00:00:00.333333333Z");
    using thirds = duration<std::int64_t, std::ratio<1, 3>>;
    check_instant_order(third, SystemTime<thirds>(thirds(1)), -1);
    check_instant_order(must_parse("1970-01-01T00:00:00.333333334Z"), SystemTime<thirds>(thirds(1)), 1);
    check_instant_order(must_parse("1969-12-31T23:59:59.666666666Z"), SystemTime<thirds>(thirds(-1)), -1);
    check_instant_order(must_parse("1969-12-31T23:59:59.666666667Z"), SystemTime<thirds>(thirds(-1)), 1);
}

TEST_CASE("Every timestamp compares with every system_clock time point without throwing", "[timestamp]") {
    // The first and last instants a timestamp can hold lie far outside the range of the clock's own duration.
    const konnect::Timestamp first = must_parse("0000-01-01T00:00:00+23:59");
    const konnect::Timestamp first_in_utc = must_parse("0000-01-01T00:00:00Z");
    const konnect::Timestamp last = must_parse("9999-12-31T23:59:59.999999999-23:59");
    const konnect::Timestamp last_leap_second = must_parse("9999-12-31T23:59:60.999999999Z");
    for (const konnect::Timestamp& early : {first, first_in_utc}) {
        check_instant_order(early, Clock::time_point::min(), -1);
        check_instant_order(early, Clock::time_point::max(), -1);
        check_instant_order(early, Clock::now(), -1);
    }
    for (const konnect::Timestamp& late : {last, last_leap_second, must_parse("9999-12-31T23:59:59Z")}) {
        check_instant_order(late, Clock::time_point::min(), 1);
        check_instant_order(late, Clock::time_point::max(), 1);
    }
    // Seconds since the epoch reach years 0000 and 9999 exactly.
    using Seconds = SystemTime<std::chrono::seconds>;
    check_instant_order(first_in_utc, Seconds(std::chrono::seconds(-62167219200)), 0);
    check_instant_order(first_in_utc, Seconds(std::chrono::seconds(-62167219201)), 1);
    check_instant_order(first, Seconds(std::chrono::seconds(-62167219200 - 1439 * 60)), 0);
    check_instant_order(must_parse("9999-12-31T23:59:59Z"), Seconds(std::chrono::seconds(253402300799)), 0);
    check_instant_order(last_leap_second, Seconds(std::chrono::seconds(253402300799)), 1);
    check_instant_order(last_leap_second, Seconds(std::chrono::seconds(253402300800)), -1);
    check_instant_order(last, Seconds(std::chrono::seconds(253402300799 + 1439 * 60)), 1);
    check_instant_order(last, Seconds(std::chrono::seconds::max()), -1);
    check_instant_order(first, Seconds(std::chrono::seconds::min()), 1);
    using Hours = SystemTime<std::chrono::hours>;
    check_instant_order(last, Hours(std::chrono::hours::max()), -1);
    check_instant_order(first, Hours(std::chrono::hours::min()), 1);
    using Doubles = SystemTime<std::chrono::duration<double>>;
    check_instant_order(last, Doubles(std::chrono::duration<double>(1e300)), -1);
    check_instant_order(first, Doubles(std::chrono::duration<double>(-1e300)), 1);
}

TEST_CASE("A leap second compares after the last tick of the second before it and before the next midnight",
          "[timestamp]") {
    const Clock::time_point midnight = time_point_of(915148800);  // 1999-01-01T00:00:00Z
    for (const std::string_view text : within_the_leap_second_ending_1998) {
        const konnect::Timestamp leap = must_parse(text);
        INFO("input " << printable(text));
        check_instant_order(leap, midnight - Clock::duration(1), 1);
        check_instant_order(leap, midnight, -1);
        check_instant_order(leap, SystemTime<std::chrono::seconds>(std::chrono::seconds(915148799)), 1);
        check_instant_order(leap, SystemTime<std::chrono::seconds>(std::chrono::seconds(915148800)), -1);
        check_instant_order(leap, SystemTime<std::chrono::nanoseconds>(std::chrono::nanoseconds(915148799999999999)),
                            1);
        // to_time_point() maps it to the last tick before midnight, which it follows.
        check_instant_order(leap, leap.to_time_point(), 1);
    }
    check_instant_order(must_parse("1998-12-31T23:59:59.999999999Z"), midnight - Clock::duration(1),
                        clock_is_64_bit_nanoseconds ? 0 : 1);
}
