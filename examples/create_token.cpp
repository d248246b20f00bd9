// Creates a Konnect personal access token as a user would: POST <base-url>/v3/users/<user-id>/access-tokens with
// libcurl, then decodes Kong's 201 answer with konnect::PersonalAccessTokenCreateResponse::parse and prints it with
// the token redacted. The new token itself is shown to nobody: it goes only into --token-file.
//
//   create_token --base-url URL --user-id UUID --name NAME (--ttl-seconds N | --expires-at TIME) [--token-file PATH]
//   create_token --help
//
// The request is authorised by the Konnect access token in the environment variable KONNECT_TOKEN (sent as
// `Authorization: Bearer ...`, never printed). Kong's request body is {"name", "ttl_seconds"} or {"name",
// "expires_at"} (the latter deprecated by Kong): exactly one of the two is required.
//
// The copies of the secrets this program makes are wiped once used: the Authorization header line (its own and
// libcurl's list of headers) and the response body (by parse()). Not wiped: the environment, and the buffers inside
// libcurl and TLS that carry the request and the response.
//
// Exit status:
//   0  the token was created (and written to --token-file when one was given)
//   1  the token was not created: Kong answered with a status other than 201 (its problem document is printed);
//      or Kong answered 201 with a body that is not a valid PersonalAccessTokenCreateResponse (each problem is
//      printed; a token may have been created) or with a body larger than 64 KiB
//   2  a wrong argument, or KONNECT_TOKEN is not set; nothing was sent
//   3  Kong could not be reached or the exchange broke off: refused connection, timeout, TLS (curl's error is
//      printed; whether a token was created is then unknown), or libcurl could not be set up
//   4  --token-file: the file already exists or cannot be created (nothing was sent), or the created token could
//      not be written to it (revoke that token: it is not kept anywhere)

#include <konnect/personal_access_token_create_response.hpp>

#include <curl/curl.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace {

enum ExitStatus : int {
    created = 0,
    not_created = 1,
    wrong_usage = 2,
    unreachable = 3,
    token_file_failed = 4,
};

constexpr const char* usage =
    "usage: create_token --base-url URL --user-id UUID --name NAME (--ttl-seconds N | --expires-at TIME)\n"
    "                    [--token-file PATH]\n"
    "Creates a Konnect personal access token (POST URL/v3/users/UUID/access-tokens) and prints what Kong answered,\n"
    "with the new token redacted.\n"
    "  --base-url URL      Konnect's API, without /v3 (e.g. https://global.api.konghq.com)\n"
    "  --user-id UUID      the user the token is for\n"
    "  --name NAME         the token's name\n"
    "  --ttl-seconds N     the token's lifetime in seconds, 86400 (a day) to 31536000 (a year)\n"
    "  --expires-at TIME   when the token expires, an RFC 3339 date-time (e.g. 2026-01-01T00:00:00Z);\n"
    "                      Kong deprecates it in favour of --ttl-seconds\n"
    "  --token-file PATH   a new file (mode 0600) to write the token to; an existing file is never overwritten.\n"
    "                      Without it, the token is kept nowhere: it is never printed\n"
    "The request is authorised by the Konnect access token in the environment variable KONNECT_TOKEN.\n"
    "Exit status: 0 created, 1 not created (Kong refused, or answered with a bad body), 2 a wrong argument or no\n"
    "KONNECT_TOKEN, 3 Kong not reached (connection, timeout, TLS), 4 the token file could not be created or written.\n";

// Kong's bounds for ttl_seconds (PersonalAccessTokenCreateRequestWithTTL).
constexpr long long min_ttl_seconds = 86400;
constexpr long long max_ttl_seconds = 31536000;

// Kong's answers are a few hundred bytes. The body is read into a buffer of this size reserved beforehand, so that
// the text holding the token is never moved to a new buffer (leaving a copy in the old one) as it grows.
constexpr std::size_t max_body_size = std::size_t{64} * 1024;

// Waiting for Kong: at most this long to connect, and this long for the whole exchange.
constexpr long connect_timeout_ms = 10'000;
constexpr long exchange_timeout_ms = 30'000;

// Volatile stores are not removed as dead stores, even just before the memory is freed.
void wipe(char* data, std::size_t size) noexcept {
    volatile char* byte = data;
    for (std::size_t i = 0; i < size; ++i) {
        byte[i] = 0;
    }
}

