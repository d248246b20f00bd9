// A stand-in for Konnect's POST /v3/users/{userId}/access-tokens, for the create_token tests. It listens on 127.0.0.1
// only, on a port the system picks; runs the program under test with that address among its arguments; serves it at
// most one request; and ends when the program ends. Nothing outlives a run, and nothing waits past the deadline
// (run_time_limit below): the program is then killed.
//
//   fake_konnect serve STATUS BODY_FILE USER_ID -- PROGRAM [ARGUMENT...]
//       expects one request, as Kong expects it, for the user USER_ID, and answers STATUS with BODY_FILE's bytes
//   fake_konnect expect-no-request -- PROGRAM [ARGUMENT...]
//       expects PROGRAM to send nothing
//   fake_konnect refuse -- PROGRAM [ARGUMENT...]
//       gives PROGRAM a port nothing listens on (a socket bound, then closed), so that its connection is refused
//
// Each @BASE_URL@ in PROGRAM's arguments becomes http://127.0.0.1:PORT. PROGRAM inherits the environment, standard
// output and standard error; fake_konnect itself writes to standard error only, lines that start "fake_konnect:".
//
// A request as Kong expects it: POST /v3/users/USER_ID/access-tokens; Authorization: Bearer $KONNECT_TOKEN;
// Content-Type and Accept application/json; a Content-Length, no other transfer coding; a body that is a JSON object
// with a non-empty string "name" and exactly one of "ttl_seconds" (an integer from 86400 to 31536000) and
// "expires_at" (an RFC 3339 date-time), and nothing else. Any other request is answered 400, with a problem document
// whose detail says what is wrong; a request where none was expected is answered 500.
//
// Exit status: PROGRAM's, when fake_konnect found nothing wrong. Otherwise 99, with a line saying what: the request
// was not as Kong expects it, no request came or one came where none should, PROGRAM did not end in time or ended by
// a signal, or fake_konnect could not set itself up (a wrong argument, an unreadable BODY_FILE, a socket call failed).

#include <konnect/personal_access_token_create_response.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// The whole run, from start to PROGRAM's end, fits in this; PROGRAM normally ends in well under a second.
constexpr std::chrono::seconds run_time_limit{10};

// How often the wait for a connection looks whether PROGRAM has ended.
constexpr std::chrono::milliseconds look_again_after{50};

constexpr int found_something_wrong = 99;
constexpr std::size_t max_request_size = std::size_t{64} * 1024;

// Kong's bounds for ttl_seconds (PersonalAccessTokenCreateRequestWithTTL).
constexpr long long min_ttl_seconds = 86400;
constexpr long long max_ttl_seconds = 31536000;

// Something fake_konnect found wrong, or could not do: it ends the run with found_something_wrong.
class Failure : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail_with_errno(const std::string& what) { throw Failure(what + ": " + std::strerror(errno)); }

// The time left until `deadline`, but no more than `at_most`.
std::chrono::milliseconds milliseconds_until(Clock::time_point deadline, std::chrono::milliseconds at_most) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return std::clamp(left, std::chrono::milliseconds(0), at_most);
}

int poll_timeout(std::chrono::milliseconds wait) { return static_cast<int>(wait.count()); }

// ---- Sockets

class Socket {
  public:
    explicit Socket(int descriptor) noexcept : descriptor_(descriptor) {}
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    Socket(Socket&& other) noexcept : descriptor_(std::exchange(other.descriptor_, -1)) {}
    Socket& operator=(Socket&&) = delete;
    ~Socket() { close(); }

    [[nodiscard]] int get() const noexcept { return descriptor_; }
    void close() noexcept {
        if (descriptor_ >= 0) ::close(std::exchange(descriptor_, -1));
    }

  private:
    int descriptor_;
};

