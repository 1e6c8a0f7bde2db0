// review_server: the static site plus the review endpoint and its moderation,
// in one process. See usage() for the flags, Commands.h for the commands;
// serve.sh is the usual way to run it, README.md beside this file the manual.
#include "server/AdminApi.h"
#include "server/AdminPage.h"
#include "server/AdminToken.h"
#include "server/Commands.h"
#include "server/Metrics.h"
#include "server/Notifier.h"
#include "server/ProxyTrust.h"
#include "server/RateLimiter.h"
#include "server/ResponseCache.h"
#include "server/ReviewApi.h"
#include "server/ReviewStore.h"
#include "server/StaticFiles.h"

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
    std::optional<std::string> database;
    std::string host = "127.0.0.1";
    int port = 8000;
    int rateLimit = 10;
    bool preModeration = false;
    std::optional<std::string> adminTokenFile;
    int hideAfterReports = 3;
    std::string trustProxy;
    std::string notifyUrl;
    std::string publicCache = aw::kDefaultPublicCache;
    bool verbose = false;
};

const char* usage() {
    return "usage: review_server [--root DIR] [--data-dir DIR | --database URL] [--host HOST] [--port N]\n"
           "                     [--rate-limit N] [--moderation pre|post] [--admin-token-file FILE]\n"
           "                     [--hide-after-reports N] [--trust-proxy CIDR[,CIDR...]] [--notify-url URL]\n"
           "                     [--public-cache VALUE] [--verbose]\n"
           "       review_server export|import|backup ...   (see review_server export --help)\n"
           "  --root DIR            serve the static site in DIR (without it, only the API and /admin/)\n"
           "  --data-dir DIR        keep reviews in DIR/reviews.db, created on first run (default: data)\n"
           "  --database URL        sqlite:PATH, or postgresql://USER[:PASSWORD]@HOST:PORT/DB, instead of --data-dir\n"
           "  --host HOST           address to listen on (default: 127.0.0.1)\n"
           "  --port N              port to listen on (default: 8000; 0 picks a free one)\n"
           "  --rate-limit N        review POSTs, and reports, per reader per minute (default: 10; 0: no limit)\n"
           "  --moderation MODE     pre: new reviews wait for a moderator; post (default): published at once\n"
           "  --moderate            the same as --moderation pre\n"
           "  --admin-token-file F  the moderators' token, first line of F (or REVIEW_ADMIN_TOKEN); re-read on change\n"
           "  --hide-after-reports N  hide a published review at N undecided reports (default: 3; 0: never)\n"
           "  --trust-proxy LIST    peers (CIDR ranges) whose X-Forwarded-For names the reader\n"
           "  --notify-url URL      POST a small JSON there for each new pending review and each report\n"
           "  --public-cache VALUE  Cache-Control of the public GETs (default: \"public, max-age=0, must-revalidate, "
           "s-maxage=30\")\n"
           "  --verbose             log one line per request to stderr\n";
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
        else if (flag == "--database") o.database = value();
        else if (flag == "--host") o.host = value();
        else if (flag == "--port") o.port = count(0, 65535);
        else if (flag == "--rate-limit") o.rateLimit = count(0, 1'000'000);
        else if (flag == "--moderate") o.preModeration = true;
        else if (flag == "--moderation") {
            const std::string mode = value();
            if (mode != "pre" && mode != "post") fail("--moderation: expected pre or post, got \"" + mode + "\"");
            o.preModeration = mode == "pre";
        } else if (flag == "--admin-token-file") o.adminTokenFile = value();
        else if (flag == "--hide-after-reports") o.hideAfterReports = count(0, 1'000'000);
        else if (flag == "--trust-proxy") o.trustProxy = value();
        else if (flag == "--notify-url") o.notifyUrl = value();
        else if (flag == "--public-cache") o.publicCache = value();
        else if (flag == "--verbose") o.verbose = true;
        else if (flag == "--help" || flag == "-h") { std::cout << usage(); std::exit(0); }
        else fail("unknown option " + flag);
    }
    return o;
}

// Set when a request is read, on the thread that answers it: the latency's start.
thread_local std::chrono::steady_clock::time_point requestStart;

} // namespace

