// The engine is generic: a second model, described only here and unlike the response (other members, other
// required and nullable ones, no Secret, declared outside namespace konnect), decodes, validates, encodes, parses
// and prints through the same code as the response, given nothing but its Schema.
#include "catch.hpp"
#include "second_model.hpp"
#include "support.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <optional>
#include <string>
#include <vector>

namespace {

using konnect::ProblemKind;
using support::printed;
using team_models::Membership;

constexpr std::string_view full_text =
    R"({"team_id":"0f9a2c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b","display_name":"Platform","joined_at":"2024-05-01T08:30:00.000Z",)"
    R"("role":"maintainer","invited_by":"11111111-2222-3333-4444-555555555555"})";

Membership full_membership() {
    Membership membership;
    membership.team_id = *konnect::Uuid::from_string("0f9a2c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b");
    membership.display_name = "Platform";
    membership.joined_at = konnect::Timestamp::from_string("2024-05-01T08:30:00.000Z");
    membership.role = "maintainer";
    membership.invited_by = konnect::Uuid::from_string("11111111-2222-3333-4444-555555555555");
    return membership;
}

}  // namespace

TEST_CASE("A second model is a model to the engine, and the response still is", "[models]") {
    STATIC_REQUIRE(konnect::is_model<Membership>);
    STATIC_REQUIRE(konnect::is_model<konnect::PersonalAccessTokenCreateResponse>);
    STATIC_REQUIRE_FALSE(konnect::is_model<konnect::Uuid>);
    STATIC_REQUIRE_FALSE(konnect::is_model<std::string>);
}

TEST_CASE("A second model decodes from a DOM and from text to the same value", "[models]") {
    const Membership expected = full_membership();
    const Membership from_dom = nlohmann::json::parse(full_text).get<Membership>();
    const Membership from_text = konnect::parse<Membership>(full_text);
    CHECK(from_dom == expected);
    CHECK(from_text == expected);
    CHECK(from_text.role == std::optional<std::string>("maintainer"));
    CHECK(from_text.additional_properties.is_null());
}

TEST_CASE("A second model's own required and nullable members decide what a document may leave out", "[models]") {
    // joined_at is required but may be null; role may be absent or null; invited_by may be absent but not null.
    const Membership minimal = konnect::parse<Membership>(
        R"({"team_id":"0f9a2c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b","display_name":"Platform","joined_at":null})");
    CHECK_FALSE(minimal.joined_at.has_value());
    CHECK_FALSE(minimal.role.has_value());
    CHECK_FALSE(minimal.invited_by.has_value());
    const Membership null_role = konnect::parse<Membership>(
        R"({"team_id":"0f9a2c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b","display_name":"Platform","joined_at":null,"role":null})");
    CHECK(null_role == minimal);
}

TEST_CASE("A second model is validated by its own schema, with every problem in its schema order", "[models]") {
    const nlohmann::json document =
        nlohmann::json::parse(R"({"invited_by":null,"role":7,"team_id":"not-a-uuid","display_name":null})");
    const std::vector<konnect::Problem> expected{
        {"/team_id", ProblemKind::invalid_format,
         "expected a UUID string (8-4-4-4-12 hexadecimal digits), found the string \"not-a-uuid\": a UUID has 36 "
         "characters, this has 10"},
        {"/display_name", ProblemKind::null_not_allowed, "expected a string, found null"},
        {"/joined_at", ProblemKind::missing,
         "required member is missing; expected an RFC 3339 date-time string (like 2023-01-01T00:00:00.000Z) or null"},
        {"/role", ProblemKind::wrong_type, "expected a string or null, found a number"},
        {"/invited_by", ProblemKind::null_not_allowed,
         "expected a UUID string (8-4-4-4-12 hexadecimal digits), found null"}};
    CHECK(konnect::validate<Membership>(document) == expected);

    const auto error = support::validation_error_from([&document] { static_cast<void>(document.get<Membership>()); });
    REQUIRE(error.has_value());
    CHECK(error->id == konnect::validation_error::invalid_document);
    CHECK(error->problems() == expected);
    // parse() reads the document as text and finds the same.
    const auto parse_error =
        support::validation_error_from([&document] { static_cast<void>(konnect::parse<Membership>(document.dump())); });
    REQUIRE(parse_error.has_value());
    CHECK(parse_error->problems() == expected);
}