// Text a server sent, made safe for a terminal: control characters (which could move the cursor or rewrite what
// was printed before) become '?'.
std::string printable(std::string_view text) {
    std::string shown(text);
    for (char& c : shown) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) c = '?';
    }
    return shown;
}

// ---- The command line

struct Options {
    std::string base_url;  // without a trailing '/'
    konnect::Uuid user_id;
    std::string name;
    std::optional<long long> ttl_seconds;
    std::optional<konnect::Timestamp> expires_at;
    std::optional<std::string> token_file;
};

// The options' values as given, before they are checked.
struct GivenOptions {
    std::optional<std::string_view> base_url;
    std::optional<std::string_view> user_id;
    std::optional<std::string_view> name;
    std::optional<std::string_view> ttl_seconds;
    std::optional<std::string_view> expires_at;
    std::optional<std::string_view> token_file;
};

// Each of the functions below returns what is wrong, in one line, or an empty string.

// Reads each `--option VALUE` into `given`; stops at --help or -h, setting `help`.
std::string collect_options(const std::vector<std::string_view>& arguments, GivenOptions& given, bool& help) {
    const std::array<std::pair<std::string_view, std::optional<std::string_view>*>, 6> options{{
        {"--base-url", &given.base_url},
        {"--user-id", &given.user_id},
        {"--name", &given.name},
        {"--ttl-seconds", &given.ttl_seconds},
        {"--expires-at", &given.expires_at},
        {"--token-file", &given.token_file},
    }};
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string_view argument = arguments[i];
        if (argument == "--help" || argument == "-h") {
            help = true;
            return {};
        }
        const auto* const option =
            std::find_if(options.begin(), options.end(), [&](const auto& named) { return named.first == argument; });
        if (option == options.end()) return "unexpected argument " + std::string(argument);
        if (option->second->has_value()) return std::string(argument) + " is given twice";
        if (i + 1 == arguments.size()) return std::string(argument) + " needs a value";
        *option->second = arguments[++i];
    }
    return {};
}

std::string read_base_url(std::string_view given, std::string& base_url) {
    base_url = std::string(given);
    while (!base_url.empty() && base_url.back() == '/') {
        base_url.pop_back();
    }
    if (base_url.rfind("http://", 0) != 0 && base_url.rfind("https://", 0) != 0) {
        return "--base-url " + std::string(given) + " is not an http:// or https:// URL";
    }
    if (base_url.size() >= 3 && base_url.compare(base_url.size() - 3, 3, "/v3") == 0) {
        return "--base-url " + std::string(given) + " ends with /v3: give it without (it is added)";
    }
    return {};
}

// Kong takes exactly one of ttl_seconds and expires_at.
std::string read_lifetime(const GivenOptions& given, Options& options) {
    if (!given.ttl_seconds && !given.expires_at) return "--ttl-seconds or --expires-at is required (Kong needs one)";
    if (given.ttl_seconds && given.expires_at) return "--ttl-seconds and --expires-at exclude each other";
    if (given.ttl_seconds) {
        long long seconds = 0;
        const std::string_view text = *given.ttl_seconds;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (error != std::errc() || end != text.data() + text.size() || seconds < min_ttl_seconds ||
            seconds > max_ttl_seconds) {
            return "--ttl-seconds " + std::string(text) + " is not a whole number from " +
                   std::to_string(min_ttl_seconds) + " to " + std::to_string(max_ttl_seconds);
        }
        options.ttl_seconds = seconds;
        return {};
    }
    options.expires_at = konnect::Timestamp::from_string(*given.expires_at);
    if (!options.expires_at) {
        return "--expires-at " + std::string(*given.expires_at) +
               " is not an RFC 3339 date-time (like 2026-01-01T00:00:00Z)";
    }
    return {};
}

std::string read_options(const GivenOptions& given, Options& options) {
    if (!given.base_url) return "--base-url is required";
    if (!given.user_id) return "--user-id is required";
    if (!given.name) return "--name is required";

    if (std::string wrong = read_base_url(*given.base_url, options.base_url); !wrong.empty()) return wrong;
    const std::optional<konnect::Uuid> user_id = konnect::Uuid::from_string(*given.user_id);
    if (!user_id) return "--user-id " + std::string(*given.user_id) + " is not a UUID (8-4-4-4-12 hexadecimal digits)";
    options.user_id = *user_id;
    if (given.name->empty()) return "--name is empty";
    options.name = std::string(*given.name);
    if (std::string wrong = read_lifetime(given, options); !wrong.empty()) return wrong;
    if (given.token_file) {
        if (given.token_file->empty()) return "--token-file is empty";
        options.token_file = std::string(*given.token_file);
    }
    return {};
}

