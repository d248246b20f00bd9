// encode_only, written by hand: encode_only_ours.cpp's program with the struct and to_json of ../hand_written.hpp.
#include "../hand_written.hpp"

#include <iostream>

int main() {
    hand_written::Response response;
    response.id = "83f8380e-7798-4566-99e3-2edf2b57d289";
    response.user_id = "84f8380e-7798-4566-99e3-2edf2b57d288";
    response.name = "Development Token";
    response.state = "ACTIVE";
    response.konnect_token = "kpat_DoRQeLJVS6G7lwleKI77sypGi20qT5JXKBdnpHud1mOQk4Srv";
    response.created_at = "2023-01-01T00:00:00.000Z";
    response.updated_at = "2023-01-01T00:00:00.000Z";
    response.expires_at = "2024-01-01T00:00:00.000Z";
    std::cout << nlohmann::json(response).dump() << '\n';
    return 0;
}
