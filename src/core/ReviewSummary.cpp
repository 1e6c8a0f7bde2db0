#include "core/ReviewSummary.h"

#include "core/JsonFields.h"

#include <cmath>
#include <cstdio>

namespace aw {
namespace {

using namespace jsonfields;

std::string reviewsCount(int n) { return std::to_string(n) + (n == 1 ? " review" : " reviews"); }

// A whole number >= 0 in `obj[key]`, or -1.
int count(const Json& obj, const char* key) {
    const Json* v = member(obj, key);
    if (!v || !v->is_number()) return -1;
    const double d = v->get<double>();
    return d >= 0 && d <= 1e9 && d == std::floor(d) ? static_cast<int>(d) : -1;
}

} // namespace

std::optional<ReviewSummary> parseReviewSummary(std::string_view json) {
    const auto doc = parseDocument(json);
    if (!doc || !doc.value().json.is_object()) return std::nullopt;
    const Json& j = doc.value().json;
    ReviewSummary s;
    s.count = count(j, "ratingCount");
    const Json* value = member(j, "ratingValue");
    const Json* dist = member(j, "distribution");
    if (s.count <= 0 || !value || !value->is_number() || !dist || !dist->is_object()) return std::nullopt;
    s.average = std::round(value->get<double>() * 10) / 10;
    if (!(s.average >= 1 && s.average <= 5)) return std::nullopt;
    for (int stars = 1; stars <= 5; ++stars) {
        const int n = count(*dist, std::to_string(stars).c_str());
        if (n < 0) return std::nullopt;
        s.distribution[stars - 1] = n;
    }
    return s;
}

std::string summaryLine(const ReviewSummary& s) {
    char average[16];
    std::snprintf(average, sizeof average, "%.1f", s.average);
    return std::string(average) + " out of 5 \xC2\xB7 " + reviewsCount(s.count);
}

std::string distributionLabel(int stars, int n) {
    return std::to_string(stars) + (stars == 1 ? " star: " : " stars: ") + reviewsCount(n);
}

} // namespace aw
