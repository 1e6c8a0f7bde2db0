#include "core/Date.h"

#include <algorithm>
#include <string_view>

namespace aw {
namespace {

bool isLeapYear(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(std::int64_t y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return kDays[m - 1] + (m == 2 && isLeapYear(y));
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Days from 1970-01-01, counted in 400-year eras of 146097 days that start on 1 March,
// so that the leap day falls at the end of each era-year.
std::int64_t daysFromCivil(const CivilDate& d) {
    const std::int64_t y = d.year - (d.month <= 2);
    const std::int64_t era = floorDiv(y, 400);
    const std::int64_t yearOfEra = y - era * 400;
    const std::int64_t dayOfYear = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468; // 719468: days from 0000-03-01 to 1970-01-01
}

// Reads the text left to right; every read checks the length first.
class Cursor {
public:
    Cursor(std::string_view text, std::size_t at) : s_(text), i_(at) {}
    bool done() const { return i_ == s_.size(); }
    bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }
    bool eat(char c) {
        if (!at(c)) return false;
        ++i_;
        return true;
    }
    bool eatDigit() {
        if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') return false;
        ++i_;
        return true;
    }
    // The value of exactly `length` digits, or -1 (and the cursor stays).
    int number(std::size_t length) {
        if (s_.size() - i_ < length) return -1;
        int v = 0;
        for (std::size_t k = i_; k < i_ + length; ++k) {
            if (s_[k] < '0' || s_[k] > '9') return -1;
            v = v * 10 + (s_[k] - '0');
        }
        i_ += length;
        return v;
    }

private:
    std::string_view s_;
    std::size_t i_;
};

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
    while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
    return s;
}

// Minutes east of UTC after a '+' or '-': HH:MM, or in the lenient form also HH and HHMM.
std::optional<int> readOffset(Cursor& c, DateForm form) {
    const int sign = c.eat('-') ? -1 : 1;
    if (sign > 0) c.eat('+');
    const int hours = c.number(2);
    int minutes = 0;
    if (form == DateForm::Strict) minutes = c.eat(':') ? c.number(2) : -1;
    else if (!c.done()) { c.eat(':'); minutes = c.number(2); }
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return std::nullopt;
    return sign * (hours * 60 + minutes);
}

} // namespace

std::optional<CivilDate> readCalendarDate(std::string_view text) {
    Cursor c(text, 0);
    const int year = c.number(4);
    const int month = c.eat('-') ? c.number(2) : -1;
    const int day = c.eat('-') ? c.number(2) : -1;
    // There was no year 0: 1 BC is followed by AD 1.
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return std::nullopt;
    return CivilDate{year, month, day};
}

std::optional<DateTime> readDateTime(std::string_view text, DateForm form) {
    const bool lenient = form == DateForm::Lenient;
    if (lenient) text = trimmed(text);
    const auto date = readCalendarDate(text);
    if (!date) return std::nullopt;
    DateTime t;
    t.date = *date;
    t.unixSeconds = daysFromCivil(*date) * 86400;
    Cursor c(text, 10);
    if (c.done()) return lenient ? std::optional<DateTime>(t) : std::nullopt;

    if (!c.eat('T') && !(lenient && (c.eat('t') || c.eat(' ')))) return std::nullopt;
    const int hour = c.number(2);
    const int minute = c.eat(':') ? c.number(2) : -1;
    int second = 0;
    if (c.eat(':')) {
        second = c.number(2);
        if (c.eat('.') || (lenient && c.eat(','))) {
            if (!c.eatDigit()) return std::nullopt;
            while (c.eatDigit()) {}
        }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return std::nullopt;

    int offsetMinutes = 0;
    const bool utc = c.eat('Z') || (lenient && c.eat('z'));
    if (!utc && (c.at('+') || c.at('-'))) {
        const auto offset = readOffset(c, form);
        if (!offset) return std::nullopt;
        offsetMinutes = *offset;
    } else if (!utc && !lenient) {
        return std::nullopt; // the strict form names its zone
    }
    if (!c.done()) return std::nullopt;
    // A leap second is shown as the second before it.
    t.unixSeconds += hour * 3600 + minute * 60 + std::min(second, 59) - std::int64_t{offsetMinutes} * 60;
    t.hasTime = true;
    return t;
}

std::int64_t dayNumber(std::int64_t unixSeconds) { return floorDiv(unixSeconds, 86400); }

CivilDate civilDate(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const std::int64_t dayOfEra = z - era * 146097;
    const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t shiftedMonth = (5 * dayOfYear + 2) / 153; // 0 = March
    const int day = static_cast<int>(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    const int month = static_cast<int>(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    return {yearOfEra + era * 400 + (month <= 2), month, day};
}

std::string_view monthName(int month) {
    static constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? kMonths[month - 1] : std::string_view();
}

} // namespace aw
