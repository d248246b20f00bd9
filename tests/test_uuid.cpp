// konnect::Uuid: exactly the 8-4-4-4-12 form, its bytes, its order, its hash and its JSON form.
#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace {

using support::InvalidText;
using support::printable;
using support::ValidText;

// Parses text the test knows to be valid; the nil UUID stands in for a failure, which the checks then show.
konnect::Uuid parse_or_nil(std::string_view text) { return konnect::Uuid::from_string(text).value_or(konnect::Uuid()); }

}  // namespace

// The parser is constexpr: a UUID literal can be checked at compile time.
static_assert(konnect::Uuid::from_string("2eb8aa08-aa98-11ea-b4aa-73b441d16380").has_value(),
              "a well-formed UUID parses in a constant expression");
static_assert(!konnect::Uuid::from_string("{2eb8aa08-aa98-11ea-b4aa-73b441d16380}").has_value(),
              "a braced UUID is rejected in a constant expression");
static_assert(konnect::Uuid::from_string("2EB8AA08-AA98-11EA-B4AA-73B441D16380")->bytes()[0] == 0x2E,
              "the bytes of a parsed UUID are available in a constant expression");
static_assert(konnect::Uuid::from_string("00000000-0000-0000-0000-000000000000")->is_nil(),
              "the nil UUID is nil in a constant expression");

TEST_CASE("A UUID parsed in a constant expression equals the same UUID parsed at run time", "[uuid]") {
    constexpr std::optional<konnect::Uuid> at_compile_time =
        konnect::Uuid::from_string("98d80576-482e-427f-8434-7f86890ab222");
    constexpr bool braces_rejected = !konnect::Uuid::from_string("{98d80576-482e-427f-8434-7f86890ab222}");
    REQUIRE(at_compile_time.has_value());
    CHECK(*at_compile_time == parse_or_nil("98d80576-482e-427f-8434-7f86890ab222"));
    CHECK(at_compile_time->to_string() == "98d80576-482e-427f-8434-7f86890ab222");
    CHECK(braces_rejected);
}

