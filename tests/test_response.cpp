// The whole response: decoding Kong's body, encoding it back, optional and unknown members, member order,
// equality, and what encoding refuses.
#include "catch.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using Response = konnect::PersonalAccessTokenCreateResponse;
using support::problems_text;

konnect::Uuid uuid(std::string_view text) { return konnect::Uuid::from_string(text).value(); }
konnect::Timestamp timestamp(std::string_view text) { return konnect::Timestamp::from_string(text).value(); }

std::vector<std::string> keys_in_order(const nlohmann::ordered_json& object) {
    std::vector<std::string> keys;
    for (const auto& member : object.items())
        keys.push_back(member.key());
    return keys;
}

}  // namespace

TEST_CASE("The Kong example decodes with every member set to the value it carries", "[response]") {
    const nlohmann::json document = documents::kong_example();
    INFO("document: " << document.dump());
    const auto response = document.get<Response>();

    CHECK(response.id == uuid("83f8380e-7798-4566-99e3-2edf2b57d289"));
    CHECK(response.user_id == uuid("84f8380e-7798-4566-99e3-2edf2b57d288"));
    CHECK(response.name == "Development Token");
    CHECK(response.state == konnect::State(konnect::State::active));
    CHECK(response.konnect_token.reveal() == documents::kong_example_token);
    CHECK_FALSE(response.revoked_by.has_value());
    CHECK(response.created_at == timestamp("2023-01-01T00:00:00.000Z"));
    CHECK(response.created_at.unix_seconds() == std::int64_t{1672531200});
    REQUIRE(response.updated_at.has_value());
    CHECK(*response.updated_at == timestamp("2023-01-01T00:00:00.000Z"));
    CHECK_FALSE(response.last_used_at.has_value());
    REQUIRE(response.expires_at.has_value());
    CHECK(*response.expires_at == timestamp("2024-01-01T00:00:00.000Z"));
    CHECK(response.expires_at->unix_seconds() == std::int64_t{1704067200});
    CHECK_FALSE(response.revoked_at.has_value());
    CHECK(response.additional_properties.empty());
}

TEST_CASE("The Kong example encodes back to equal JSON with its timestamps written unchanged", "[response]") {
    const nlohmann::json document = documents::kong_example();
    const nlohmann::json encoded = document.get<Response>();
    INFO("document: " << document.dump() << "\nencoded:  " << encoded.dump());

    CHECK(encoded == document);
    const std::vector<std::pair<std::string, std::string>> timestamps{{"created_at", "2023-01-01T00:00:00.000Z"},
                                                                      {"updated_at", "2023-01-01T00:00:00.000Z"},
                                                                      {"expires_at", "2024-01-01T00:00:00.000Z"}};
    for (const auto& [key, text] : timestamps) {
        INFO("member: " << key);
        REQUIRE(encoded.contains(key));
        CHECK(encoded.at(key) == text);
    }
}

TEST_CASE("A null expires_at decodes to nothing and is written back as a null member", "[response]") {
    const nlohmann::json document = documents::with_member("expires_at", nullptr);
    INFO("document: " << document.dump());
    const auto response = document.get<Response>();
    CHECK_FALSE(response.expires_at.has_value());

    const nlohmann::json encoded = response;
    INFO("encoded: " << encoded.dump());
    REQUIRE(encoded.contains("expires_at"));
    CHECK(encoded.at("expires_at").is_null());
    CHECK(encoded == document);
}

TEST_CASE("Optional members that are absent or null decode to nothing and are left out when encoding", "[response]") {
    struct OptionalMember {
        std::string key;
        bool nullable;
        std::function<bool(const Response&)> is_set;
    };
    const std::vector<OptionalMember> optional_members{
        {"revoked_by", true, [](const Response& response) { return response.revoked_by.has_value(); }},
        {"updated_at", false, [](const Response& response) { return response.updated_at.has_value(); }},
        {"last_used_at", true, [](const Response& response) { return response.last_used_at.has_value(); }},
        {"revoked_at", true, [](const Response& response) { return response.revoked_at.has_value(); }}};

    for (const auto& member : optional_members) {
        std::vector<nlohmann::json> documents{documents::without_member(member.key)};
        if (member.nullable) documents.push_back(documents::with_member(member.key, nullptr));
        for (const auto& document : documents) {
            INFO("member: " << member.key << "\ndocument: " << document.dump());
            const auto response = document.get<Response>();
            CHECK_FALSE(member.is_set(response));

            const nlohmann::json encoded = response;
            INFO("encoded: " << encoded.dump());
            CHECK_FALSE(encoded.contains(member.key));
            CHECK(encoded == documents::without_member(member.key));
        }
    }
}