// A TCP socket bound to 127.0.0.1, on a port the system picks.
Socket bind_to_loopback() {
    Socket socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (socket.get() < 0) fail_with_errno("socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = 0;
    if (::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr) != 1) throw Failure("inet_pton failed on 127.0.0.1");
    if (::bind(socket.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) fail_with_errno("bind");
    return socket;
}

unsigned port_of(const Socket& socket) {
    sockaddr_in address{};
    socklen_t size = sizeof address;
    if (::getsockname(socket.get(), reinterpret_cast<sockaddr*>(&address), &size) != 0) fail_with_errno("getsockname");
    return ntohs(address.sin_port);
}

// Whether `descriptor` has something to read (a connection, for a listening socket) within `wait`.
bool readable(int descriptor, std::chrono::milliseconds wait) {
    pollfd watched{descriptor, POLLIN, 0};
    const int ready = ::poll(&watched, 1, poll_timeout(wait));
    if (ready < 0 && errno != EINTR) fail_with_errno("poll");
    return ready > 0;
}

void send_all(int connection, std::string_view data, Clock::time_point deadline) {
    while (!data.empty()) {
        pollfd watched{connection, POLLOUT, 0};
        if (::poll(&watched, 1, poll_timeout(milliseconds_until(deadline, run_time_limit))) == 0) {
            throw Failure("the answer could not be sent in time");
        }
        const ssize_t sent = ::send(connection, data.data(), data.size(), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR) continue;
        if (sent < 0) fail_with_errno("send");
        data.remove_prefix(static_cast<std::size_t>(sent));
    }
}

// ---- The program under test

class Program {
  public:
    // Starts `arguments[0]` with `arguments`.
    explicit Program(std::vector<std::string> arguments) : arguments_(std::move(arguments)) {
        std::vector<char*> argv;
        for (std::string& argument : arguments_) {
            argv.push_back(argument.data());
        }
        argv.push_back(nullptr);
        std::cout.flush();
        std::cerr.flush();
        pid_ = ::fork();
        if (pid_ < 0) fail_with_errno("fork");
        if (pid_ == 0) {
            ::execv(argv[0], argv.data());
            std::cerr << "fake_konnect: cannot run " << arguments_[0] << ": " << std::strerror(errno) << std::endl;
            std::_Exit(127);
        }
    }
    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;
    // A program still running when the run is abandoned is killed, so that nothing outlives the run.
    ~Program() {
        if (!ended_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &wait_status_, 0);
        }
    }

    bool has_ended() {
        if (!ended_) ended_ = ::waitpid(pid_, &wait_status_, WNOHANG) == pid_;
        return ended_;
    }

    // Waits for the program to end by `deadline`, and puts its exit status in `exit_status`. Returns what went wrong
    // instead, or nothing: it did not end in time (it is then killed) or it ended by a signal.
    std::string wait_for_end(Clock::time_point deadline, int& exit_status) {
        while (!has_ended()) {
            if (Clock::now() >= deadline) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, &wait_status_, 0);
                ended_ = true;
                return arguments_[0] + " did not end within " + std::to_string(run_time_limit.count()) +
                       " s, and was killed";
            }
            ::poll(nullptr, 0, poll_timeout(milliseconds_until(deadline, look_again_after)));
        }
        if (WIFSIGNALED(wait_status_)) {
            return arguments_[0] + " was ended by signal " + std::to_string(WTERMSIG(wait_status_));
        }
        exit_status = WEXITSTATUS(wait_status_);
        return {};
    }

  private:
    std::vector<std::string> arguments_;
    pid_t pid_ = -1;
    bool ended_ = false;
    int wait_status_ = 0;
};

