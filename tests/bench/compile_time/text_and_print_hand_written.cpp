// text_and_print, written by hand with nlohmann_json: text_and_print_ours.cpp's program with the struct, from_json
// and operator<< of ../hand_written.hpp, which prints what the library's operator<< prints.
#include "../hand_written.hpp"

#include <iostream>

int main() {
    const auto response = nlohmann::json::parse(kong_body_with_nulls).get<hand_written::Response>();
    std::cout << response << '\n';
    return 0;
}
