#pragma once
// What the shell mirrors over the drawn widget as real DOM (form controls,
// links, buttons, list text), collected while a frame is drawn. Boxes are
// converted from screen device pixels to CSS pixels of the widget's content.
#include "ui/Fonts.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace aw::ui {

class ControlList {
public:
    void begin(ImVec2 contentOrigin, float scale) {
        origin_ = contentOrigin;
        scale_ = scale;
        part_ = nullptr;
        items_ = nlohmann::json::array();
    }
    // A Rect of the protocol (see web/widget/protocol.js).
    nlohmann::json rect(ImVec2 min, ImVec2 max) const {
        return {{"x", (min.x - origin_.x) / scale_}, {"y", (min.y - origin_.y) / scale_},
                {"width", (max.x - min.x) / scale_}, {"height", (max.y - min.y) / scale_}};
    }
    // One drawn line of text (drawn with its top-left at `at`, `width` wide),
    // for the shell to lay a transparent copy over the glyphs: find in page
    // and selection then highlight what the reader sees. A Line of the
    // protocol: box in CSS px of the content, the text, and the face and em
    // size it was drawn with.
    nlohmann::json line(ImVec2 at, float width, std::string_view text, Role role, const FontSet& fonts) const {
        const float height = fonts.get(role)->FontSize; // ImGui's font size spans ascent to descent
        nlohmann::json l = rect(at, ImVec2(at.x + width, at.y + height));
        l["text"] = std::string(text);
        l["face"] = faceKey(role);
        l["size"] = fonts.size(role) / scale_;
        return l;
    }
    void add(nlohmann::json control, ImVec2 min, ImVec2 max) {
        control["rect"] = rect(min, max);
        add(std::move(control));
    }
    void add(nlohmann::json control) { // not placed (announced only)
        if (part_) control["part"] = part_;
        items_.push_back(std::move(control));
    }
    const nlohmann::json& items() const { return items_; }

    // Controls added while a Part lives belong to one part of the widget (the
    // review form, the follow buttons, the News Line). The shell gives each
    // part its own element, so assistive technology announces them apart.
    class Part {
    public:
        Part(ControlList& list, const char* name) : list_(list), outer_(list.part_) { list.part_ = name; }
        ~Part() { list_.part_ = outer_; }
        Part(const Part&) = delete;
        Part& operator=(const Part&) = delete;

    private:
        ControlList& list_;
        const char* outer_;
    };

private:
    ImVec2 origin_;
    float scale_ = 1;
    const char* part_ = nullptr;
    nlohmann::json items_ = nlohmann::json::array();
};

} // namespace aw::ui