// {"name": ..., "ttl_seconds": ...} or {"name": ..., "expires_at": ...}. Throws nlohmann::json::type_error when the
// name is not valid UTF-8.
std::string request_body(const Options& options) {
    nlohmann::json body = {{"name", options.name}};
    if (options.ttl_seconds) body["ttl_seconds"] = *options.ttl_seconds;
    if (options.expires_at) body["expires_at"] = options.expires_at->to_string();
    return body.dump();
}

// ---- The token file

// The file the new token goes to. It is created before the request is sent, so that no token is created that could
// not be kept; it is removed again unless the token was written to it.
class TokenFile {
  public:
    TokenFile() = default;
    TokenFile(const TokenFile&) = delete;
    TokenFile& operator=(const TokenFile&) = delete;
    ~TokenFile() {
        if (descriptor_ < 0) return;
        ::close(descriptor_);
        ::unlink(path_.c_str());
    }

    // Creates `path`, which must not exist (O_EXCL: not even as a symbolic link), with mode 0600 whatever the umask.
    // Returns why it could not, or an empty string.
    std::string create(const std::string& path) {
        const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
        if (descriptor < 0) {
            return errno == EEXIST ? "it already exists, and is never overwritten" : std::strerror(errno);
        }
        descriptor_ = descriptor;
        path_ = path;
        if (::fchmod(descriptor_, S_IRUSR | S_IWUSR) != 0) return std::strerror(errno);
        return {};
    }

    // Writes the token (exactly its bytes, no newline), flushes it to the disk and closes the file, which is kept.
    // Returns why it could not, or an empty string; the file is then removed.
    std::string write(std::string_view token) {
        while (!token.empty()) {
            const ssize_t written = ::write(descriptor_, token.data(), token.size());
            if (written < 0 && errno == EINTR) continue;
            if (written < 0) return std::strerror(errno);
            token.remove_prefix(static_cast<std::size_t>(written));
        }
        if (::fsync(descriptor_) != 0) return std::strerror(errno);
        const int descriptor = std::exchange(descriptor_, -1);
        if (::close(descriptor) != 0) {
            std::string why = std::strerror(errno);
            ::unlink(path_.c_str());
            return why;
        }
        return {};
    }

  private:
    int descriptor_ = -1;
    std::string path_;
};

// ---- The request

// libcurl's global state, for the life of main().
class CurlLibrary {
  public:
    CurlLibrary() {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("curl_global_init failed");
    }
    CurlLibrary(const CurlLibrary&) = delete;
    CurlLibrary& operator=(const CurlLibrary&) = delete;
    ~CurlLibrary() { curl_global_cleanup(); }
};

// The request's header lines. They are wiped before libcurl frees them: one holds KONNECT_TOKEN.
class HeaderList {
  public:
    HeaderList() = default;
    HeaderList(const HeaderList&) = delete;
    HeaderList& operator=(const HeaderList&) = delete;
    ~HeaderList() {
        for (curl_slist* line = list_; line != nullptr; line = line->next) {
            wipe(line->data, std::strlen(line->data));
        }
        curl_slist_free_all(list_);
    }

    void add(const std::string& line) {
        curl_slist* const longer = curl_slist_append(list_, line.c_str());
        if (longer == nullptr) throw std::runtime_error("out of memory for the request's headers");
        list_ = longer;
    }
    [[nodiscard]] curl_slist* get() const noexcept { return list_; }

  private:
    curl_slist* list_ = nullptr;
};

struct ResponseBody {
    std::string text;
    bool too_large = false;
};

// libcurl's write callback: appends what arrived, within the buffer reserved beforehand.
std::size_t append_to_body(char* data, std::size_t size, std::size_t count, void* response_body) {
    auto& body = *static_cast<ResponseBody*>(response_body);
    const std::size_t bytes = size * count;
    if (bytes > body.text.capacity() - body.text.size()) {
        body.too_large = true;
        return 0;  // libcurl stops the transfer with CURLE_WRITE_ERROR
    }
    body.text.append(data, bytes);
    return bytes;
}

