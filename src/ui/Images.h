#pragma once
// Pictures as the views see them: the platform fetches, decodes and uploads
// each URL once for the whole page (one texture, shared by every widget that
// shows it) and answers where it stands.
#include <imgui.h>

#include <string>

namespace aw::ui {

struct ImageState {
    enum class Status { Absent, Loading, Ready, Failed };
    Status status = Status::Absent;
    ImTextureID texture = nullptr; // Ready: what ImDrawList::AddImage draws
    int width = 0, height = 0;     // Ready: its pixel size
};

class ImageSource {
public:
    virtual ~ImageSource() = default;
    // Where `url` stands; with `load`, one not asked for yet starts loading
    // (the view asks only for pictures near the visible slice: lazy loading).
    virtual ImageState image(const std::string& url, bool load) = 0;
};

} // namespace aw::ui