TEST_CASE("Optional members that are present decode to their values and round trip", "[response]") {
    nlohmann::json document = documents::kong_example();
    document["state"] = "REVOKED";
    document["revoked_by"] = "5f9fd312-a987-4628-b4c5-bb4f4fddd5f7";
    document["last_used_at"] = "2023-06-01T12:34:56.789+02:00";
    document["revoked_at"] = "2023-07-01T08:00:00.000Z";
    INFO("document: " << document.dump());

    const auto response = document.get<Response>();
    CHECK(response.revoked_by == uuid("5f9fd312-a987-4628-b4c5-bb4f4fddd5f7"));
    REQUIRE(response.last_used_at.has_value());
    CHECK(*response.last_used_at == timestamp("2023-06-01T12:34:56.789+02:00"));
    REQUIRE(response.revoked_at.has_value());
    CHECK(*response.revoked_at == timestamp("2023-07-01T08:00:00.000Z"));
    REQUIRE(response.updated_at.has_value());
    CHECK(*response.updated_at == timestamp("2023-01-01T00:00:00.000Z"));

    const nlohmann::json encoded = response;
    INFO("encoded: " << encoded.dump());
    CHECK(encoded == document);
}

TEST_CASE("Unknown members of every JSON shape are kept in additional_properties and written back", "[response]") {
    const nlohmann::json unknown = nlohmann::json::parse(R"({
        "a_number": 42, "a_negative_number": -7, "a_float": 2.5,
        "a_nested_object": {"outer": {"inner": [1, {"x": null}]}}, "an_empty_object": {},
        "an_array": [1, "two", null, true, {"k": "v"}], "an_empty_array": [],
        "a_null": null, "a_string": "text", "an_empty_string": "", "a_true": true, "a_false": false})");
    nlohmann::json document = documents::kong_example();
    for (const auto& member : unknown.items())
        document[member.key()] = member.value();
    INFO("document: " << document.dump());

    const auto response = document.get<Response>();
    INFO("additional_properties: " << response.additional_properties.dump());
    CHECK(response.additional_properties == unknown);
    const nlohmann::json encoded = response;
    INFO("encoded: " << encoded.dump());
    CHECK(encoded == document);
    for (const auto& member : unknown.items()) {
        INFO("unknown member: " << member.key());
        REQUIRE(encoded.contains(member.key()));
        CHECK(encoded.at(member.key()) == member.value());
    }
}

TEST_CASE("Each state decodes to its value and an unknown state keeps its exact text when written back", "[response]") {
    const std::vector<std::pair<std::string, konnect::State::Value>> states{
        {"ACTIVE", konnect::State::active},   {"REVOKED", konnect::State::revoked},
        {"EXPIRED", konnect::State::expired}, {"PENDING", konnect::State::unknown},
        {"active", konnect::State::unknown},  {"", konnect::State::unknown}};
    for (const auto& [text, value] : states) {
        const nlohmann::json document = documents::with_member("state", text);
        INFO("document: " << document.dump());
        const auto response = document.get<Response>();
        CHECK(response.state == value);
        CHECK(response.state.is_unknown() == (value == konnect::State::unknown));
        CHECK(response.state.to_string() == text);

        const nlohmann::json encoded = response;
        INFO("encoded: " << encoded.dump());
        CHECK(encoded == document);
    }
}

