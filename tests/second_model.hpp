// A second model, defined only in the tests and unlike the response: other members, other required and nullable
// ones, no Secret, declared outside namespace konnect. test_models.cpp runs it through the engine; test_fmt.cpp
// formats it.
#ifndef KONNECT_MODELS_TESTS_SECOND_MODEL_HPP
#define KONNECT_MODELS_TESTS_SECOND_MODEL_HPP

#include <konnect/personal_access_token_create_response.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace team_models {

// A team membership: one required member of each form, one member that is required but nullable, others that may
// be absent (one of them null too), and no Secret.
struct Membership {
    konnect::Uuid team_id;                        // required
    std::string display_name;                     // required
    std::optional<konnect::Timestamp> joined_at;  // required, nullable
    std::optional<std::string> role;              // optional, nullable
    std::optional<konnect::Uuid> invited_by;      // optional
    nlohmann::json additional_properties;
};

// A model declared outside namespace konnect takes the engine's operators into its own namespace.
using konnect::operator==;
using konnect::operator!=;
using konnect::operator<<;

}  // namespace team_models

namespace konnect {
template <>
struct Schema<team_models::Membership> {
    using Membership = team_models::Membership;
    static constexpr std::string_view name = "Membership";
    static constexpr auto additional_properties = &Membership::additional_properties;

    template <typename Visit>
    static constexpr void members(Visit&& visit) {
        // clang-format off
        visit(member("team_id",      &Membership::team_id,      Presence::required, Nullability::not_nullable));
        visit(member("display_name", &Membership::display_name, Presence::required, Nullability::not_nullable));
        visit(member("joined_at",    &Membership::joined_at,    Presence::required, Nullability::nullable));
        visit(member("role",         &Membership::role,         Presence::optional, Nullability::nullable));
        visit(member("invited_by",   &Membership::invited_by,   Presence::optional, Nullability::not_nullable));
        // clang-format on
    }
};
}  // namespace konnect

#endif  // KONNECT_MODELS_TESTS_SECOND_MODEL_HPP
