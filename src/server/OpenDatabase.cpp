#include "server/SqlDatabase.h"
#include "server/PostgresDatabase.h"
#include "server/SqliteDatabase.h"

namespace aw {

std::unique_ptr<SqlDatabase> openDatabase(const std::string& url) {
    const std::string sqlite = "sqlite:";
    if (url.rfind(sqlite, 0) == 0) {
        const std::string path = url.substr(sqlite.size());
        if (path.empty()) throw std::runtime_error("--database sqlite:PATH: the path is missing");
        return std::make_unique<SqliteDatabase>(path);
    }
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
        return std::make_unique<PostgresDatabase>(url, kPostgresPoolSize);
    throw std::runtime_error("--database " + url + ": expected sqlite:PATH or postgresql://USER@HOST:PORT/DB");
}

std::string withoutPassword(const std::string& url) {
    const auto scheme = url.find("://");
    const auto at = url.rfind('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
    const auto colon = url.find(':', scheme + 3);
    return colon != std::string::npos && colon < at ? url.substr(0, colon) + ":***" + url.substr(at) : url;
}

} // namespace aw