TEST_CASE("validate without a model still validates the response", "[models]") {
    const nlohmann::json membership = nlohmann::json::parse(full_text);
    CHECK(konnect::validate<Membership>(membership).empty());
    CHECK_FALSE(konnect::validate(membership).empty());
    CHECK(konnect::validate(documents::kong_example()).empty());
    CHECK(konnect::validate(documents::kong_example()) ==
          konnect::validate<konnect::PersonalAccessTokenCreateResponse>(documents::kong_example()));
}

TEST_CASE("A second model encodes in its schema order, a required empty member as null and others left out",
          "[models]") {
    Membership membership = full_membership();
    CHECK(nlohmann::ordered_json(membership).dump() == full_text);
    membership.joined_at.reset();
    membership.role.reset();
    membership.invited_by.reset();
    CHECK(nlohmann::ordered_json(membership).dump() ==
          R"({"team_id":"0f9a2c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b","display_name":"Platform","joined_at":null})");
    CHECK(nlohmann::json(membership).get<Membership>() == membership);
}

TEST_CASE("A second model keeps its unknown members through decoding and encoding", "[models]") {
    const std::string text = std::string(full_text.substr(0, full_text.size() - 1)) + R"(,"labels":{"tier":"gold"}})";
    const Membership membership = konnect::parse<Membership>(text);
    CHECK(membership.additional_properties == nlohmann::json::parse(R"({"labels":{"tier":"gold"}})"));
    CHECK(nlohmann::ordered_json(membership).dump() == text);
    CHECK(nlohmann::json::parse(text).get<Membership>() == membership);
}

TEST_CASE("A second model prints every member under its own name", "[models]") {
    Membership membership = full_membership();
    CHECK(printed(membership) ==
          "Membership{team_id: 0f9a2c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b, display_name: \"Platform\", joined_at: "
          "2024-05-01T08:30:00.000Z, role: \"maintainer\", invited_by: 11111111-2222-3333-4444-555555555555}");
    membership.role.reset();
    membership.additional_properties = {{"labels", {{"tier", "gold"}}}};
    CHECK(printed(membership) ==
          "Membership{team_id: 0f9a2c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b, display_name: \"Platform\", joined_at: "
          "2024-05-01T08:30:00.000Z, role: null, invited_by: 11111111-2222-3333-4444-555555555555, "
          "additional_properties: 1 member (\"labels\")}");
}

TEST_CASE("A model without a Secret has nothing to redact", "[models]") {
    Membership membership = full_membership();
    membership.additional_properties = {{"note", "kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv"}};
    CHECK(konnect::redacted_json(membership) == nlohmann::json(membership));
}

TEST_CASE("A second model's malformed text and too deep members get the response's problems", "[models]") {
    const auto malformed = support::validation_error_from([] { static_cast<void>(konnect::parse<Membership>("{x}")); });
    REQUIRE(malformed.has_value());
    CHECK(malformed->id == konnect::validation_error::malformed_text);

    const std::string too_deep = std::string(full_text.substr(0, full_text.size() - 1)) + R"(,"x":)" +
                                 std::string(konnect::max_nesting_depth, '[') +
                                 std::string(konnect::max_nesting_depth, ']') + "}";
    const auto error =
        support::validation_error_from([&too_deep] { static_cast<void>(konnect::parse<Membership>(too_deep)); });
    REQUIRE(error.has_value());
    REQUIRE(error->problems().size() == 1);
    CHECK(error->problems()[0].kind == ProblemKind::too_deep);
    CHECK(error->problems()[0].pointer == "/x");
}
