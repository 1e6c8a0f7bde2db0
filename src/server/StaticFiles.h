#pragma once
// The static site: correct MIME types (application/wasm for streaming
// compilation), precompressed .br/.gz variants chosen by Accept-Encoding,
// long caching only for content-hashed names, and nothing outside the root.
#include <httplib.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace aw {

class StaticFiles {
public:
    explicit StaticFiles(const std::filesystem::path& root); // throws if root is not a directory
    void serve(const httplib::Request& req, httplib::Response& res) const;

private:
    std::filesystem::path root_; // canonical
};

// "text/javascript; charset=utf-8" for "app.js"; application/octet-stream when unknown.
std::string mimeType(const std::filesystem::path& file);

// name.0123abcd.ext: the build put a content hash in the name, so the file never changes.
bool isContentHashed(std::string_view fileName);

// Whether an Accept-Encoding header value accepts `coding` (by name or *, with q > 0).
bool acceptsEncoding(std::string_view header, std::string_view coding);

} // namespace aw