TEST_CASE("Encoding writes the schema members in schema order and then the unknown members", "[response]") {
    SECTION("with every member set") {
        nlohmann::json document = documents::kong_example();
        document["revoked_by"] = "5f9fd312-a987-4628-b4c5-bb4f4fddd5f7";
        document["last_used_at"] = "2023-06-01T00:00:00.000Z";
        document["revoked_at"] = "2023-07-01T00:00:00.000Z";
        document["alpha"] = 1;
        document["zeta"] = {{"nested", true}};
        INFO("document: " << document.dump());

        const nlohmann::ordered_json encoded = document.get<Response>();
        INFO("encoded: " << encoded.dump());
        CHECK(keys_in_order(encoded) ==
              std::vector<std::string>{"id", "user_id", "name", "state", "konnect_token", "revoked_by", "created_at",
                                       "updated_at", "last_used_at", "expires_at", "revoked_at", "alpha", "zeta"});
    }
    SECTION("with the Kong example whose own member order differs") {
        const nlohmann::ordered_json encoded = documents::kong_example().get<Response>();
        INFO("encoded: " << encoded.dump());
        CHECK(keys_in_order(encoded) == std::vector<std::string>{"id", "user_id", "name", "state", "konnect_token",
                                                                 "created_at", "updated_at", "expires_at"});
    }
}

TEST_CASE("A response decodes from an ordered_json document as it does from a json document", "[response]") {
    const std::string text = documents::kong_example_text_plus(R"(,"extra":{"b":1,"a":[2]})");
    INFO("text: " << text);
    const auto ordered = nlohmann::ordered_json::parse(text);
    const auto unordered = nlohmann::json::parse(text);

    const auto from_ordered = ordered.get<Response>();
    CHECK(from_ordered == unordered.get<Response>());
    CHECK(from_ordered.additional_properties == nlohmann::json::parse(R"({"extra":{"b":1,"a":[2]}})"));

    SECTION("and an invalid ordered_json document has the problems of the same json document") {
        auto broken_ordered = ordered;
        broken_ordered["name"] = 42;
        broken_ordered.erase("created_at");
        INFO("broken: " << broken_ordered.dump());
        const auto problems = konnect::validate(broken_ordered);
        INFO("problems:\n" << problems_text(problems));
        CHECK(problems.size() == 2);
        CHECK(problems == konnect::validate(nlohmann::json::parse(broken_ordered.dump())));
        CHECK_THROWS_AS(broken_ordered.get<Response>(), konnect::validation_error);
    }
}

TEST_CASE("A response built in code encodes to the JSON its members say", "[response]") {
    const nlohmann::json expected = nlohmann::json::parse(R"({
        "id": "5f9fd312-a987-4628-b4c5-bb4f4fddd5f7", "user_id": "84f8380e-7798-4566-99e3-2edf2b57d288",
        "name": "CI token", "state": "REVOKED", "konnect_token": "kpat_built_in_code",
        "revoked_by": "84f8380e-7798-4566-99e3-2edf2b57d288", "created_at": "2023-01-01T00:00:00.000Z",
        "expires_at": null, "revoked_at": "2023-02-01T10:00:00.000Z", "team": "platform"})");

    SECTION("by aggregate initialisation") {
        const Response response{uuid("5f9fd312-a987-4628-b4c5-bb4f4fddd5f7"),
                                uuid("84f8380e-7798-4566-99e3-2edf2b57d288"),
                                "CI token",
                                konnect::State::revoked,
                                konnect::Secret("kpat_built_in_code"),
                                uuid("84f8380e-7798-4566-99e3-2edf2b57d288"),
                                timestamp("2023-01-01T00:00:00.000Z"),
                                std::nullopt,
                                std::nullopt,
                                std::nullopt,
                                timestamp("2023-02-01T10:00:00.000Z"),
                                nlohmann::json{{"team", "platform"}}};
        const nlohmann::json encoded = response;
        INFO("encoded:  " << encoded.dump() << "\nexpected: " << expected.dump());
        CHECK(encoded == expected);
        CHECK(encoded.get<Response>() == response);
    }
    SECTION("by member assignment") {
        Response response;
        response.id = uuid("5f9fd312-a987-4628-b4c5-bb4f4fddd5f7");
        response.user_id = uuid("84f8380e-7798-4566-99e3-2edf2b57d288");
        response.name = "CI token";
        response.state = konnect::State::revoked;
        response.konnect_token = konnect::Secret("kpat_built_in_code");
        response.revoked_by = response.user_id;
        response.created_at = timestamp("2023-01-01T00:00:00.000Z");
        response.revoked_at = timestamp("2023-02-01T10:00:00.000Z");
        response.additional_properties["team"] = "platform";
        const nlohmann::json encoded = response;
        INFO("encoded:  " << encoded.dump() << "\nexpected: " << expected.dump());
        CHECK(encoded == expected);
        CHECK(encoded.get<Response>() == response);
    }
}