// The program's connection, or nothing when the program ended without connecting or the deadline passed.
std::optional<Socket> accept_from(const Socket& listener, Program& program, Clock::time_point deadline) {
    while (true) {
        if (readable(listener.get(), milliseconds_until(deadline, look_again_after))) break;
        // A connection made before the program ended is already queued: one last look finds it.
        if (program.has_ended() && !readable(listener.get(), std::chrono::milliseconds(0))) return std::nullopt;
        if (Clock::now() >= deadline) return std::nullopt;
    }
    Socket connection(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (connection.get() < 0) fail_with_errno("accept");
    return connection;
}

// ---- HTTP

struct Request {
    std::string method;
    std::string target;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// The value of the first header named `name` (any case), or nothing.
std::optional<std::string> header(const Request& request, std::string_view name) {
    for (const auto& [key, value] : request.headers) {
        if (equal_ignoring_case(key, name)) return value;
    }
    return std::nullopt;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

// Reads more of the request into `data`. Throws Failure at the deadline, at the end of the connection, or past
// max_request_size.
void receive_more(int connection, std::string& data, Clock::time_point deadline) {
    if (!readable(connection, milliseconds_until(deadline, run_time_limit))) {
        throw Failure("the request did not arrive complete in time");
    }
    std::array<char, 4096> buffer{};
    const ssize_t received = ::recv(connection, buffer.data(), buffer.size(), 0);
    if (received < 0) fail_with_errno("recv");
    if (received == 0) throw Failure("the connection was closed before the request was complete");
    data.append(buffer.data(), static_cast<std::size_t>(received));
    if (data.size() > max_request_size) throw Failure("the request is larger than 64 KiB");
}

// Reads one request: its head, then the body its Content-Length gives. A request without a Content-Length (or with a
// Transfer-Encoding) is read without its body, and fails check_request.
Request read_request(int connection, Clock::time_point deadline) {
    std::string data;
    std::size_t head_end = 0;
    while ((head_end = data.find("\r\n\r\n")) == std::string::npos) {
        receive_more(connection, data, deadline);
    }

    Request request;
    std::string_view head(data.data(), head_end);
    const std::size_t request_line_end = std::min(head.find("\r\n"), head.size());
    const std::string_view request_line = head.substr(0, request_line_end);
    const std::size_t first_space = request_line.find(' ');
    const std::size_t second_space = request_line.find(' ', first_space + 1);
    if (first_space == std::string_view::npos || second_space == std::string_view::npos) {
        throw Failure("the request line is not METHOD TARGET VERSION");
    }
    request.method = std::string(request_line.substr(0, first_space));
    request.target = std::string(request_line.substr(first_space + 1, second_space - first_space - 1));

    head.remove_prefix(request_line_end);
    while (!head.empty()) {
        head.remove_prefix(2);  // the CRLF before each header line
        const std::string_view line = head.substr(0, std::min(head.find("\r\n"), head.size()));
        head.remove_prefix(line.size());
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) throw Failure("a header line has no colon");
        request.headers.emplace_back(std::string(line.substr(0, colon)), std::string(trimmed(line.substr(colon + 1))));
    }

    const std::optional<std::string> content_length = header(request, "Content-Length");
    if (!content_length || header(request, "Transfer-Encoding")) return request;
    std::size_t body_size = 0;
    const char* const end = content_length->data() + content_length->size();
    if (std::from_chars(content_length->data(), end, body_size).ptr != end || body_size > max_request_size) {
        throw Failure("the Content-Length is not a number up to 64 KiB");
    }
    const std::size_t body_start = head_end + 4;
    while (data.size() - body_start < body_size) {
        receive_more(connection, data, deadline);
    }
    request.body = data.substr(body_start, body_size);
    return request;
}

// What is wrong with the body of a request to create a token, or nothing.
std::string check_body(const std::string& text) {
    const nlohmann::json body = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!body.is_object()) return "the body is not a JSON object";
    for (const auto& member : body.items()) {
        if (member.key() != "name" && member.key() != "ttl_seconds" && member.key() != "expires_at") {
            return "the body has a member Kong does not take: " + member.key();
        }
    }
    const auto name = body.find("name");
    if (name == body.end() || !name->is_string() || name->get<std::string>().empty()) {
        return "the body's \"name\" is missing, not a string, or empty";
    }
    const auto ttl_seconds = body.find("ttl_seconds");
    const auto expires_at = body.find("expires_at");
    if ((ttl_seconds == body.end()) == (expires_at == body.end())) {
        return R"(the body has not exactly one of "ttl_seconds" and "expires_at")";
    }
    if (ttl_seconds != body.end()) {
        const bool in_range = ttl_seconds->is_number_integer() && ttl_seconds->get<long long>() >= min_ttl_seconds &&
                              ttl_seconds->get<long long>() <= max_ttl_seconds;
        if (!in_range) return "the body's \"ttl_seconds\" is not an integer from 86400 to 31536000";
    } else if (!expires_at->is_string() || !konnect::Timestamp::from_string(expires_at->get<std::string>())) {
        return "the body's \"expires_at\" is not an RFC 3339 date-time string";
    }
    return {};
}

// What is wrong with a request to create a token for `user_id`, or nothing. Never shows the access token.
std::string check_request(const Request& request, const std::string& user_id, const std::string& access_token) {
    if (request.method != "POST") return "the method is " + request.method + ", not POST";
    const std::string path = "/v3/users/" + user_id + "/access-tokens";
    if (request.target != path) return "the target is " + request.target + ", not " + path;
    const std::optional<std::string> authorization = header(request, "Authorization");
    if (!authorization) return "there is no Authorization header";
    if (*authorization != "Bearer " + access_token) return "the Authorization header is not Bearer $KONNECT_TOKEN";
    const std::optional<std::string> content_type = header(request, "Content-Type");
    if (!content_type || content_type->rfind("application/json", 0) != 0) {
        return "the Content-Type is not application/json";
    }
    const std::optional<std::string> accept = header(request, "Accept");
    if (!accept || accept->find("application/json") == std::string::npos) {
        return "the Accept header does not take application/json";
    }
    if (!header(request, "Content-Length") || header(request, "Transfer-Encoding")) {
        return "the body is not sent with a Content-Length";
    }
    return check_body(request.body);
}

std::string reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 409:
            return "Conflict";
        case 500:
            return "Internal Server Error";
        default:
            return "Status " + std::to_string(status);
    }
}