TEST_CASE("Every 8-4-4-4-12 hexadecimal UUID parses in any case and any version and writes back in lower case",
          "[uuid]") {
    const ValidText row = GENERATE(values<ValidText>({
        {"2eb8aa08-aa98-11ea-b4aa-73b441d16380", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "all lower case"},
        {"2EB8AA08-AA98-11EA-B4AA-73B441D16380", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "all upper case"},
        {"2eb8aa08-AA98-11ea-B4Aa-73B441D16380", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "mixed case"},
        {"00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000", "the nil UUID"},
        {"ffffffff-ffff-ffff-ffff-ffffffffffff", "ffffffff-ffff-ffff-ffff-ffffffffffff", "the max UUID"},
        {"FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "ffffffff-ffff-ffff-ffff-ffffffffffff", "the max UUID upper case"},
        {"01234567-89ab-cdef-0123-456789abcdef", "01234567-89ab-cdef-0123-456789abcdef", "every hex digit"},
        {"01234567-89AB-CDEF-0123-456789ABCDEF", "01234567-89ab-cdef-0123-456789abcdef", "every upper-case digit"},
        {"c232ab00-9414-11ec-b3c8-9e6bdeced846", "c232ab00-9414-11ec-b3c8-9e6bdeced846", "version 1"},
        {"000003e8-9414-21ec-b300-325096b39f47", "000003e8-9414-21ec-b300-325096b39f47", "version 2"},
        {"5df41881-3aed-3515-88a7-2f4a814cf09e", "5df41881-3aed-3515-88a7-2f4a814cf09e", "version 3"},
        {"98d80576-482e-427f-8434-7f86890ab222", "98d80576-482e-427f-8434-7f86890ab222", "version 4"},
        {"99c17cbb-656f-564a-940f-1a4568f03487", "99c17cbb-656f-564a-940f-1a4568f03487", "version 5"},
        {"1ec9414c-232a-6b00-b3c8-9e6bdeced846", "1ec9414c-232a-6b00-b3c8-9e6bdeced846", "version 6"},
        {"017f22e2-79b0-7cc3-98c4-dc0c0c07398f", "017f22e2-79b0-7cc3-98c4-dc0c0c07398f", "version 7"},
        {"320c3d4d-cc00-875b-8ec9-32d5f69181c0", "320c3d4d-cc00-875b-8ec9-32d5f69181c0", "version 8"},
        {"99c17cbb-656f-f64a-940f-1a4568f03487", "99c17cbb-656f-f64a-940f-1a4568f03487", "version 15"},
        {"2eb8aa08-aa98-11ea-04aa-73b441d16380", "2eb8aa08-aa98-11ea-04aa-73b441d16380", "NCS variant nibble 0"},
        {"2eb8aa08-aa98-11ea-c4aa-73b441d16380", "2eb8aa08-aa98-11ea-c4aa-73b441d16380", "Microsoft variant c"},
        {"2eb8aa08-aa98-11ea-f4aa-73b441d16380", "2eb8aa08-aa98-11ea-f4aa-73b441d16380", "reserved variant f"},
        {"83f8380e-7798-4566-99e3-2edf2b57d289", "83f8380e-7798-4566-99e3-2edf2b57d289", "Kong's example id"},
    }));
    INFO("input " << printable(row.text) << ": " << row.why);
    const std::optional<konnect::Uuid> parsed = konnect::Uuid::from_string(row.text);
    REQUIRE(parsed.has_value());
    CHECK(parsed->to_string() == row.written);
    CHECK(konnect::Uuid::from_string(parsed->to_string()) == parsed);
}

TEST_CASE("Every UUID text that is not exactly 8-4-4-4-12 ASCII hexadecimal digits is rejected", "[uuid]") {
    const InvalidText row = GENERATE(values<InvalidText>({
        {"{2eb8aa08-aa98-11ea-b4aa-73b441d16380}", "braces"},
        {"(2eb8aa08-aa98-11ea-b4aa-73b441d16380)", "parentheses"},
        {"urn:uuid:2eb8aa08-aa98-11ea-b4aa-73b441d16380", "urn:uuid: prefix"},
        {" 2eb8aa08-aa98-11ea-b4aa-73b441d16380", "leading space"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d16380 ", "trailing space"},
        {"\t2eb8aa08-aa98-11ea-b4aa-73b441d16380", "leading tab"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d16380\n", "trailing newline"},
        {" eb8aa08-aa98-11ea-b4aa-73b441d16380", "a space in place of the first digit keeps the length"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d1638 ", "a space in place of the last digit keeps the length"},
        {"2eb8aa08aa9811eab4aa73b441d16380", "no dashes"},
        {"2eb8aa08aa98-11ea-b4aa73b441d16380", "too few dashes"},
        {"2eb8aa08aa9811eab4aa73b441d16380----", "dashes at the end keep the length"},
        {"2eb8aa08a-a98-11ea-b4aa-73b441d16380", "first dash moved one to the right"},
        {"2eb8aa0-8aa98-11ea-b4aa-73b441d16380", "first dash moved one to the left"},
        {"2eb8aa08-aa981-1ea-b4aa-73b441d16380", "second dash moved"},
        {"2eb8aa08-aa98-11eab-4aa-73b441d16380", "third dash moved"},
        {"2eb8aa08-aa98-11ea-b4aa7-3b441d16380", "fourth dash moved"},
        {"2eb8aa0-8aa98-11e-ab4aa7-3b441d16380", "every dash shifted"},
        {"2eb8-aa08-aa98-11ea-b4aa73b441d16380", "four dashes all in the wrong places"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d1-380", "too many dashes at the right length"},
        {"2eb8-aa08-aa98-11ea-b4aa73b44-1d16380", "too many dashes"},
        {"2eb8aa08-aa98-11ea-73b441d16380", "a group missing"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d1638", "one digit short"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d163800", "one digit too many"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d16380-", "a trailing dash"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d16380-2eb8aa08", "two UUIDs run together"},
        {"2eb8aa08-aa98-11ea-b4ga-73b441d16380", "non-hex letter g"},
        {"2eb8aa08-aa98-11ea-b4Ga-73b441d16380", "non-hex letter G"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d1_380", "underscore in place of a digit"},
        {"/eb8aa08-aa98-11ea-b4aa-73b441d16380", "the character before 0"},
        {":eb8aa08-aa98-11ea-b4aa-73b441d16380", "the character after 9"},
        {"@eb8aa08-aa98-11ea-b4aa-73b441d16380", "the character before A"},
        {"`eb8aa08-aa98-11ea-b4aa-73b441d16380", "the character before a"},
        {"+eb8aa08-aa98-11ea-b4aa-73b441d16380", "a plus sign as strtoul would accept"},
        {"0x2eb8aa-aa98-11ea-b4aa-73b441d16380", "a 0x prefix"},
        {"2eb8aa08\xe2\x80\x93"
         "98-11ea-b4aa-73b441d16380",
         "a UTF-8 en dash in place of a dash and two digits keeps the length"},
        {"\xe0\xa7\xa8"
         "eb8aa08-aa98-11ea-b4aa-73b441d16380",
         "a UTF-8 Bengali digit two in place of a digit"},
        {"\xe0\xa7\xa8"
         "8aa08-aa98-11ea-b4aa-73b441d16380",
         "a UTF-8 Bengali digit two in place of three digits keeps the length"},
        {"\xef\xbc\x92"
         "8aa08-aa98-11ea-b4aa-73b441d16380",
         "a UTF-8 fullwidth digit two in place of three digits keeps the length"},
        {std::string_view("2eb8aa08-aa98-11ea-b4aa-73b441d1"
                          "\0"
                          "380",
                          36),
         "a NUL byte in place of a digit"},
        {std::string_view("2eb8aa08-aa98-11ea-b4aa-73b441d1638"
                          "\0",
                          36),
         "a NUL byte in place of the last digit"},
        {std::string_view("2eb8aa08-aa98-11ea-b4aa-73b441d16380"
                          "\0",
                          37),
         "a NUL byte after a complete UUID"},
        {std::string_view("2eb8aa08"
                          "\0"
                          "aa98-11ea-b4aa-73b441d16380",
                          36),
         "a NUL byte in place of a dash"},
        {"", "empty string"},
        {"------------------------------------", "only dashes at the right length"},
        {"        -    -    -    -            ", "only spaces and dashes at the right length"},
    }));
    INFO("input " << printable(row.text) << ": " << row.why);
    CHECK_FALSE(konnect::Uuid::from_string(row.text).has_value());
}

TEST_CASE("A mixed-case UUID comes back from to_string in lower case", "[uuid]") {
    const konnect::Uuid uuid = parse_or_nil("2EB8aa08-Aa98-11eA-b4AA-73b441D16380");
    CHECK(uuid.to_string() == "2eb8aa08-aa98-11ea-b4aa-73b441d16380");
}

TEST_CASE("The bytes of a parsed UUID are its sixteen hexadecimal pairs in order", "[uuid]") {
    SECTION("A UUID from the JSON Schema Test Suite") {
        const konnect::Uuid::bytes_type expected{0x2e, 0xb8, 0xaa, 0x08, 0xaa, 0x98, 0x11, 0xea,
                                                 0xb4, 0xaa, 0x73, 0xb4, 0x41, 0xd1, 0x63, 0x80};
        CHECK(parse_or_nil("2eb8aa08-aa98-11ea-b4aa-73b441d16380").bytes() == expected);
        CHECK(parse_or_nil("2EB8AA08-AA98-11EA-B4AA-73B441D16380").bytes() == expected);
    }
    SECTION("Every byte value position by position") {
        const konnect::Uuid::bytes_type expected{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                                 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
        const konnect::Uuid uuid = parse_or_nil("00112233-4455-6677-8899-AaBbCcDdEeFf");
        for (std::size_t i = 0; i < expected.size(); ++i) {
            INFO("byte " << i);
            CHECK(int{uuid.bytes()[i]} == int{expected[i]});
        }
    }
    SECTION("A UUID built from bytes writes them as 8-4-4-4-12 text") {
        const konnect::Uuid uuid(konnect::Uuid::bytes_type{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc,
                                                           0xba, 0x98, 0x76, 0x54, 0x32, 0x10});
        CHECK(uuid.to_string() == "01234567-89ab-cdef-fedc-ba9876543210");
        CHECK(parse_or_nil(uuid.to_string()) == uuid);
    }
}

TEST_CASE("Only the all-zero UUID is nil", "[uuid]") {
    CHECK(konnect::Uuid().is_nil());
    CHECK(konnect::Uuid().to_string() == "00000000-0000-0000-0000-000000000000");
    CHECK(parse_or_nil("00000000-0000-0000-0000-000000000000").is_nil());
    CHECK(konnect::Uuid(konnect::Uuid::bytes_type{}).is_nil());
    for (const std::string_view text :
         {"00000000-0000-0000-0000-000000000001", "80000000-0000-0000-0000-000000000000",
          "00000000-0000-0001-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"}) {
        INFO("input " << printable(text));
        const std::optional<konnect::Uuid> parsed = konnect::Uuid::from_string(text);
        REQUIRE(parsed.has_value());
        CHECK_FALSE(parsed->is_nil());
    }
}

TEST_CASE("UUIDs compare equal exactly when their bytes are equal whatever the letter case", "[uuid]") {
    const konnect::Uuid lower = parse_or_nil("2eb8aa08-aa98-11ea-b4aa-73b441d16380");
    const konnect::Uuid upper = parse_or_nil("2EB8AA08-AA98-11EA-B4AA-73B441D16380");
    const konnect::Uuid last_byte_differs = parse_or_nil("2eb8aa08-aa98-11ea-b4aa-73b441d16381");
    const konnect::Uuid first_byte_differs = parse_or_nil("3eb8aa08-aa98-11ea-b4aa-73b441d16380");
    CHECK(lower == upper);
    CHECK_FALSE(lower != upper);
    CHECK(lower != last_byte_differs);
    CHECK_FALSE(lower == last_byte_differs);
    CHECK(lower != first_byte_differs);
    CHECK_FALSE(lower == first_byte_differs);
}

TEST_CASE("UUIDs order like their lower-case text", "[uuid]") {
    // Pairs that differ in the first byte, the last byte, a digit against a letter, and by case alone.
    const std::vector<std::string_view> texts{
        "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000001",
        "00000000-0000-0000-0000-00000000000A", "00000000-0000-0000-0000-000000000009",
        "0000000a-0000-0000-0000-000000000000", "00000009-0000-0000-0000-000000000000",
        "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "2EB8AA08-AA98-11EA-B4AA-73B441D16380",
        "2eb8aa08-aa98-11ea-b4aa-73b441d16381", "2eb8aa08-AA98-11ea-b4aa-73b441d16379",
        "7fffffff-ffff-ffff-ffff-ffffffffffff", "80000000-0000-0000-0000-000000000000",
        "F0000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "83f8380e-7798-4566-99e3-2edf2b57d289", "84f8380e-7798-4566-99e3-2edf2b57d288",
    };
    for (const std::string_view a_text : texts) {
        for (const std::string_view b_text : texts) {
            const konnect::Uuid a = parse_or_nil(a_text);
            const konnect::Uuid b = parse_or_nil(b_text);
            const std::string a_lower = a.to_string();
            const std::string b_lower = b.to_string();
            INFO("a " << printable(a_text) << " b " << printable(b_text));
            CHECK((a < b) == (a_lower < b_lower));
            CHECK((a > b) == (a_lower > b_lower));
            CHECK((a <= b) == (a_lower <= b_lower));
            CHECK((a >= b) == (a_lower >= b_lower));
            CHECK((a == b) == (a_lower == b_lower));
            CHECK((a != b) == (a_lower != b_lower));
        }
    }
}

TEST_CASE("Sorting UUIDs gives the order of their sorted lower-case text", "[uuid]") {
    std::vector<konnect::Uuid> uuids;
    for (const std::string_view text :
         {"ffffffff-ffff-ffff-ffff-ffffffffffff", "2EB8AA08-AA98-11EA-B4AA-73B441D16380",
          "00000000-0000-0000-0000-000000000000", "9fffffff-ffff-ffff-ffff-ffffffffffff",
          "a0000000-0000-0000-0000-000000000000", "2eb8aa08-aa98-11ea-b4aa-73b441d1638f"}) {
        uuids.push_back(parse_or_nil(text));
    }
    std::vector<std::string> texts;
    for (const konnect::Uuid& uuid : uuids)
        texts.push_back(uuid.to_string());
    std::sort(uuids.begin(), uuids.end());
    std::sort(texts.begin(), texts.end());
    std::vector<std::string> sorted_uuids_as_text;
    for (const konnect::Uuid& uuid : uuids)
        sorted_uuids_as_text.push_back(uuid.to_string());
    CHECK(sorted_uuids_as_text == texts);
}

TEST_CASE("Equal UUIDs hash equal and an unordered_set holds each UUID once", "[uuid]") {
    const konnect::Uuid lower = parse_or_nil("2eb8aa08-aa98-11ea-b4aa-73b441d16380");
    const konnect::Uuid upper = parse_or_nil("2EB8AA08-AA98-11EA-B4AA-73B441D16380");
    const konnect::Uuid other = parse_or_nil("84f8380e-7798-4566-99e3-2edf2b57d288");
    REQUIRE(lower == upper);
    CHECK(std::hash<konnect::Uuid>{}(lower) == std::hash<konnect::Uuid>{}(upper));

    std::unordered_set<konnect::Uuid> set;
    CHECK(set.insert(lower).second);
    CHECK_FALSE(set.insert(upper).second);
    CHECK(set.insert(other).second);
    CHECK(set.insert(konnect::Uuid()).second);
    CHECK(set.size() == 3);
    CHECK(set.count(upper) == 1);
    CHECK(set.count(parse_or_nil("84F8380E-7798-4566-99E3-2EDF2B57D288")) == 1);
    CHECK(set.count(parse_or_nil("84f8380e-7798-4566-99e3-2edf2b57d289")) == 0);
}

TEST_CASE("A UUID reads from a JSON string and writes a lower-case JSON string", "[uuid]") {
    SECTION("get reads any letter case") {
        CHECK(nlohmann::json("2EB8AA08-AA98-11EA-B4AA-73B441D16380").get<konnect::Uuid>() ==
              parse_or_nil("2eb8aa08-aa98-11ea-b4aa-73b441d16380"));
        CHECK(nlohmann::json("00000000-0000-0000-0000-000000000000").get<konnect::Uuid>().is_nil());
    }
    SECTION("assignment writes the lower-case string") {
        const nlohmann::json j = parse_or_nil("2EB8aa08-AA98-11ea-B4AA-73b441d16380");
        REQUIRE(j.is_string());
        CHECK(j.get<std::string>() == "2eb8aa08-aa98-11ea-b4aa-73b441d16380");
        CHECK(j.dump() == R"("2eb8aa08-aa98-11ea-b4aa-73b441d16380")");
    }
    SECTION("a UUID round-trips through JSON text") {
        const konnect::Uuid uuid = parse_or_nil("83f8380e-7798-4566-99e3-2edf2b57d289");
        const nlohmann::json j = uuid;
        CHECK(nlohmann::json::parse(j.dump()).get<konnect::Uuid>() == uuid);
    }
}

TEST_CASE("A JSON value that is not a UUID string throws a validation_error with one problem at the root", "[uuid]") {
    SECTION("non-string values are the wrong type") {
        for (const nlohmann::json& value : {nlohmann::json(42), nlohmann::json(13.7), nlohmann::json(true),
                                            nlohmann::json::array({"2eb8aa08-aa98-11ea-b4aa-73b441d16380"}),
                                            nlohmann::json::object({{"id", "2eb8aa08-aa98-11ea-b4aa-73b441d16380"}})}) {
            INFO("value " << value.dump());
            support::check_one_root_problem_reading<konnect::Uuid>(value, konnect::ProblemKind::wrong_type);
        }
    }
    SECTION("strings that are not UUIDs are an invalid format") {
        for (const nlohmann::json& value :
             {nlohmann::json(""), nlohmann::json("{2eb8aa08-aa98-11ea-b4aa-73b441d16380}"),
              nlohmann::json("2eb8aa08-aa98-11ea-b4aa-73b441d16380\n"), nlohmann::json("not a uuid")}) {
            INFO("value " << value.dump());
            support::check_one_root_problem_reading<konnect::Uuid>(value, konnect::ProblemKind::invalid_format);
        }
    }
    SECTION("null is reported as null rather than as the wrong type") {
        support::check_one_root_problem_reading<konnect::Uuid>(nlohmann::json(nullptr),
                                                               konnect::ProblemKind::null_not_allowed);
    }
    SECTION("the error is catchable as nlohmann::json::exception") {
        CHECK_THROWS_AS(nlohmann::json(42).get<konnect::Uuid>(), nlohmann::json::exception);
        CHECK_THROWS_AS(nlohmann::json("2eb8aa08").get<konnect::Uuid>(), nlohmann::json::exception);
        CHECK_THROWS_AS(nlohmann::json("2eb8aa08").get<konnect::Uuid>(), konnect::validation_error);
    }
}

TEST_CASE("Uuid::parse gives the UUID that from_string gives", "[uuid]") {
    for (const std::string_view text : {"2eb8aa08-aa98-11ea-b4aa-73b441d16380", "2EB8AA08-AA98-11EA-B4AA-73B441D16380",
                                        "00000000-0000-0000-0000-000000000000"}) {
        INFO("input " << printable(text));
        CHECK(konnect::Uuid::parse(text) == parse_or_nil(text));
    }
}

TEST_CASE("Uuid::parse and get say by position what is wrong with a text that is not a UUID and never quote it",
          "[uuid]") {
    struct Row {
        std::string_view text;
        std::string_view reason;
    };
    const Row row = GENERATE(values<Row>({
        {"2eb8aa08-aa98-11ea-b4aa-73b441d1638", "a UUID has 36 characters, this has 35"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d163800", "a UUID has 36 characters, this has 37"},
        {"", "a UUID has 36 characters, this has 0"},
        {"{2eb8aa08-aa98-11ea-b4aa-73b441d16380}", "a UUID has 36 characters, this has 38"},
        {"2eb8aa08aa98-11ea-b4aa-73b441d16380a", "character 9 must be '-'"},
        {"2eb8aa08-aa98-11ea-b4aa_73b441d16380", "character 24 must be '-'"},
        {"g2b8aa08-aa98-11ea-b4aa-73b441d16380", "character 1 must be a hexadecimal digit"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d1638G", "character 36 must be a hexadecimal digit"},
        {"2eb8aa0-8aa98-11ea-b4aa-73b441d16380", "character 8 must be a hexadecimal digit"},
        {"2eb8aa08-aa98-11ea-b4aa-73b441d163\xc3\xa9", "character 35 must be a hexadecimal digit"},
        {std::string_view("2eb8aa08-aa98-11ea-b4aa-73b441d1638\0", 36), "character 36 must be a hexadecimal digit"},
    }));
    INFO("input " << printable(row.text));
    const konnect::Problem problem =
        support::only_problem_thrown_by([&row] { static_cast<void>(konnect::Uuid::parse(row.text)); });
    CHECK(problem.pointer.empty());
    CHECK(problem.kind == konnect::ProblemKind::invalid_format);
    CHECK(problem.message == "expected a UUID string (8-4-4-4-12 hexadecimal digits), found a string of " +
                                 std::to_string(row.text.size()) + " bytes (not quoted): " + std::string(row.reason));
    const auto reading = support::reading_error<konnect::Uuid>(nlohmann::json(std::string(row.text)));
    REQUIRE(reading.has_value());
    CHECK(reading->problems() == std::vector<konnect::Problem>{problem});
}
