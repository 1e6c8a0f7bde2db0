#pragma once
// The moderators' endpoints, all behind Authorization: Bearer TOKEN:
//   GET    /api/admin/reviews?status=pending|published|rejected|reported[&item][&limit][&cursor]
//   POST   /api/admin/reviews/{identifier}/publish | reject | undo
//   DELETE /api/admin/reviews/{identifier}   (erased: the reader's right to erasure)
//   GET    /metrics                            (Prometheus text)
// A missing or wrong token gets 401; an address that keeps failing gets 429
// for a while, even with the right token, so guessing never pays.
#include <httplib.h>

namespace aw {

class AdminToken;
class RateLimiter;
struct ApiContext;

struct AdminContext {
    ApiContext& api;
    AdminToken& token;
    RateLimiter& failures; // failed sign-ins per address
};

void addAdminApi(httplib::Server& server, AdminContext& admin);

} // namespace aw