TEST_CASE("A default constructed response encodes to nil and empty values and decodes back equal", "[response]") {
    const Response response;
    const nlohmann::json encoded = response;
    INFO("encoded: " << encoded.dump());
    CHECK(encoded == nlohmann::json::parse(R"({
        "id": "00000000-0000-0000-0000-000000000000", "user_id": "00000000-0000-0000-0000-000000000000",
        "name": "", "state": "", "konnect_token": "", "created_at": "1970-01-01T00:00:00.000Z", "expires_at": null})"));
    CHECK(encoded.get<Response>() == response);
}

TEST_CASE("Responses are equal exactly when every member is equal", "[response]") {
    const Response base = documents::kong_example().get<Response>();
    const std::vector<std::pair<std::string, std::function<void(Response&)>>> changes{
        {"id", [](Response& response) { response.id = konnect::Uuid(); }},
        {"user_id", [](Response& response) { response.user_id = response.id; }},
        {"name", [](Response& response) { response.name += "!"; }},
        {"state", [](Response& response) { response.state = konnect::State::expired; }},
        {"state as an unknown state", [](Response& response) { response.state = konnect::State::from_string("X"); }},
        {"konnect_token", [](Response& response) { response.konnect_token = konnect::Secret("kpat_other"); }},
        {"revoked_by", [](Response& response) { response.revoked_by = response.id; }},
        {"created_at", [](Response& response) { response.created_at = konnect::Timestamp(); }},
        {"updated_at", [](Response& response) { response.updated_at.reset(); }},
        {"last_used_at", [](Response& response) { response.last_used_at = response.created_at; }},
        {"expires_at", [](Response& response) { response.expires_at.reset(); }},
        {"revoked_at", [](Response& response) { response.revoked_at = response.created_at; }},
        {"additional_properties", [](Response& response) { response.additional_properties["extra"] = 1; }}};

    CHECK(Response(base) == base);
    for (const auto& [member, change] : changes) {
        INFO("changed member: " << member);
        Response changed = base;
        change(changed);
        CHECK_FALSE(changed == base);
        CHECK_FALSE(base == changed);
        CHECK(changed != base);
    }
}

TEST_CASE("Responses compare through the conversions a plain function allows", "[response]") {
    // == and != are templates that deduce nothing, so that only programs that compare responses compile them:
    // their arguments must still convert as a plain function's would.
    struct TaggedResponse : Response {
        int tag = 0;
    };
    TaggedResponse tagged;
    static_cast<Response&>(tagged) = documents::kong_example().get<Response>();
    const Response base = documents::kong_example().get<Response>();
    const std::optional<Response> maybe = base;
    Response other = base;
    other.name += "!";

    CHECK(tagged == base);
    CHECK(base == tagged);
    CHECK(tagged != other);
    CHECK(std::cref(base) == tagged);
    CHECK(std::cref(other) != std::cref(base));
    CHECK(maybe == base);
    CHECK(maybe != other);
}

