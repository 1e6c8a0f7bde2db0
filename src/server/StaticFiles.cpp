#include "server/StaticFiles.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace aw {
namespace fs = std::filesystem;
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The file a URL path names under root, or nothing for a path that tries to
// leave it ("..", backslashes, NUL) or reaches hidden files such as .git.
std::optional<fs::path> relativePath(std::string_view urlPath) {
    if (urlPath.empty() || urlPath.front() != '/') return std::nullopt;
    fs::path rel;
    std::size_t start = 1;
    while (start <= urlPath.size()) {
        std::size_t end = urlPath.find('/', start);
        if (end == std::string_view::npos) end = urlPath.size();
        const std::string_view seg = urlPath.substr(start, end - start);
        if (!seg.empty()) {
            if (seg.find('\\') != std::string_view::npos || seg.find('\0') != std::string_view::npos) return std::nullopt;
            if (seg.front() == '.' && seg != ".well-known") return std::nullopt; // ".", "..", dotfiles
            rel /= fs::path(std::string(seg));
        }
        start = end + 1;
    }
    return rel;
}

std::shared_ptr<std::string> readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return nullptr;
    std::ostringstream s;
    s << in.rdbuf();
    return std::make_shared<std::string>(s.str());
}

// Weak validator from size and modification time: cheap, and right for files that are replaced whole.
std::string etagOf(const fs::path& file, std::error_code& ec) {
    const auto size = fs::file_size(file, ec);
    const auto mtime = fs::last_write_time(file, ec).time_since_epoch().count();
    std::ostringstream s;
    s << "W/\"" << std::hex << size << '-' << mtime << '"';
    return s.str();
}

void notFound(httplib::Response& res) { res.status = 404; }

} // namespace

std::string mimeType(const fs::path& file) {
    static const std::pair<const char*, const char*> kTypes[] = {
        {".html", "text/html; charset=utf-8"},     {".htm", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},       {".json", "application/json"},
        {".map", "application/json"},              {".webmanifest", "application/manifest+json"},
        {".wasm", "application/wasm"},             {".svg", "image/svg+xml"},
        {".png", "image/png"},                     {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},                   {".gif", "image/gif"},
        {".webp", "image/webp"},                   {".avif", "image/avif"},
        {".ico", "image/vnd.microsoft.icon"},      {".ttf", "font/ttf"},
        {".otf", "font/otf"},                      {".woff", "font/woff"},
        {".woff2", "font/woff2"},                  {".txt", "text/plain; charset=utf-8"},
        {".xml", "application/xml"},               {".pdf", "application/pdf"},
        {".po", "text/plain; charset=utf-8"}, // the widget's catalogs
    };
    const std::string ext = lower(file.extension().string());
    for (const auto& [e, type] : kTypes)
        if (ext == e) return type;
    return "application/octet-stream";
}

bool isContentHashed(std::string_view name) {
    const auto lastDot = name.rfind('.');
    if (lastDot == std::string_view::npos || lastDot == 0) return false;
    const auto hashDot = name.rfind('.', lastDot - 1);
    if (hashDot == std::string_view::npos) return false;
    const std::string_view hash = name.substr(hashDot + 1, lastDot - hashDot - 1);
    return hash.size() >= 8 && hash.size() <= 64 &&
           std::all_of(hash.begin(), hash.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

bool acceptsEncoding(std::string_view header, std::string_view coding) {
    std::optional<bool> byName, byStar;
    while (!header.empty()) {
        const auto comma = header.find(',');
        const std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);

        const auto semi = item.find(';');
        const std::string name = lower(trim(item.substr(0, semi)));
        double q = 1.0;
        if (semi != std::string_view::npos) {
            const std::string params = lower(item.substr(semi + 1));
            const auto at = params.find("q=");
            if (at != std::string::npos) q = std::strtod(params.c_str() + at + 2, nullptr);
        }
        if (name == coding) byName = q > 0;
        else if (name == "*") byStar = q > 0;
    }
    return byName.value_or(byStar.value_or(false));
}

StaticFiles::StaticFiles(const fs::path& root) {
    std::error_code ec;
    root_ = fs::canonical(root, ec);
    if (ec || !fs::is_directory(root_)) throw std::runtime_error("--root " + root.string() + ": not a directory");
}

void StaticFiles::serve(const httplib::Request& req, httplib::Response& res) const {
    const auto rel = relativePath(req.path);
    if (!rel) return notFound(res);
    fs::path file = root_ / *rel;
    std::error_code ec;
    if (fs::is_directory(file, ec)) {
        // Relative links inside index.html resolve against the directory only with the slash.
        // The Location is relative (the last segment as sent), so it can never point to another host.
        if (req.path.back() != '/') {
            const std::string raw = req.target.substr(0, req.target.find('?'));
            return res.set_redirect(raw.substr(raw.rfind('/') + 1) + "/", 301);
        }
        file /= "index.html";
    }
    if (!fs::is_regular_file(file, ec)) return notFound(res);
    // A symlink may point anywhere; only what really lies under the root is served.
    const fs::path real = fs::canonical(file, ec);
    const fs::path inside = real.lexically_relative(root_);
    if (ec || inside.empty() || *inside.begin() == "..") return notFound(res);

    const std::string accept = req.get_header_value("Accept-Encoding");
    fs::path chosen = file;
    std::string encoding;
    bool hasVariants = false;
    for (const auto& [coding, suffix] : {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
        fs::path variant = file;
        variant += suffix;
        if (!fs::is_regular_file(variant, ec)) continue;
        hasVariants = true;
        if (encoding.empty() && acceptsEncoding(accept, coding)) {
            chosen = variant;
            encoding = coding;
        }
    }

    res.set_header("Cache-Control", isContentHashed(file.filename().string()) ? "public, max-age=31536000, immutable"
                                                                             : "no-cache");
    if (hasVariants) res.set_header("Vary", "Accept-Encoding");
    const std::string etag = etagOf(chosen, ec);
    if (!ec) {
        res.set_header("ETag", etag);
        const std::string match = req.get_header_value("If-None-Match");
        if (!match.empty() && (match.find(etag.substr(2)) != std::string::npos || trim(match) == "*")) {
            res.status = 304;
            return;
        }
    }

    auto body = readFile(chosen);
    if (!body) return notFound(res);
    if (!encoding.empty()) res.set_header("Content-Encoding", encoding);
    const std::string type = mimeType(file);
    if (body->empty()) return res.set_content("", type);
    // A content provider with a length is sent as is: httplib would otherwise
    // compress text bodies again on the fly, on top of a .br or .gz variant.
    res.set_content_provider(body->size(), type, [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        return sink.write(body->data() + offset, length);
    });
}

} // namespace aw
