#pragma once
// The operator's commands, run beside (or instead of) the server on the same data:
//   review_server export [--data-dir D | --database URL]          JSON Lines to stdout
//   review_server import [--data-dir D | --database URL] FILE     idempotent by identifier
//   review_server backup [--data-dir D | --database URL] FILE     SQLite online backup
#include <string>

namespace aw {

bool isCommand(const std::string& word);

// Runs the command named by argv[1]; returns the process exit code.
int runCommand(int argc, char** argv);

// The --database URL for a --data-dir: its reviews.db.
std::string sqliteUrlFor(const std::string& dataDir);

} // namespace aw