TEST_CASE("Null additional_properties equals an empty object but not an object with members", "[response]") {
    Response without_unknown = documents::kong_example().get<Response>();
    without_unknown.additional_properties = nullptr;
    Response with_empty_object = without_unknown;
    with_empty_object.additional_properties = nlohmann::json::object();
    CHECK(without_unknown == with_empty_object);
    CHECK(with_empty_object == without_unknown);

    Response with_one = without_unknown;
    with_one.additional_properties = {{"extra", 1}};
    Response with_other_value = without_unknown;
    with_other_value.additional_properties = {{"extra", 2}};
    CHECK(with_one != with_empty_object);
    CHECK(with_one != with_other_value);
}

TEST_CASE("Encoding refuses additional_properties that are not an object or repeat a schema member", "[response]") {
    const std::string token(documents::kong_example_token);
    struct Case {
        std::string description;
        nlohmann::json additional_properties;
        std::vector<std::string> pointers;
        konnect::ProblemKind kind;
    };
    const std::vector<Case> cases{
        {"an array", nlohmann::json::parse("[1, 2]"), {""}, konnect::ProblemKind::wrong_type},
        {"a number", nlohmann::json(7), {""}, konnect::ProblemKind::wrong_type},
        {"a string holding the token", nlohmann::json(token), {""}, konnect::ProblemKind::wrong_type},
        {"an object repeating id",
         nlohmann::json::parse(R"({"id": 1})"),
         {"/id"},
         konnect::ProblemKind::named_by_schema},
        {"an object repeating konnect_token with the token",
         nlohmann::json{{"konnect_token", token}},
         {"/konnect_token"},
         konnect::ProblemKind::named_by_schema},
        {"an object repeating two schema members among unknown ones",
         nlohmann::json::parse(R"({"extra": 1, "id": 2, "name": "x"})"),
         {"/id", "/name"},
         konnect::ProblemKind::named_by_schema}};

    for (const auto& example : cases) {
        Response response = documents::kong_example().get<Response>();
        response.additional_properties = example.additional_properties;
        INFO("additional_properties: " << example.description << ": " << example.additional_properties.dump());

        const auto error = support::validation_error_from([&response] { static_cast<void>(nlohmann::json(response)); });
        REQUIRE(error.has_value());
        const std::string what = error->what();
        INFO("what(): " << what);
        CHECK(error->id == konnect::validation_error::unencodable_value);
        CHECK(error->id == 703);
        std::vector<std::string> pointers;
        for (const auto& problem : error->problems()) {
            pointers.push_back(problem.pointer);
            CHECK(problem.kind == example.kind);
            CHECK(problem.message.find(token) == std::string::npos);
        }
        CHECK(pointers == example.pointers);
        CHECK(what.find(token) == std::string::npos);
    }
}

TEST_CASE("Encoding refuses an unknown member nested deeper than the limit at its pointer without crashing",
          "[response]") {
    // The member is level 2 of the encoded document, so its value may hold max_nesting_depth - 1 levels.
    Response response = documents::kong_example().get<Response>();
    response.additional_properties["fine"] = 1;
    response.additional_properties["deep"] = documents::nested(konnect::max_nesting_depth - 1);
    CHECK_NOTHROW(nlohmann::json(response));

    // Never copy, compare or dump the deepest of these values: those nlohmann operations recurse.
    const std::size_t levels = GENERATE(as<std::size_t>{}, konnect::max_nesting_depth, 1000, 100000);
    INFO("unknown member nested " << levels << " levels");
    response.additional_properties["deep"] = documents::nested(levels);
    const auto error = support::validation_error_from([&response] { static_cast<void>(nlohmann::json(response)); });
    REQUIRE(error.has_value());
    INFO("what(): " << error->what());
    CHECK(error->id == konnect::validation_error::unencodable_value);
    REQUIRE(error->problems().size() == 1);
    CHECK(error->problems()[0].pointer == "/deep");
    CHECK(error->problems()[0].kind == konnect::ProblemKind::too_deep);
    CHECK(error->problems()[0].message == support::too_deep_message);
}

