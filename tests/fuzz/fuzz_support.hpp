// Shared by the fuzz targets: how a target reports a property that does not hold, and how it looks for the token in
// text. A target stops at the first broken property with std::abort(), which libFuzzer takes for a crash: it saves the
// input as an artifact and the run fails.
#ifndef KONNECT_MODELS_TESTS_FUZZ_SUPPORT_HPP
#define KONNECT_MODELS_TESTS_FUZZ_SUPPORT_HPP

#include "../printable.hpp"

#include <konnect/personal_access_token_create_response.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace fuzz {

/// The fuzzer's bytes as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
    // libFuzzer hands over bytes; every interface under test reads chars.
    return {reinterpret_cast<const char*>(data), size};
}

using support::printable;

/// Reports a property that does not hold and stops, so that libFuzzer saves the input.
[[noreturn]] inline void fail(std::string_view property, const std::string& details = {}) {
    std::fprintf(stderr, "\n==== konnect-models fuzz: property broken: %.*s\n%s\n", static_cast<int>(property.size()),
                 property.data(), details.c_str());
    std::fflush(stderr);
    std::abort();
}

inline void check(bool holds, std::string_view property, const std::string& details = {}) {
    if (!holds) fail(property, details);
}

/// What operator<< writes for `value`.
template <typename T>
std::string printed(const T& value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

/// Every problem, one a line, for a report.
inline std::string listed(const std::vector<konnect::Problem>& problems) {
    std::string text;
    for (const auto& problem : problems) {
        text += "  " + printable(to_string(problem)) + " kind " + printed(problem.kind) + "\n";
    }
    return text;
}

/// Every run of eight bytes of a token, as it is and as JSON writes it escaped: messages and printed forms show
/// document text quoted and escaped, so an escaped copy of the token is as much a leak as a raw one.
class TokenRuns {
  public:
    static constexpr std::size_t run_size = 8;

    explicit TokenRuns(std::string_view token) : token_(token) {
        // nlohmann's escaping is written independently of the header's: the oracle does not reuse what it checks.
        // It leaves 0x7F as it is where the header writes \u007f, so runs across 0x7F are not looked for.
        const std::string quoted =
            nlohmann::json(std::string(token)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        escaped_ = quoted.substr(1, quoted.size() - 2);
        for (const std::string_view form : {std::string_view(token_), std::string_view(escaped_)}) {
            for (std::size_t at = 0; at + run_size <= form.size(); ++at) {
                runs_.insert(form.substr(at, run_size));
            }
        }
    }

    TokenRuns(const TokenRuns&) = delete;
    TokenRuns& operator=(const TokenRuns&) = delete;

    /// Where in `text` each window of eight bytes that is a run of the token starts.
    [[nodiscard]] std::vector<std::size_t> positions_in(std::string_view text) const {
        std::vector<std::size_t> positions;
        for (std::size_t at = 0; at + run_size <= text.size(); ++at) {
            if (runs_.count(text.substr(at, run_size)) != 0) positions.push_back(at);
        }
        return positions;
    }

    /// The first run of the token in `text`, if any.
    [[nodiscard]] std::optional<std::string_view> first_in(std::string_view text) const {
        const std::vector<std::size_t> positions = positions_in(text);
        if (positions.empty()) return std::nullopt;
        return text.substr(positions.front(), run_size);
    }

    [[nodiscard]] const std::string& token() const noexcept { return token_; }

  private:
    std::string token_;
    std::string escaped_;
    std::unordered_set<std::string_view> runs_;  // views into token_ and escaped_
};

/// Checks what() of a validation_error: `[konnect.validation_error.<id>] <n> problem(s): ` and then the problems
/// joined by "; ", the first ones whole and the rest counted as "; and <k> more". Document text reaches what() only
/// through the problems, which the targets check one by one.
inline void check_what_lists_the_problems(const konnect::validation_error& error) {
    const std::vector<konnect::Problem>& problems = error.problems();
    const std::string what = error.what();
    const std::string details = "what(): " + printable(what) + "\nproblems:\n" + listed(problems);
    const std::string head = "[konnect.validation_error." + std::to_string(error.id) + "] " +
                             std::to_string(problems.size()) + (problems.size() == 1 ? " problem: " : " problems: ");
    check(what.compare(0, head.size(), head) == 0, "what() starts with the error id and the number of problems",
          details);
    check(!problems.empty(), "a validation_error has at least one problem", details);

    std::size_t at = head.size();
    std::size_t listed_problems = 0;
    for (const auto& problem : problems) {
        const std::string text = (listed_problems == 0 ? "" : "; ") + to_string(problem);
        if (what.compare(at, text.size(), text) != 0) break;
        at += text.size();
        ++listed_problems;
    }
    const std::size_t more = problems.size() - listed_problems;
    const std::string tail = more == 0 ? "" : "; and " + std::to_string(more) + " more";
    check(listed_problems > 0 && what.compare(at, std::string::npos, tail) == 0,
          "what() lists the first problems in order and counts the others, and holds nothing else", details);
}

}  // namespace fuzz

#endif
