#pragma once
// What the shell mirrors over the drawn widget as real DOM (form controls,
// links, buttons, list text), collected while a frame is drawn. Boxes are
// converted from screen device pixels to CSS pixels of the widget's content.
#include <imgui.h>
#include <nlohmann/json.hpp>

namespace aw::ui {

class ControlList {
public:
    void begin(ImVec2 contentOrigin, float scale) {
        origin_ = contentOrigin;
        scale_ = scale;
        items_ = nlohmann::json::array();
    }
    nlohmann::json rect(ImVec2 min, ImVec2 max) const {
        return {(min.x - origin_.x) / scale_, (min.y - origin_.y) / scale_, (max.x - min.x) / scale_, (max.y - min.y) / scale_};
    }
    void add(nlohmann::json control, ImVec2 min, ImVec2 max) {
        control["rect"] = rect(min, max);
        items_.push_back(std::move(control));
    }
    void add(nlohmann::json control) { items_.push_back(std::move(control)); } // not placed (announced only)
    const nlohmann::json& items() const { return items_; }

private:
    ImVec2 origin_;
    float scale_ = 1;
    nlohmann::json items_ = nlohmann::json::array();
};

} // namespace aw::ui