TEST_CASE("Encoding lists the problems of additional_properties in the order of its members", "[response]") {
    Response response = documents::kong_example().get<Response>();
    response.additional_properties["a_deep"] = documents::nested(konnect::max_nesting_depth);
    response.additional_properties["id"] = 1;
    response.additional_properties["m_fine"] = 1;
    response.additional_properties["z_deep"] = documents::nested(konnect::max_nesting_depth);

    const auto error = support::validation_error_from([&response] { static_cast<void>(nlohmann::json(response)); });
    REQUIRE(error.has_value());
    INFO("what(): " << error->what());
    std::vector<std::pair<std::string, konnect::ProblemKind>> problems;
    for (const auto& problem : error->problems()) {
        problems.emplace_back(problem.pointer, problem.kind);
    }
    const std::vector<std::pair<std::string, konnect::ProblemKind>> expected{
        {"/a_deep", konnect::ProblemKind::too_deep},
        {"/id", konnect::ProblemKind::named_by_schema},
        {"/z_deep", konnect::ProblemKind::too_deep}};
    CHECK(problems == expected);
}

// ------------------------------------------------------------------------------------------------
// The token's lifetime at a given moment
// ------------------------------------------------------------------------------------------------

namespace {

using SystemClock = std::chrono::system_clock;

// Kong's example with expires_at written as `expires_at` (null when empty).
Response kong_response_expiring_at(std::optional<std::string_view> expires_at) {
    Response response = documents::kong_example().get<Response>();
    response.expires_at.reset();
    if (expires_at) response.expires_at = timestamp(*expires_at);
    return response;
}

// The system_clock moment `seconds` and `nanoseconds` after the epoch, truncated to the clock's tick.
SystemClock::time_point moment(std::int64_t seconds, std::int64_t nanoseconds = 0) {
    return SystemClock::time_point(std::chrono::duration_cast<SystemClock::duration>(
        std::chrono::seconds(seconds) + std::chrono::nanoseconds(nanoseconds)));
}

// Nanoseconds as a number, which Catch2 prints whatever its chrono support; nothing as -1 with a note.
std::string nanoseconds_text(const std::optional<std::chrono::nanoseconds>& duration) {
    return duration ? std::to_string(duration->count()) + " ns" : std::string("nothing (never expires)");
}

constexpr std::int64_t kong_expiry_seconds = 1704067200;  // 2024-01-01T00:00:00Z

}  // namespace

TEST_CASE("A token expires at the instant of expires_at, whatever offset it is written at", "[response]") {
    for (const std::string_view written :
         {"2024-01-01T00:00:00.000Z", "2024-01-01T05:30:00+05:30", "2023-12-31T16:00:00-08:00"}) {
        INFO("expires_at " << written);
        const Response response = kong_response_expiring_at(written);
        CHECK_FALSE(response.is_expired(moment(kong_expiry_seconds - 86400)));
        CHECK_FALSE(response.is_expired(moment(kong_expiry_seconds - 1, 999'999'999)));
        CHECK(response.is_expired(moment(kong_expiry_seconds)));
        CHECK(response.is_expired(moment(kong_expiry_seconds + 1)));

        CHECK(nanoseconds_text(response.time_until_expiry(moment(kong_expiry_seconds - 86400))) == "86400000000000 ns");
        CHECK(nanoseconds_text(response.time_until_expiry(moment(kong_expiry_seconds - 1, 999'999'000))) == "1000 ns");
        CHECK(nanoseconds_text(response.time_until_expiry(moment(kong_expiry_seconds))) == "0 ns");
        CHECK(nanoseconds_text(response.time_until_expiry(moment(kong_expiry_seconds + 90))) == "-90000000000 ns");
    }
}

TEST_CASE("A token whose expires_at is null never expires", "[response]") {
    const Response response = kong_response_expiring_at(std::nullopt);
    for (const SystemClock::time_point now :
         {SystemClock::time_point::min(), SystemClock::now(), SystemClock::time_point::max()}) {
        CHECK_FALSE(response.is_expired(now));
        CHECK_FALSE(response.time_until_expiry(now).has_value());
        CHECK(response.is_usable(now));
    }
}

