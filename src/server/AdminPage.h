#pragma once
// The moderation page at /admin/, from files compiled into the binary. It is
// served with a strict Content-Security-Policy: its own script and style only,
// no inline code, no framing, and connections to this origin alone.
#include <httplib.h>

namespace aw {

void addAdminPage(httplib::Server& server);

} // namespace aw
