#include "server/AdminPage.h"

#include "AdminPageFiles.h"
#include "server/StaticFiles.h"

#include <string>

namespace aw {
namespace {

constexpr const char* kPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                                "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

void serveFile(const embedded::File& file, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kPolicy);
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    // The page is small and changes with the binary; it is always revalidated.
    res.set_header("Cache-Control", "no-cache");
    res.set_content(reinterpret_cast<const char*>(file.data), file.size, mimeType(file.name));
}

} // namespace

void addAdminPage(httplib::Server& server) {
    server.Get("/admin", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("admin/", 301); });
    server.Get(R"(/admin/([^/]*))", [](const httplib::Request& req, httplib::Response& res) {
        const std::string name = req.matches[1].length() == 0 ? std::string("index.html") : std::string(req.matches[1]);
        for (const auto& file : embedded::files)
            if (name == file.name) return serveFile(file, res);
        res.status = 404;
    });
}

} // namespace aw
