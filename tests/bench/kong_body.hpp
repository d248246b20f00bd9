// Kong's 201 body with its null members written out: the text every measurement reads, and the same body with
// one member the schema does not name, for the cases that measure what an unknown member costs.
#ifndef KONNECT_MODELS_TESTS_BENCH_KONG_BODY_HPP
#define KONNECT_MODELS_TESTS_BENCH_KONG_BODY_HPP

// The members both texts share, in Kong's order.
#define KONNECT_MODELS_KONG_BODY_MEMBERS                                                                             \
    R"("id":"83f8380e-7798-4566-99e3-2edf2b57d289","name":"Development Token","state":"ACTIVE",)"                    \
    R"("konnect_token":"kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv",)"                                   \
    R"("user_id":"84f8380e-7798-4566-99e3-2edf2b57d288","revoked_by":null,"created_at":"2023-01-01T00:00:00.000Z",)" \
    R"("updated_at":"2023-01-01T00:00:00.000Z","last_used_at":null,"expires_at":"2024-01-01T00:00:00.000Z",)"        \
    R"("revoked_at":null)"

inline constexpr const char* kong_body_with_nulls = "{" KONNECT_MODELS_KONG_BODY_MEMBERS "}";

// A member Kong could add later, last: parse() builds it as a nlohmann::json, to keep in additional_properties.
inline constexpr const char* kong_body_with_unknown_member =
    "{" KONNECT_MODELS_KONG_BODY_MEMBERS R"(,"labels":{"team":"platform"}})";

#undef KONNECT_MODELS_KONG_BODY_MEMBERS

#endif