int main(int argc, char** argv) {
    if (argc > 1 && aw::isCommand(argv[1])) return aw::runCommand(argc, argv);
    const Options options = parseOptions(argc, argv);

    // SIGINT and SIGTERM stop the server from one thread; the others never see them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a client that hangs up mid-response is not a reason to die

    const std::string database = options.database.value_or(aw::sqliteUrlFor(options.dataDir));
    aw::Metrics metrics;
    std::unique_ptr<aw::ReviewStore> store;
    std::unique_ptr<aw::StaticFiles> site;
    std::unique_ptr<aw::AdminToken> token;
    std::unique_ptr<aw::Notifier> notifier;
    aw::ProxyTrust proxies;
    try {
        const char* envToken = std::getenv("REVIEW_ADMIN_TOKEN");
        token = std::make_unique<aw::AdminToken>(options.adminTokenFile, envToken ? envToken : "");
        proxies = aw::ProxyTrust::parse(options.trustProxy);
        notifier = std::make_unique<aw::Notifier>(options.notifyUrl, [&metrics](bool ok) { metrics.countDelivery(ok); });
        store = std::make_unique<aw::ReviewStore>(aw::openDatabase(database), options.hideAfterReports);
        if (options.root) site = std::make_unique<aw::StaticFiles>(*options.root);
    } catch (const std::exception& e) {
        std::cerr << "review_server: " << e.what() << "\n";
        return 1;
    }
    aw::RateLimiter postLimiter(options.rateLimit), reportLimiter(options.rateLimit);
    aw::RateLimiter signInFailures(10); // ten wrong tokens a minute from one reader, then a pause
    aw::ResponseCache replies(1024); // of ~20 KB at most: a 50-review page
    aw::ApiContext api{*store,        proxies, *notifier, metrics, postLimiter, reportLimiter, replies,
                       options.preModeration, options.publicCache};
    aw::AdminContext admin{api, *token, signInFailures};

    httplib::Server server;
    // Browsers hold idle keep-alive connections, each of which occupies a worker.
    server.new_task_queue = [] { return new httplib::ThreadPool(32); };
    server.set_payload_max_length(aw::kMaxRequestBytes);
    server.set_tcp_nodelay(true); // headers and body go out as separate writes; don't let Nagle hold the body
    aw::addReviewApi(server, api);
    aw::addAdminApi(server, admin);
    aw::addAdminPage(server);
    // Anything else under /api/ is not a file, even if the site root has one.
    server.Get("/api/.*", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    if (site)
        server.Get(".*", [&site](const httplib::Request& req, httplib::Response& res) { site->serve(req, res); });

    server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        requestStart = std::chrono::steady_clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled; // the handler said why
        if (aw::isApiPath(req.path)) aw::setApiErrorBody(res);
        else res.set_content(res.status == 404 ? "Not found\n" : "Error " + std::to_string(res.status) + "\n", "text/plain");
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        res.status = 500;
        try {
            std::rethrow_exception(error);
        } catch (const aw::StoreUnavailable& e) {
            // Busy or restarting: the client's outbox tries again later.
            std::cerr << "review_server: " << req.method << " " << req.path << ": " << e.what() << "\n";
            res.status = 503;
            res.set_header("Retry-After", "2");
        } catch (const std::exception& e) {
            std::cerr << "review_server: " << req.method << " " << req.path << ": " << e.what() << "\n";
        } catch (...) {
            std::cerr << "review_server: " << req.method << " " << req.path << ": unknown error\n";
        }
        res.body.clear();
    });
    server.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (aw::isApiPath(req.path)) aw::addApiHeaders(req, res);
        res.set_header("X-Content-Type-Options", "nosniff");
        // httplib compresses some bodies on the fly; caches must then key on Accept-Encoding.
        if (res.has_header("Content-Encoding") && !res.has_header("Vary")) res.set_header("Vary", "Accept-Encoding");
    });
    const bool verbose = options.verbose;
    server.set_logger([&metrics, verbose](const httplib::Request& req, const httplib::Response& res) {
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - requestStart;
        metrics.recordRequest(aw::routeOf(req.method, req.path), res.status, took.count());
        if (verbose) std::cerr << req.remote_addr << " " << req.method << " " << req.target << " " << res.status << "\n";
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
    const std::string shownDb = options.database ? aw::withoutPassword(*options.database) : options.dataDir + "/reviews.db";
    const std::string line = "review_server: listening on http://" + (ipv6 ? "[" + options.host + "]" : options.host) +
                             ":" + std::to_string(port) + " (site: " + options.root.value_or("none") + ", reviews: " +
                             shownDb + (options.preModeration ? ", moderated" : "") +
                             (token->configured() ? ", moderators: /admin/" : "") + ")\n";
    std::cerr << line << std::flush;
    server.listen_after_bind();
    return 0;
}
