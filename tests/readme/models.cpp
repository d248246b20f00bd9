// The README's "Your own models": a struct of the caller's described by a konnect::Schema, through the same code.
#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>
#include <optional>
#include <string>

namespace myapp {

struct Team {
    konnect::Uuid id;
    std::string name;
    std::optional<std::string> description;         // may be absent or null
    std::optional<konnect::Timestamp> archived_at;  // required, but may be null
    konnect::Secret api_key;                        // the one secret: never printed or logged
    nlohmann::json additional_properties;           // the members the schema does not name
};

// ==, != and << for a model outside namespace konnect (get<>() and encoding need nothing).
using konnect::operator==;
using konnect::operator!=;
using konnect::operator<<;

}  // namespace myapp

namespace konnect {
template <>
struct Schema<myapp::Team> {
    static constexpr std::string_view name = "Team";
    static constexpr auto additional_properties = &myapp::Team::additional_properties;

    template <typename Visit>
    static constexpr void members(Visit&& visit) {  // in schema order, which is also the order they are written in
        using myapp::Team;
        visit(member("id", &Team::id, Presence::required, Nullability::not_nullable));
        visit(member("name", &Team::name, Presence::required, Nullability::not_nullable));
        visit(member("description", &Team::description, Presence::optional, Nullability::nullable));
        visit(member("archived_at", &Team::archived_at, Presence::required, Nullability::nullable));
        visit(member("api_key", &Team::api_key, Presence::required, Nullability::not_nullable));
    }
};
}  // namespace konnect

int main() {
    const std::string body = R"({"id":"0f9a2c3e-1b2d-4e5f-8a9b-0c1d2e3f4a5b","name":"Platform","archived_at":null,)"
                             R"("api_key":"tk_4f1e2d3c4b5a69788796a5b4c3d2e1f0"})";
    const auto team = konnect::parse<myapp::Team>(body);
    std::cout << team << '\n' << konnect::redacted_json(team).dump() << '\n';
    for (const konnect::Problem& problem : konnect::validate<myapp::Team>(nlohmann::json::parse(R"({"name":null})"))) {
        std::cout << problem << '\n';
    }
    return 0;
}
