// Uses every public entry point of the header once, so that the static analysis gate sees every template
// instantiated (with nlohmann::json and nlohmann::ordered_json alike) and so reads every body. It also links and
// runs: main() returns 0 when each call behaved as documented, 1 otherwise.
#include <konnect/personal_access_token_create_response.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace {

using Response = konnect::PersonalAccessTokenCreateResponse;

constexpr std::string_view kong_example =
    R"({"id":"83f8380e-7798-4566-99e3-2edf2b57d289","name":"Development Token","state":"ACTIVE",)"
    R"("konnect_token":"kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",)"
    R"("user_id":"84f8380e-7798-4566-99e3-2edf2b57d288","created_at":"2023-01-01T00:00:00.000Z",)"
    R"("updated_at":"2023-01-01T00:00:00.000Z","expires_at":"2024-01-01T00:00:00.000Z","region":"eu"})";

// Counts the checks that failed, so that main() can say whether every call behaved.
class Checks {
  public:
    void expect(bool condition) noexcept {
        if (!condition) ++failures_;
    }
    [[nodiscard]] bool all_passed() const noexcept { return failures_ == 0; }

  private:
    std::size_t failures_ = 0;
};

// Any printable value through operator<<.
template <typename T>
std::string printed(const T& value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

// The problems a validation_error carries, or none when `call` does not throw one.
template <typename Call>
std::vector<konnect::Problem> problems_thrown_by(Call&& call) {
    try {
        std::forward<Call>(call)();
    } catch (const konnect::validation_error& error) {
        return error.problems();
    }
    return {};
}

void use_problems(Checks& checks) {
    static_assert(konnect::max_nesting_depth == 128, "the documented depth limit");
    const konnect::Problem missing{"/id", konnect::ProblemKind::missing, "required member is missing"};
    const konnect::Problem same{"/id", konnect::ProblemKind::missing, "required member is missing"};
    const konnect::Problem whole{"", konnect::ProblemKind::malformed_json, "malformed"};
    checks.expect(missing == same && missing != whole);
    checks.expect(konnect::to_string(missing) == "/id: required member is missing");
    checks.expect(konnect::to_string(whole) == "(document): malformed");
    checks.expect(printed(missing) == konnect::to_string(missing));
    for (const auto kind :
         {konnect::ProblemKind::malformed_json, konnect::ProblemKind::too_deep, konnect::ProblemKind::missing,
          konnect::ProblemKind::null_not_allowed, konnect::ProblemKind::wrong_type,
          konnect::ProblemKind::invalid_format, konnect::ProblemKind::named_by_schema}) {
        checks.expect(!printed(kind).empty());
    }

    const konnect::validation_error error(konnect::validation_error::invalid_document, {missing, whole});
    const konnect::validation_error copy = error;
    checks.expect(copy.problems().size() == 2 && copy.id == konnect::validation_error::invalid_document);
    checks.expect(std::string_view(copy.what()).find("2 problems") != std::string_view::npos);
    const nlohmann::json::exception& as_nlohmann = copy;
    checks.expect(as_nlohmann.id == 701);
    checks.expect(konnect::validation_error::malformed_text == 702 &&
                  konnect::validation_error::unencodable_value == 703);
}

void use_uuid(Checks& checks) {
    constexpr std::optional<konnect::Uuid> parsed = konnect::Uuid::from_string("83F8380E-7798-4566-99e3-2edf2b57d289");
    static_assert(parsed.has_value() && !parsed->is_nil(), "Uuid::from_string is usable in constant expressions");
    constexpr konnect::Uuid nil;
    static_assert(nil.is_nil() && nil < *parsed, "the nil UUID sorts first");

    konnect::Uuid::bytes_type bytes{};
    bytes[15] = 1;
    const konnect::Uuid one(bytes);
    checks.expect(one.bytes() == bytes);
    checks.expect(one.to_string() == "00000000-0000-0000-0000-000000000001");
    checks.expect(printed(one) == one.to_string());
    checks.expect(!konnect::Uuid::from_string("{83f8380e-7798-4566-99e3-2edf2b57d289}").has_value());
    checks.expect(konnect::Uuid::parse("00000000-0000-0000-0000-000000000001") == one);
    const auto bad_uuid =
        problems_thrown_by([] { return konnect::Uuid::parse("83f8380e-7798-4566-99e3-2edf2b57d28"); });
    checks.expect(bad_uuid.size() == 1 && bad_uuid.front().message.find("this has 35") != std::string::npos);
    checks.expect(nil != one && nil < one && one > nil && nil <= one && one >= nil && one == konnect::Uuid(bytes));

    const std::unordered_set<konnect::Uuid> set{nil, one, *parsed};
    checks.expect(set.size() == 3 &&
                  std::hash<konnect::Uuid>{}(one) == std::hash<konnect::Uuid>{}(konnect::Uuid(bytes)));

    const nlohmann::json as_json = one;
    const nlohmann::ordered_json as_ordered = one;
    checks.expect(as_json.get<konnect::Uuid>() == one && as_ordered.get<konnect::Uuid>() == one);
    checks.expect(!problems_thrown_by([] { return nlohmann::json(5).get<konnect::Uuid>(); }).empty());
    checks.expect(!problems_thrown_by([] { return nlohmann::ordered_json("x").get<konnect::Uuid>(); }).empty());
}

void use_timestamp(Checks& checks) {
    constexpr std::optional<konnect::Timestamp> leap = konnect::Timestamp::from_string("2016-12-31T23:59:60.5Z");
    static_assert(leap.has_value() && leap->is_leap_second(),
                  "Timestamp::from_string is usable in constant expressions");
    constexpr konnect::Timestamp epoch;
    static_assert(epoch.unix_seconds() == 0 && epoch.nanoseconds() == 0, "the default is the epoch");

    const auto written = konnect::Timestamp::from_string("2023-01-01T02:00:00.000123+02:00");
    checks.expect(written.has_value() && written->offset() == std::chrono::minutes(120));
    checks.expect(written.has_value() && written->to_string() == "2023-01-01T02:00:00.000123+02:00");
    checks.expect(!konnect::Timestamp::from_string("2023-02-29T00:00:00Z").has_value());
    checks.expect(leap.has_value() && leap->to_string() == "2016-12-31T23:59:60.500Z" &&
                  printed(*leap) == leap->to_string());

    const auto instant = std::chrono::system_clock::time_point(std::chrono::hours(24));
    const auto east = konnect::Timestamp::from_time_point(instant, std::chrono::minutes(90));
    const auto utc = konnect::Timestamp::from_time_point(instant);
    checks.expect(east.to_time_point() == utc.to_time_point() && east != utc && utc < east && east > utc);
    checks.expect(utc <= east && east >= utc && utc == konnect::Timestamp::from_time_point(instant));
    checks.expect(utc.to_string() == "1970-01-02T00:00:00.000Z");
    try {
        static_cast<void>(konnect::Timestamp::from_time_point(instant, std::chrono::hours(24)));
        checks.expect(false);
    } catch (const std::out_of_range&) {
        checks.expect(true);
    }

    checks.expect(konnect::Timestamp::parse("1970-01-02T00:00:00Z") == utc);
    const auto bad_time = problems_thrown_by([] { return konnect::Timestamp::parse("2023-02-30T00:00:00Z"); });
    checks.expect(bad_time.size() == 1 && bad_time.front().message.find("day") != std::string::npos);

    // Against system_clock time points of any duration, by instant, without throwing.
    const auto later = std::chrono::system_clock::time_point(std::chrono::hours(25));
    const auto in_seconds =
        std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>(std::chrono::seconds(86400));
    const auto in_doubles = std::chrono::time_point<std::chrono::system_clock, std::chrono::duration<double>>(
        std::chrono::duration<double>(86400.5));
    checks.expect(utc < later && utc <= later && later > utc && later >= utc && !(utc > later) && !(later <= utc));
    checks.expect(east <= in_seconds && east >= in_seconds && in_seconds <= east && in_seconds >= east);
    checks.expect(utc < in_doubles && in_doubles > east);
    const auto last = konnect::Timestamp::from_string("9999-12-31T23:59:59Z");
    checks.expect(last.has_value() && *last > std::chrono::system_clock::time_point::max() &&
                  std::chrono::system_clock::now() < *last);

    const std::unordered_set<konnect::Timestamp> times{utc, east, konnect::Timestamp::from_time_point(instant)};
    checks.expect(times.size() == 2 &&
                  std::hash<konnect::Timestamp>{}(utc) ==
                      std::hash<konnect::Timestamp>{}(konnect::Timestamp::from_time_point(instant)));

    const nlohmann::json as_json = utc;
    const nlohmann::ordered_json as_ordered = utc;
    checks.expect(as_json.get<konnect::Timestamp>() == utc && as_ordered.get<konnect::Timestamp>() == utc);
    checks.expect(!problems_thrown_by([] { return nlohmann::json(nullptr).get<konnect::Timestamp>(); }).empty());
    checks.expect(!problems_thrown_by([] { return nlohmann::ordered_json(1.5).get<konnect::Timestamp>(); }).empty());
}

void use_state(Checks& checks) {
    const konnect::State active = konnect::State::active;
    const konnect::State pending = konnect::State::from_string("PENDING");
    const konnect::State empty;
    checks.expect(active.to_string() == "ACTIVE" && !active.is_unknown());
    checks.expect(pending.is_unknown() && pending.to_string() == "PENDING" && pending == konnect::State::unknown);
    checks.expect(konnect::State::unknown == pending && pending != empty && !(pending == empty));
    checks.expect(active != konnect::State::revoked && konnect::State::expired != active);
    checks.expect(konnect::State::from_string("REVOKED") == konnect::State(konnect::State::revoked));

    switch (konnect::State::from_string("EXPIRED")) {
        case konnect::State::active:
        case konnect::State::revoked:
        case konnect::State::unknown:
            checks.expect(false);
            break;
        case konnect::State::expired:
            checks.expect(true);
            break;
    }

    checks.expect(printed(active) == "ACTIVE" && printed(pending) == "\"PENDING\" (unknown)");

    // Ordered by value, then text, in agreement with ==; against a Value, by the value alone.
    checks.expect(empty < pending && pending < active && active < konnect::State::from_string("REVOKED"));
    const konnect::State same_pending = konnect::State::from_string("PENDING");
    checks.expect(pending <= same_pending && pending >= same_pending && !(pending > same_pending) && active > pending);
    checks.expect(pending < konnect::State::active && konnect::State::active > pending);
    checks.expect(pending <= konnect::State::unknown && konnect::State::unknown <= pending);
    checks.expect(pending >= konnect::State::unknown && konnect::State::unknown >= pending);
    checks.expect(!(konnect::State::unknown < pending) && !(pending > konnect::State::unknown));
    std::map<konnect::State, int> counts;
    std::unordered_map<konnect::State, int> unordered_counts;
    for (const std::string_view text : {"ACTIVE", "PENDING", "SUSPENDED", "ACTIVE"}) {
        ++counts[konnect::State::from_string(text)];
        ++unordered_counts[konnect::State::from_string(text)];
    }
    checks.expect(counts.size() == 3 && unordered_counts.size() == 3 && counts[active] == 2);
    checks.expect(std::hash<konnect::State>{}(active) ==
                  std::hash<konnect::State>{}(konnect::State::from_string("ACTIVE")));
    checks.expect(printed(konnect::State::expired) == "EXPIRED");

    const nlohmann::json as_json = pending;
    const nlohmann::ordered_json as_ordered = pending;
    checks.expect(as_json.get<konnect::State>() == pending && as_ordered.get<konnect::State>() == pending);
    const nlohmann::json value_json = konnect::State::revoked;
    const nlohmann::ordered_json value_ordered = konnect::State::revoked;
    checks.expect(value_json == "REVOKED" && value_ordered == "REVOKED");
    checks.expect(value_json.get<konnect::State::Value>() == konnect::State::revoked);
    checks.expect(value_ordered.get<konnect::State::Value>() == konnect::State::revoked);
    checks.expect(!problems_thrown_by([] { return nlohmann::json(true).get<konnect::State::Value>(); }).empty());
}

void use_secret(Checks& checks) {
    const konnect::Secret token("kpat_example");
    konnect::Secret copy = token;
    checks.expect(copy == token && copy.reveal() == "kpat_example" && copy.size() == 12 && !copy.empty());
    konnect::Secret moved = std::move(copy);
    checks.expect(moved == token);
    konnect::Secret assigned;
    checks.expect(assigned.empty() && assigned != token);
    assigned = moved;
    checks.expect(assigned == token);
    assigned = konnect::Secret("other");
    checks.expect(assigned != token && printed(assigned) == "[redacted]");

    const nlohmann::json as_json = token;
    const nlohmann::ordered_json as_ordered = token;
    checks.expect(as_json == "kpat_example" && as_ordered == "kpat_example");
    checks.expect(as_json.get<konnect::Secret>() == token && as_ordered.get<konnect::Secret>() == token);
    checks.expect(!problems_thrown_by([] { return nlohmann::ordered_json::array().get<konnect::Secret>(); }).empty());
}

template <typename BasicJsonType>
void use_response_as(Checks& checks, const Response& expected) {
    const auto document = BasicJsonType::parse(kong_example);
    checks.expect(konnect::validate(document).empty());
    const auto decoded = document.template get<Response>();
    checks.expect(decoded == expected);

    BasicJsonType encoded = decoded;  // in the schema's order, which ordered_json would tell from the text's
    checks.expect(encoded.size() == document.size() && encoded.template get<Response>() == decoded);
    encoded["expires_at"] = 5;
    encoded.erase("id");
    checks.expect(konnect::validate(encoded).size() == 2);
    checks.expect(problems_thrown_by([&encoded] { return encoded.template get<Response>(); }).size() == 2);
    checks.expect(konnect::validate(BasicJsonType::array()).size() == 1);

    Response unencodable = decoded;
    unencodable.additional_properties = nlohmann::json::array();
    checks.expect(problems_thrown_by([&unencodable] { return BasicJsonType(unencodable); }).size() == 1);
}

void use_response(Checks& checks) {
    const Response parsed = Response::parse(kong_example);
    checks.expect(parsed.state == konnect::State::active && parsed.name == "Development Token");
    checks.expect(parsed.additional_properties == nlohmann::json{{"region", "eu"}});
    checks.expect(!parsed.revoked_by && !parsed.last_used_at && !parsed.revoked_at && parsed.updated_at);
    checks.expect(parsed.expires_at && parsed.created_at < *parsed.expires_at && parsed.user_id != parsed.id);

    std::string body(kong_example);
    const Response from_body = Response::parse(std::move(body));
    // NOLINTNEXTLINE(bugprone-use-after-move): parse() takes the string by reference and leaves it wiped and empty
    checks.expect(from_body == parsed && body.empty());

    // The token's lifetime at a moment the caller gives.
    const auto before_expiry = std::chrono::system_clock::time_point(std::chrono::seconds(1704067199));
    const auto at_expiry = std::chrono::system_clock::time_point(std::chrono::seconds(1704067200));
    checks.expect(!parsed.is_expired(before_expiry) && parsed.is_expired(at_expiry));
    checks.expect(parsed.time_until_expiry(before_expiry) == std::chrono::nanoseconds(std::chrono::seconds(1)));
    checks.expect(parsed.time_until_expiry(at_expiry) == std::chrono::nanoseconds::zero());
    checks.expect(parsed.is_usable(before_expiry) && !parsed.is_usable(at_expiry));
    Response never_expires = parsed;
    never_expires.expires_at.reset();
    checks.expect(!never_expires.time_until_expiry(std::chrono::system_clock::now()).has_value());

    // JSON for logs: the token written as [redacted].
    const nlohmann::json redacted = konnect::redacted_json(parsed);
    const auto redacted_in_order = konnect::redacted_json<nlohmann::ordered_json>(parsed);
    checks.expect(redacted.at("konnect_token") == "[redacted]" && redacted.at("name") == "Development Token");
    checks.expect(redacted_in_order.begin().key() == "id" && redacted_in_order.at("konnect_token") == "[redacted]");
    checks.expect(redacted.dump().find("kpat_") == std::string::npos);

    Response changed = parsed;
    changed.konnect_token = konnect::Secret("kpat_other");
    checks.expect(changed != parsed && !(changed == parsed));

    const std::string text = printed(parsed);
    checks.expect(text.find("[redacted]") != std::string::npos && text.find("kpat_") == std::string::npos);

    checks.expect(problems_thrown_by([] { return Response::parse("{\"id\": "); }).size() == 1);
    checks.expect(problems_thrown_by([] { return Response::parse(std::string_view("{}\0", 3)); }).size() == 1);
    checks.expect(problems_thrown_by([] { return Response::parse("{}"); }).size() == 7);

    use_response_as<nlohmann::json>(checks, parsed);
    use_response_as<nlohmann::ordered_json>(checks, parsed);
}

}  // namespace

int main() {
    Checks checks;
    try {
        use_problems(checks);
        use_uuid(checks);
        use_timestamp(checks);
        use_state(checks);
        use_secret(checks);
        use_response(checks);
    } catch (const std::exception&) {
        return 1;
    }
    return checks.all_passed() ? 0 : 1;
}