TEST_CASE("Expiry is answered without throwing for every date a document can hold and every moment of the clock",
          "[response]") {
    struct Row {
        std::string_view expires_at;
        SystemClock::time_point now;
        bool expired;
        std::chrono::nanoseconds until;
    };
    using std::chrono::nanoseconds;
    const std::vector<Row> rows{
        {"9999-12-31T23:59:60.999999999Z", SystemClock::time_point::min(), false, nanoseconds::max()},
        {"9999-12-31T23:59:59.999999999-23:59", SystemClock::time_point::max(), false, nanoseconds::max()},
        {"9999-12-31T23:59:59Z", moment(0), false, nanoseconds::max()},
        {"0000-01-01T00:00:00Z", SystemClock::time_point::max(), true, nanoseconds::min()},
        {"0000-01-01T00:00:00+23:59", SystemClock::time_point::min(), true, nanoseconds::min()},
        {"0000-01-01T00:00:00Z", moment(0), true, nanoseconds::min()},
        // Exactly the ends of 64-bit nanoseconds from the epoch, and one nanosecond past them.
        {"2262-04-11T23:47:16.854775807Z", moment(0), false, nanoseconds::max()},
        {"2262-04-11T23:47:16.854775806Z", moment(0), false, nanoseconds::max() - nanoseconds(1)},
        {"2262-04-11T23:47:16.854775808Z", moment(0), false, nanoseconds::max()},
        {"1677-09-21T00:12:43.145224192Z", moment(0), true, nanoseconds::min()},
        {"1677-09-21T00:12:43.145224193Z", moment(0), true, nanoseconds::min() + nanoseconds(1)},
        {"1677-09-21T00:12:43.145224191Z", moment(0), true, nanoseconds::min()},
    };
    for (const Row& row : rows) {
        INFO("expires_at " << row.expires_at << ", now " << row.now.time_since_epoch().count() << " ticks");
        const Response response = kong_response_expiring_at(row.expires_at);
        CHECK(response.is_expired(row.now) == row.expired);
        CHECK(nanoseconds_text(response.time_until_expiry(row.now)) == nanoseconds_text(row.until));
        CHECK(response.is_usable(row.now) == !row.expired);
    }
}

TEST_CASE("A token expiring in a leap second expires after the last tick before midnight", "[response]") {
    constexpr std::int64_t midnight = 915148800;  // 1999-01-01T00:00:00Z
    for (const std::string_view written :
         {"1998-12-31T23:59:60Z", "1998-12-31T23:59:60.999999999Z", "1999-01-01T01:29:60+01:30"}) {
        INFO("expires_at " << written);
        const Response response = kong_response_expiring_at(written);
        const SystemClock::time_point last_tick = moment(midnight) - SystemClock::duration(1);
        CHECK_FALSE(response.is_expired(last_tick));
        CHECK(response.time_until_expiry(last_tick) ==
              std::chrono::duration_cast<std::chrono::nanoseconds>(SystemClock::duration(1)));
        CHECK(response.is_expired(moment(midnight)));
        CHECK(response.time_until_expiry(moment(midnight)) == std::chrono::nanoseconds(0));
    }
}

TEST_CASE("A token is usable while it is active, not expired and not revoked", "[response]") {
    const SystemClock::time_point before_expiry = moment(kong_expiry_seconds - 1);
    const Response usable = documents::kong_example().get<Response>();
    CHECK(usable.is_usable(before_expiry));
    CHECK_FALSE(usable.is_usable(moment(kong_expiry_seconds)));

    struct Change {
        std::string_view what;
        void (*apply)(Response&);
    };
    const std::vector<Change> changes{
        {"state REVOKED", [](Response& r) { r.state = konnect::State::revoked; }},
        {"state EXPIRED", [](Response& r) { r.state = konnect::State::expired; }},
        {"an unknown state", [](Response& r) { r.state = konnect::State::from_string("PENDING"); }},
        {"the state active in lower case", [](Response& r) { r.state = konnect::State::from_string("active"); }},
        {"revoked_at set", [](Response& r) { r.revoked_at = timestamp("2023-06-01T00:00:00Z"); }},
        {"revoked_at set after the moment asked about",
         [](Response& r) { r.revoked_at = timestamp("2023-12-31T23:59:59.999Z"); }},
        {"revoked_by set", [](Response& r) { r.revoked_by = uuid("84f8380e-7798-4566-99e3-2edf2b57d288"); }}};
    for (const Change& change : changes) {
        INFO(change.what);
        Response changed = usable;
        change.apply(changed);
        CHECK_FALSE(changed.is_usable(before_expiry));
        CHECK_FALSE(changed.is_expired(before_expiry));
    }
}

