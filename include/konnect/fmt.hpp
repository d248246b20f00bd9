// konnect-models for fmt: a fmt::formatter for every public type of
// <konnect/personal_access_token_create_response.hpp>, so that fmt::format, fmt::print and the loggers built on fmt
// (spdlog) take them as they take a string.
//
// Opt-in: the main header does not include this one, and a program that never includes it never needs fmt.
// Vendoring it means copying two files: this one and personal_access_token_create_response.hpp beside it.
// Needs fmt 9 or later; spdlog must use that same fmt (SPDLOG_FMT_EXTERNAL, as distributions build it), not the copy
// it can bundle.
//
// What each type formats as: exactly what its operator<< prints (validation_error, which has no operator<<, as its
// what()), so the token shows as [redacted] here too. The text is printed with the classic locale: like fmt's own
// output, it does not change with the global locale.
//
// Every type takes the format specifications a string takes, applied to that text: fill, alignment and width
// (`{:>40}`, `{:*^12}`, `{:<{}}`), precision (`{:.8}` keeps the first 8 characters) and `?` (quoted and escaped).
// A range of them (fmt/ranges.h) shows each element as `{}` does, unquoted.
//
// SPDX-License-Identifier: MIT
#ifndef KONNECT_FMT_HPP
#define KONNECT_FMT_HPP

#include <konnect/personal_access_token_create_response.hpp>

#include <fmt/format.h>

#include <locale>
#include <sstream>
#include <string>
#include <type_traits>

KONNECT_MODELS_NAMESPACE_BEGIN
namespace detail {

/// What operator<< prints for `value`, with the classic locale.
template <typename T>
std::string text_to_format(const T& value) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << value;
    return out.str();
}

/// validation_error has no operator<<: its what() says what it is and lists its problems, which never hold the token.
inline std::string text_to_format(const validation_error& error) { return error.what(); }

/// The formatter of every type here: formats text_to_format(value) with a string's format specifications.
template <typename T>
struct FormatterAsText : fmt::formatter<fmt::string_view> {
    template <typename FormatContext>
    auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
        const std::string text = detail::text_to_format(value);
        return fmt::formatter<fmt::string_view>::format(fmt::string_view(text), ctx);
    }

    // Hides the string formatter's: fmt/ranges.h then shows elements as `{}` does instead of quoting them as strings.
    void set_debug_format() = delete;
};

}  // namespace detail
KONNECT_MODELS_NAMESPACE_END

namespace fmt {

/// Every model: the response, and any struct described by a konnect::Schema.
template <typename T>
struct formatter<T, char, std::enable_if_t<konnect::is_model<T>>> : konnect::detail::FormatterAsText<T> {};

template <>
struct formatter<konnect::Uuid> : konnect::detail::FormatterAsText<konnect::Uuid> {};

template <>
struct formatter<konnect::Timestamp> : konnect::detail::FormatterAsText<konnect::Timestamp> {};

template <>
struct formatter<konnect::State> : konnect::detail::FormatterAsText<konnect::State> {};

template <>
struct formatter<konnect::State::Value> : konnect::detail::FormatterAsText<konnect::State::Value> {};

template <>
struct formatter<konnect::Secret> : konnect::detail::FormatterAsText<konnect::Secret> {};

template <>
struct formatter<konnect::Problem> : konnect::detail::FormatterAsText<konnect::Problem> {};

template <>
struct formatter<konnect::ProblemKind> : konnect::detail::FormatterAsText<konnect::ProblemKind> {};

template <>
struct formatter<konnect::validation_error> : konnect::detail::FormatterAsText<konnect::validation_error> {};

}  // namespace fmt

#endif  // KONNECT_FMT_HPP
