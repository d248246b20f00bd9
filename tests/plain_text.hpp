// Plain text, the shape of the text servers send, told apart from outside the header: an object of schema members,
// each null or a string of printable ASCII without escapes, JSON whitespace between tokens. parse() reads its strings
// in place, and decodes any other. The same JSON with a character of a name escaped reads by that other path: the
// tests that show both read every text alike use these (test_parse.cpp, test_properties.cpp); nothing here calls
// konnect:: code.
#ifndef KONNECT_MODELS_TESTS_PLAIN_TEXT_HPP
#define KONNECT_MODELS_TESTS_PLAIN_TEXT_HPP

#include "property_documents.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace plain_text {

/// Judges the events of nlohmann's SAX reader: an object whose members are schema members holding null or strings.
class PlainShape : public nlohmann::json_sax<nlohmann::json> {
  public:
    [[nodiscard]] bool plain() const noexcept { return plain_; }

    bool null() override { return member_value(true); }
    bool boolean(bool /*value*/) override { return member_value(false); }
    bool number_integer(number_integer_t /*value*/) override { return member_value(false); }
    bool number_unsigned(number_unsigned_t /*value*/) override { return member_value(false); }
    bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return member_value(false); }
    bool string(string_t& /*value*/) override { return member_value(true); }
    bool binary(binary_t& /*value*/) override { return member_value(false); }
    bool start_object(std::size_t /*size*/) override { return open(); }
    bool key(string_t& key) override {
        plain_ = plain_ && property::is_schema_key(key);
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t /*size*/) override { return member_value(false) && open(); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                     const nlohmann::json::exception& /*error*/) override {
        plain_ = false;
        return false;
    }

  private:
    // A value: plain only as a member of the root object.
    bool member_value(bool plain_kind) {
        plain_ = plain_ && plain_kind && depth_ == 1;
        return true;
    }
    bool open() {
        plain_ = plain_ && depth_ == 0;
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        return true;
    }

    bool plain_ = true;
    std::size_t depth_ = 0;
};

/// Whether `text` is plain: every byte printable ASCII (0x20 to 0x7E) but a
/// backslash, or JSON whitespace, and to nlohmann's reader an object whose members are all schema members, each
/// null or a string. Judged from the text alone, not by the header's own reader.
inline bool is_plain(std::string_view text) {
    const bool plain_bytes = std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte >= 0x20U && byte <= 0x7EU && c != '\\') || c == '\t' || c == '\n' || c == '\r';
    });
    if (!plain_bytes) return false;
    PlainShape shape;
    return nlohmann::json::sax_parse(text.begin(), text.end(), &shape) && shape.plain();
}

/// Valid JSON `text` with one character of a member name, the first printable ASCII one written as itself in the
/// first name that has one, written as a \u escape instead: the same JSON, not plain, whose name parse() decodes.
/// Nothing when no name has such a character (no object, or only empty or escaped names).
inline std::optional<std::string> with_escaped_key_character(std::string_view text) {
    constexpr std::string_view hex = "0123456789abcdef";
    std::size_t at = 0;
    while ((at = text.find('"', at)) != std::string_view::npos) {
        std::optional<std::size_t> candidate;  // the string's first character that stands as itself
        for (++at; at < text.size() && text[at] != '"'; ++at) {
            const auto byte = static_cast<unsigned char>(text[at]);
            if (text[at] == '\\') {
                at += text[at + 1] == 'u' ? std::size_t{5} : std::size_t{1};
            } else if (!candidate && byte >= 0x20U && byte <= 0x7EU) {
                candidate = at;
            }
        }
        ++at;  // past the closing quote
        const std::size_t next = text.find_first_not_of(" \t\n\r", at);
        const bool is_key = next != std::string_view::npos && text[next] == ':';
        if (is_key && candidate) {
            const auto byte = static_cast<unsigned char>(text[*candidate]);
            std::string escaped = "\\u00";
            escaped += hex[byte >> 4U];
            escaped += hex[byte & 0x0FU];
            return std::string(text).replace(*candidate, 1, escaped);
        }
    }
    return std::nullopt;
}

}  // namespace plain_text

#endif