// ------------------------------------------------------------------------------------------------
// JSON for logs
// ------------------------------------------------------------------------------------------------

TEST_CASE("redacted_json is the encoding with the token written as [redacted]", "[response]") {
    Response response = documents::kong_example().get<Response>();
    response.additional_properties = {{"region", "eu"}, {"tags", {1, "two", nullptr}}};
    nlohmann::json expected = response;
    expected["konnect_token"] = "[redacted]";

    const nlohmann::json redacted = konnect::redacted_json(response);
    INFO("redacted: " << redacted.dump());
    CHECK(redacted == expected);
    CHECK_FALSE(support::contains(redacted.dump(), documents::kong_example_token));

    const nlohmann::ordered_json ordered = konnect::redacted_json<nlohmann::ordered_json>(response);
    CHECK(keys_in_order(ordered) == keys_in_order(nlohmann::ordered_json(response)));
    CHECK(ordered.at("konnect_token") == "[redacted]");
    CHECK(nlohmann::json::parse(ordered.dump()) == expected);
}

TEST_CASE("redacted_json writes each run of the token in the document's other text as [redacted]", "[response]") {
    const std::string kong_token(documents::kong_example_token);
    Response response = documents::kong_example().get<Response>();
    response.name = "copy of " + kong_token.substr(5, 10) + " for CI";
    response.state = konnect::State::from_string("ROTATED_" + kong_token);
    response.additional_properties = {{"x-" + kong_token.substr(0, 8), kong_token.substr(20, 9)},
                                      {"nested", {{"list", {kong_token, "fine", 5}}, {kong_token.substr(1, 12), true}}},
                                      {"short", kong_token.substr(0, 7)}};
    const nlohmann::json redacted = konnect::redacted_json(response);
    INFO("redacted: " << redacted.dump());
    CHECK(redacted.at("name") == "copy of [redacted] for CI");
    CHECK(redacted.at("state") == "ROTATED_[redacted]");
    CHECK(redacted.at("x-[redacted]") == "[redacted]");
    CHECK(redacted.at("nested") == nlohmann::json{{"list", {"[redacted]", "fine", 5}}, {"[redacted]", true}});
    CHECK(redacted.at("short") == kong_token.substr(0, 7));  // seven bytes: shorter than a run
    CHECK(redacted.at("id") == "83f8380e-7798-4566-99e3-2edf2b57d289");
    CHECK(support::token_fragment_in(redacted.dump()).empty());
}

TEST_CASE("redacted_json withholds the document's text when the token is too long to look for", "[response]") {
    Response response = documents::kong_example().get<Response>();
    response.konnect_token = konnect::Secret(std::string(5000, 't'));
    response.additional_properties = {{"region", "eu"}};
    const nlohmann::json redacted = konnect::redacted_json(response);
    INFO("redacted: " << redacted.dump());
    CHECK(redacted.at("konnect_token") == "[redacted]");
    CHECK(redacted.at("name") == "(17 bytes, not shown)");
    CHECK(redacted.at("state") == "(6 bytes, not shown)");
    CHECK(redacted.at("(6 bytes, not shown)") == "(2 bytes, not shown)");
    CHECK(redacted.at("created_at") == "2023-01-01T00:00:00.000Z");
}

TEST_CASE("redacted_json refuses what encoding refuses", "[response]") {
    Response response = documents::kong_example().get<Response>();
    response.additional_properties = nlohmann::json::array();
    const auto error =
        support::validation_error_from([&response] { static_cast<void>(konnect::redacted_json(response)); });
    REQUIRE(error.has_value());
    CHECK(error->id == konnect::validation_error::unencodable_value);
}
