#pragma once
// Versioned schema changes. schema_version holds the versions applied; at
// start every later one runs, in order, each in the same transaction as its
// version row, so a data dir of any earlier release upgrades step by step and
// a failed step leaves the previous version intact.
#include "server/SqlDatabase.h"

namespace aw {

// The newest version this build knows.
int latestSchemaVersion();

// Brings the schema up to latestSchemaVersion(); returns the version found
// before. Throws if the database is newer than this build.
int migrate(SqlDatabase& db);

} // namespace aw
