#include "SqlDatabase.h"
#include "SqliteDatabase.h"

namespace aw {

std::unique_ptr<SqlDatabase> openDatabase(const std::string& url) {
    const std::string sqlite = "sqlite:";
    if (url.rfind(sqlite, 0) == 0) {
        const std::string path = url.substr(sqlite.size());
        if (path.empty()) throw std::runtime_error("--database sqlite:PATH: the path is missing");
        return std::make_unique<SqliteDatabase>(path);
    }
    throw std::runtime_error("--database " + url + ": expected sqlite:PATH");
}

} // namespace aw