// An answer as Kong writes one: JSON for a success, a problem document otherwise.
std::string answer(int status, const std::string& body) {
    return "HTTP/1.1 " + std::to_string(status) + ' ' + reason_phrase(status) +
           "\r\nContent-Type: " + (status / 100 == 2 ? "application/json" : "application/problem+json") +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

std::string problem_document(int status, const std::string& detail) {
    return nlohmann::json{{"status", status}, {"title", reason_phrase(status)}, {"detail", detail}}.dump();
}

// Sends the answer, then ends the connection in order: the whole request has been read, so nothing is reset.
void answer_and_close(Socket& connection, int status, const std::string& body, Clock::time_point deadline) {
    send_all(connection.get(), answer(status, body), deadline);
    ::shutdown(connection.get(), SHUT_WR);
    connection.close();
}

// ---- The scenarios

struct Scenario {
    enum class Kind { serve, expect_no_request, refuse };
    Kind kind = Kind::serve;
    int status = 0;                    // serve
    std::string body;                  // serve
    std::string user_id;               // serve
    std::vector<std::string> program;  // PROGRAM and its arguments, @BASE_URL@ not yet replaced
};

std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw Failure("cannot read " + path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

Scenario read_arguments(const std::vector<std::string>& arguments) {
    const auto separator = std::find(arguments.begin(), arguments.end(), "--");
    const std::vector<std::string> own(arguments.begin(), separator);
    if (separator == arguments.end() || separator + 1 == arguments.end() || own.empty()) {
        throw Failure(
            "usage: fake_konnect (serve STATUS BODY_FILE USER_ID | expect-no-request | refuse) -- PROGRAM "
            "[ARGUMENT...]");
    }

    Scenario scenario;
    scenario.program.assign(separator + 1, arguments.end());
    if (own[0] == "serve" && own.size() == 4) {
        scenario.kind = Scenario::Kind::serve;
        const char* const end = own[1].data() + own[1].size();
        if (std::from_chars(own[1].data(), end, scenario.status).ptr != end || scenario.status < 100 ||
            scenario.status > 599) {
            throw Failure("STATUS " + own[1] + " is not an HTTP status");
        }
        scenario.body = read_file(own[2]);
        if (!konnect::Uuid::from_string(own[3])) throw Failure("USER_ID " + own[3] + " is not a UUID");
        scenario.user_id = own[3];
    } else if (own[0] == "expect-no-request" && own.size() == 1) {
        scenario.kind = Scenario::Kind::expect_no_request;
    } else if (own[0] == "refuse" && own.size() == 1) {
        scenario.kind = Scenario::Kind::refuse;
    } else {
        throw Failure("unknown scenario: " + own[0] + " with " + std::to_string(own.size() - 1) + " argument(s)");
    }
    return scenario;
}

std::vector<std::string> with_base_url(std::vector<std::string> arguments, unsigned port) {
    const std::string placeholder = "@BASE_URL@";
    const std::string base_url = "http://127.0.0.1:" + std::to_string(port);
    for (std::string& argument : arguments) {
        for (std::size_t at = argument.find(placeholder); at != std::string::npos;
             at = argument.find(placeholder, at + base_url.size())) {
            argument.replace(at, placeholder.size(), base_url);
        }
    }
    return arguments;
}

// Serves the one request the program must send. Returns what was wrong, or nothing.
std::string serve(const Scenario& scenario, const Socket& listener, Program& program, Clock::time_point deadline) {
    const char* const access_token = std::getenv("KONNECT_TOKEN");
    if (access_token == nullptr || *access_token == '\0') throw Failure("KONNECT_TOKEN is not set for serve");

    std::optional<Socket> connection = accept_from(listener, program, deadline);
    if (!connection) {
        return program.has_ended() ? "the program ended without sending a request"
                                   : "no request within " + std::to_string(run_time_limit.count()) + " s";
    }
    const Request request = read_request(connection->get(), deadline);
    const std::string wrong = check_request(request, scenario.user_id, access_token);
    if (!wrong.empty()) {
        answer_and_close(*connection, 400, problem_document(400, "fake_konnect: " + wrong), deadline);
        return "the request is not as Kong expects it: " + wrong;
    }
    // Said before answering, so that it comes before anything the program prints about the answer.
    std::cerr << "fake_konnect: answering " << request.method << ' ' << request.target << " with " << scenario.status
              << '\n';
    answer_and_close(*connection, scenario.status, scenario.body, deadline);
    return {};
}

// Waits for the program to end without connecting. Returns what was wrong, or nothing.
std::string expect_no_request(const Socket& listener, Program& program, Clock::time_point deadline) {
    std::optional<Socket> connection = accept_from(listener, program, deadline);
    if (!connection) return {};
    std::string target = "(unreadable)";
    try {
        target = read_request(connection->get(), deadline).target;
    } catch (const Failure&) {
        // The request is wrong whatever it holds; the answer below says so.
    }
    answer_and_close(*connection, 500, problem_document(500, "fake_konnect: no request was expected"), deadline);
    return "a request for " + target + " came where none should";
}

int run(const Scenario& scenario) {
    const Clock::time_point deadline = Clock::now() + run_time_limit;
    Socket listener = bind_to_loopback();
    const unsigned port = port_of(listener);
    if (scenario.kind == Scenario::Kind::refuse) {
        listener.close();  // bound, never listened on, and closed: a connection to the port is refused
    } else if (::listen(listener.get(), 1) != 0) {
        fail_with_errno("listen");
    }

    Program program(with_base_url(scenario.program, port));
    std::string wrong;
    if (scenario.kind == Scenario::Kind::serve) wrong = serve(scenario, listener, program, deadline);
    if (scenario.kind == Scenario::Kind::expect_no_request) wrong = expect_no_request(listener, program, deadline);
    listener.close();  // a second request is refused
    int exit_status = 0;
    const std::string ending = program.wait_for_end(deadline, exit_status);
    if (!ending.empty()) throw Failure(wrong.empty() ? ending : wrong + "; " + ending);
    if (!wrong.empty()) throw Failure(wrong + " (the program exited with " + std::to_string(exit_status) + ')');
    return exit_status;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(read_arguments(std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc)));
    } catch (const Failure& failure) {
        std::cerr << "fake_konnect: " << failure.what() << '\n';
        return found_something_wrong;
    }
}
