// review_server: the static site plus the review endpoint, in one process.
// See usage() for the flags; serve.sh is the usual way to run it.
#include "RateLimiter.h"
#include "ReviewApi.h"
#include "ReviewStore.h"
#include "StaticFiles.h"

#include <httplib.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <pthread.h>
#include <string>
#include <thread>

namespace {

struct Options {
    std::optional<std::string> root;
    std::string dataDir = "data";
    std::string host = "127.0.0.1";
    int port = 8000;
    int rateLimit = 10;
    bool moderate = false;
    bool verbose = false;
};

const char* usage() {
    return "usage: review_server [--root DIR] [--data-dir DIR] [--host HOST] [--port N]\n"
           "                     [--rate-limit N] [--moderate] [--verbose]\n"
           "  --root DIR        serve the static site in DIR (without it, only the API)\n"
           "  --data-dir DIR    keep reviews in DIR/reviews.db, created on first run (default: data)\n"
           "  --host HOST       address to listen on (default: 127.0.0.1)\n"
           "  --port N          port to listen on (default: 8000; 0 picks a free one)\n"
           "  --rate-limit N    review POSTs per client address per minute (default: 10; 0: no limit)\n"
           "  --moderate        store new reviews as pending: not listed until published\n"
           "  --verbose         log one line per request to stderr\n";
}

std::optional<int> number(const std::string& text, int min, int max) {
    try {
        std::size_t used = 0;
        const int n = std::stoi(text, &used);
        if (used == text.size() && n >= min && n <= max) return n;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

// Exits with a message on a bad command line.
Options parseOptions(int argc, char** argv) {
    Options o;
    auto fail = [](const std::string& why) {
        std::cerr << "review_server: " << why << "\n" << usage();
        std::exit(2);
    };
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) fail(flag + " needs a value");
            return argv[++i];
        };
        auto count = [&](int min, int max) {
            const std::string text = value();
            const auto n = number(text, min, max);
            if (!n) fail(flag + ": expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                         ", got \"" + text + "\"");
            return *n;
        };
        if (flag == "--root") o.root = value();
        else if (flag == "--data-dir") o.dataDir = value();
        else if (flag == "--host") o.host = value();
        else if (flag == "--port") o.port = count(0, 65535);
        else if (flag == "--rate-limit") o.rateLimit = count(0, 1'000'000);
        else if (flag == "--moderate") o.moderate = true;
        else if (flag == "--verbose") o.verbose = true;
        else if (flag == "--help" || flag == "-h") { std::cout << usage(); std::exit(0); }
        else fail("unknown option " + flag);
    }
    return o;
}

} // namespace

int main(int argc, char** argv) {
    const Options options = parseOptions(argc, argv);

    // SIGINT and SIGTERM stop the server from one thread; the others never see them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a client that hangs up mid-response is not a reason to die

    std::unique_ptr<aw::ReviewStore> store;
    std::unique_ptr<aw::StaticFiles> site;
    try {
        store = std::make_unique<aw::ReviewStore>(options.dataDir);
        if (options.root) site = std::make_unique<aw::StaticFiles>(*options.root);
    } catch (const std::exception& e) {
        std::cerr << "review_server: " << e.what() << "\n";
        return 1;
    }
    aw::RateLimiter limiter(options.rateLimit);

    httplib::Server server;
    // Browsers hold idle keep-alive connections, each of which occupies a worker.
    server.new_task_queue = [] { return new httplib::ThreadPool(32); };
    server.set_payload_max_length(aw::kMaxRequestBytes);
    server.set_tcp_nodelay(true); // headers and body go out as separate writes; don't let Nagle hold the body
    aw::addReviewApi(server, *store, limiter, options.moderate);
    if (site)
        server.Get(".*", [&site](const httplib::Request& req, httplib::Response& res) { site->serve(req, res); });

    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled; // the handler said why
        if (aw::isApiPath(req.path)) aw::setApiErrorBody(res);
        else res.set_content(res.status == 404 ? "Not found\n" : "Error " + std::to_string(res.status) + "\n", "text/plain");
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            std::cerr << "review_server: " << req.method << " " << req.path << ": " << e.what() << "\n";
        } catch (...) {
            std::cerr << "review_server: " << req.method << " " << req.path << ": unknown error\n";
        }
        res.status = 500;
        res.body.clear();
    });
    server.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (aw::isApiPath(req.path)) aw::addApiHeaders(req, res);
        res.set_header("X-Content-Type-Options", "nosniff");
        // httplib compresses some bodies on the fly; caches must then key on Accept-Encoding.
        if (res.has_header("Content-Encoding") && !res.has_header("Vary")) res.set_header("Vary", "Accept-Encoding");
    });
    if (options.verbose)
        server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            std::cerr << req.remote_addr << " " << req.method << " " << req.target << " " << res.status << "\n";
        });

    const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                       : (server.bind_to_port(options.host, options.port) ? options.port : -1);
    if (port < 0) {
        std::cerr << "review_server: cannot listen on " << options.host << ":" << options.port << "\n";
        return 1;
    }
    std::thread([&server, stopSignals] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        server.stop();
        // httplib waits out idle keep-alive connections (up to 5 s) before listen
        // returns. Requests in flight get a second; every acknowledged review is
        // on disk already, so ending here loses nothing.
        std::this_thread::sleep_for(std::chrono::seconds(1));
        std::_Exit(0);
    }).detach();

    // One write, so whoever waits for this line (serve.sh, the tests) reads it whole.
    const bool ipv6 = options.host.find(':') != std::string::npos;
    const std::string line = "review_server: listening on http://" + (ipv6 ? "[" + options.host + "]" : options.host) +
                             ":" + std::to_string(port) + " (site: " + options.root.value_or("none") + ", reviews: " +
                             options.dataDir + "/reviews.db" + (options.moderate ? ", moderated" : "") + ")\n";
    std::cerr << line << std::flush;
    server.listen_after_bind();
    return 0;
}