template <typename Value>
void set_option(CURL* easy, CURLoption option, Value value) {
    const CURLcode code = curl_easy_setopt(easy, option, value);
    if (code != CURLE_OK) {
        throw std::runtime_error(std::string("libcurl refused an option: ") + curl_easy_strerror(code));
    }
}

struct Exchange {
    bool answered = false;  // false: the exchange broke off, and `failure` says why
    std::string failure;
    long status = 0;
    ResponseBody body;
};

// Sends the request and reads Kong's answer. Throws std::runtime_error when libcurl cannot be set up.
Exchange post(const std::string& url, const std::string& body, const char* access_token) {
    // What the handle points to is declared before it, so that it outlives the handle.
    Exchange exchange;
    exchange.body.text.reserve(max_body_size);
    std::array<char, CURL_ERROR_SIZE> error{};

    HeaderList headers;
    headers.add("Content-Type: application/json");
    headers.add("Accept: application/json");
    headers.add("Expect:");  // no "100-continue" round trip for a body this small
    {
        // Built in a buffer of its final size, so that no reallocation leaves a copy of the access token behind.
        constexpr std::string_view prefix = "Authorization: Bearer ";
        std::string authorization;
        authorization.reserve(prefix.size() + std::strlen(access_token));
        authorization.append(prefix).append(access_token);
        headers.add(authorization);
        wipe(authorization.data(), authorization.size());
    }

    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> easy(curl_easy_init(), &curl_easy_cleanup);
    if (!easy) throw std::runtime_error("curl_easy_init failed");

    set_option(easy.get(), CURLOPT_URL, url.c_str());
#if LIBCURL_VERSION_NUM >= 0x075500  // 7.85.0 replaced CURLOPT_PROTOCOLS with CURLOPT_PROTOCOLS_STR
    set_option(easy.get(), CURLOPT_PROTOCOLS_STR, "http,https");
#else
    set_option(easy.get(), CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    set_option(easy.get(), CURLOPT_HTTPHEADER, headers.get());
    set_option(easy.get(), CURLOPT_POSTFIELDS, body.c_str());
    set_option(easy.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    set_option(easy.get(), CURLOPT_USERAGENT, "konnect-models create_token example");
    set_option(easy.get(), CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
    set_option(easy.get(), CURLOPT_TIMEOUT_MS, exchange_timeout_ms);
    set_option(easy.get(), CURLOPT_NOSIGNAL, 1L);
    set_option(easy.get(), CURLOPT_WRITEFUNCTION, &append_to_body);
    set_option(easy.get(), CURLOPT_WRITEDATA, static_cast<void*>(&exchange.body));
    set_option(easy.get(), CURLOPT_ERRORBUFFER, error.data());
    // Redirects are not followed (libcurl's default): a 3xx is reported as an answer other than 201.

    const CURLcode code = curl_easy_perform(easy.get());
    if (code != CURLE_OK && !exchange.body.too_large) {
        exchange.failure = error[0] != '\0' ? error.data() : curl_easy_strerror(code);
        return exchange;
    }
    exchange.answered = true;
    curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &exchange.status);
    return exchange;
}

// ---- Kong's answers

// The string member `key` of `object`, or nothing when it is absent or not a string.
std::optional<std::string> string_member(const nlohmann::json& object, const char* key) {
    const auto member = object.find(key);
    if (member == object.end() || !member->is_string()) return std::nullopt;
    return member->get<std::string>();
}

// Kong's error bodies are RFC 7807 problem documents: {"status", "title", "type", "instance", "detail",
// "invalid_parameters": [{"field", "reason", ...}]}. Prints what the one at hand says, or the HTTP status alone
// when the body is not one.
void report_refusal(long http_status, const std::string& body) {
    const nlohmann::json problem = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    const bool is_problem = problem.is_object() && (problem.contains("status") || problem.contains("title"));
    if (!is_problem) {
        std::cerr << "create_token: the token was not created: HTTP " << http_status
                  << " (the body is not a problem document)\n";
    } else {
        const auto status = problem.find("status");
        std::cerr << "create_token: the token was not created: "
                  << (status != problem.end() && status->is_number_integer() ? status->get<long long>() : http_status);
        if (const auto title = string_member(problem, "title")) std::cerr << ' ' << printable(*title);
        if (const auto detail = string_member(problem, "detail"); detail && !detail->empty()) {
            std::cerr << ": " << printable(*detail);
        }
        std::cerr << '\n';
        const auto invalid_parameters = problem.find("invalid_parameters");
        if (invalid_parameters != problem.end() && invalid_parameters->is_array()) {
            for (const nlohmann::json& parameter : *invalid_parameters) {
                if (!parameter.is_object()) continue;
                std::cerr << "  " << printable(string_member(parameter, "field").value_or("(no field)")) << ": "
                          << printable(string_member(parameter, "reason").value_or("(no reason)")) << '\n';
            }
        }
        if (const auto instance = string_member(problem, "instance")) {
            std::cerr << "  instance " << printable(*instance) << '\n';
        }
    }
    if (http_status == 401) std::cerr << "  (is KONNECT_TOKEN a valid Konnect access token?)\n";
}

}  // namespace

int main(int argc, char** argv) {
    GivenOptions given;
    bool help = false;
    Options options;
    std::string wrong =
        collect_options(std::vector<std::string_view>(argv + (argc > 0 ? 1 : 0), argv + argc), given, help);
    if (help) {
        std::cout << usage;
        return created;
    }
    if (wrong.empty()) wrong = read_options(given, options);
    if (!wrong.empty()) {
        std::cerr << "create_token: " << wrong << " (create_token --help shows the usage)\n";
        return wrong_usage;
    }

    const char* const access_token = std::getenv("KONNECT_TOKEN");
    if (access_token == nullptr || *access_token == '\0') {
        std::cerr << "create_token: KONNECT_TOKEN is not set: put the Konnect access token that may create tokens "
                     "there\n";
        return wrong_usage;
    }

    std::string body;
    try {
        body = request_body(options);
    } catch (const nlohmann::json::type_error&) {
        std::cerr << "create_token: --name is not valid UTF-8 (create_token --help shows the usage)\n";
        return wrong_usage;
    }

    TokenFile token_file;
    if (options.token_file) {
        const std::string why_not = token_file.create(*options.token_file);
        if (!why_not.empty()) {
            std::cerr << "create_token: cannot create the token file " << *options.token_file << ": " << why_not
                      << "; nothing was sent\n";
            return token_file_failed;
        }
    }

    const std::string url = options.base_url + "/v3/users/" + options.user_id.to_string() + "/access-tokens";
    Exchange exchange;
    try {
        const CurlLibrary curl;
        exchange = post(url, body, access_token);
    } catch (const std::runtime_error& error) {
        std::cerr << "create_token: " << error.what() << '\n';
        return unreachable;
    }
    if (!exchange.answered) {
        std::cerr << "create_token: POST " << url << " failed: " << printable(exchange.failure) << '\n';
        return unreachable;
    }
    if (exchange.body.too_large) {
        std::cerr << "create_token: Kong answered HTTP " << exchange.status << " with a body larger than "
                  << max_body_size / 1024 << " KiB; if that status was 201, a token was created\n";
        return not_created;
    }
    if (exchange.status != 201) {
        report_refusal(exchange.status, exchange.body.text);
        return not_created;
    }

    try {
        // The rvalue overload wipes the body, and with it the token's text, once it is decoded.
        const auto response = konnect::PersonalAccessTokenCreateResponse::parse(std::move(exchange.body.text));
        std::cout << "Created " << response << '\n';
        if (options.token_file) {
            const std::string why_not = token_file.write(response.konnect_token.reveal());
            if (!why_not.empty()) {
                std::cerr << "create_token: the token " << response.id << " was created but cannot be written to "
                          << *options.token_file << ": " << why_not << "; revoke it, it is kept nowhere\n";
                return token_file_failed;
            }
            std::cout << "The token is in " << *options.token_file << " (mode 0600).\n";
        } else {
            std::cout << "The token is kept nowhere: it is never printed, and no --token-file was given.\n";
        }
        return created;
    } catch (const konnect::validation_error& error) {
        std::cerr << "create_token: Kong answered 201 Created, but not with a valid PersonalAccessTokenCreateResponse "
                     "(a token may have been created: look at the user's tokens in Konnect):\n";
        for (const konnect::Problem& problem : error.problems()) {
            std::cerr << "  " << printable(konnect::to_string(problem)) << '\n';
        }
        return not_created;
    }
}
