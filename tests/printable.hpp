// How a test shows text in a report: a quoted literal with its length. Apart from support.hpp, which needs
// Catch2, so that the fuzz targets use it too.
#ifndef KONNECT_MODELS_TESTS_PRINTABLE_HPP
#define KONNECT_MODELS_TESTS_PRINTABLE_HPP

#include <string>
#include <string_view>

namespace support {

/// The text as a quoted literal with its length, so that NUL, newlines and non-ASCII bytes show in a failure.
inline std::string printable(std::string_view text) {
    constexpr std::string_view digits = "0123456789abcdef";
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20U || byte >= 0x7FU || c == '"' || c == '\\') {
            out += "\\x";
            out += digits[byte >> 4U];
            out += digits[byte & 0x0FU];
        } else {
            out += c;
        }
    }
    out += "\" (" + std::to_string(text.size()) + " bytes)";
    return out;
}

}  // namespace support

#endif
