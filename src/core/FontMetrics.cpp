#include "core/FontMetrics.h"

#include <cstdint>

namespace aw {
namespace {

std::uint32_t be32(std::string_view d, std::size_t at) {
    return (std::uint32_t(std::uint8_t(d[at])) << 24) | (std::uint32_t(std::uint8_t(d[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(d[at + 2])) << 8) | std::uint32_t(std::uint8_t(d[at + 3]));
}
std::uint16_t be16(std::string_view d, std::size_t at) {
    return static_cast<std::uint16_t>((std::uint8_t(d[at]) << 8) | std::uint8_t(d[at + 1]));
}

// Offset of a table, or 0 when absent or truncated.
std::size_t findTable(std::string_view d, const char tag[4], std::size_t minLength) {
    if (d.size() < 12) return 0;
    const std::size_t count = be16(d, 4);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t rec = 12 + 16 * i;
        if (rec + 16 > d.size()) return 0;
        if (d.compare(rec, 4, std::string_view(tag, 4)) != 0) continue;
        const std::size_t offset = be32(d, rec + 8);
        return offset > 0 && offset + minLength <= d.size() ? offset : 0;
    }
    return 0;
}

} // namespace

std::optional<float> heightPerEm(std::string_view d) {
    const std::size_t head = findTable(d, "head", 54);
    const std::size_t hhea = findTable(d, "hhea", 36);
    if (!head || !hhea) return std::nullopt;
    const int unitsPerEm = be16(d, head + 18);
    const int ascender = static_cast<std::int16_t>(be16(d, hhea + 4));
    const int descender = static_cast<std::int16_t>(be16(d, hhea + 6));
    if (unitsPerEm <= 0 || ascender - descender <= 0) return std::nullopt;
    return static_cast<float>(ascender - descender) / static_cast<float>(unitsPerEm);
}

} // namespace aw
