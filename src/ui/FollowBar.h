#pragma once
// "Follow us on social networks": one button per publisher profile, with the
// network's icon and name. The buttons are drawn here; the shell puts a real
// link over each one, so nothing contacts a network before the reader clicks.
#include "ui/Drawing.h"
#include "core/SocialNetwork.h"

#include <string>

namespace aw::ui {

class FollowBarView {
public:
    void setLinks(aw::FollowBar bar) { bar_ = std::move(bar); }
    bool empty() const { return bar_.links.empty(); }

    // Draws at `origin` (screen, device px) within `width`; returns the height used.
    float draw(const Painter& painter, ImVec2 origin, float width) const;

private:
    aw::FollowBar bar_;
};

// The icon font's glyph for a network (Fork Awesome), or 0 when it has none
// and the view draws a letter instead.
ImWchar networkIcon(Network network);

} // namespace aw::ui
