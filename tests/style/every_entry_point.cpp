// Uses every public entry point of the header once, so that the static analysis gate sees every template
// instantiated (with nlohmann::json and nlohmann::ordered_json alike) and so reads every body. It also links and
// runs: main() returns 0 when each call behaved as documented, 1 otherwise.
#include <konnect/personal_access_token_create_response.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
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
