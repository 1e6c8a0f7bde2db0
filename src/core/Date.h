#pragma once
// The one reader of ISO 8601 / RFC 3339 dates in the core: articles, feeds and
// reviews all carry them, and each must refuse the same impossible days
// (31 February, 29 February outside leap years) and read offsets alike.
// Proleptic Gregorian calendar, days counted from 1970-01-01.
#include <cstdint>
#include <optional>
#include <string_view>

namespace aw {

struct CivilDate {
    std::int64_t year = 0;
    int month = 0; // 1..12
    int day = 0;   // 1..31
};

struct DateTime {
    CivilDate date;               // as written, before any offset
    bool hasTime = false;         // false for a bare date
    std::int64_t unixSeconds = 0; // the moment; a bare date is its midnight UTC
};

enum class DateForm {
    // What feeds and pages write: a bare date, or a date and time joined by
    // 'T', 't' or ' ', seconds optional, a fraction after '.' or ',', then
    // 'Z', 'z', ±HH, ±HHMM, ±HH:MM or nothing (read as UTC). Surrounding
    // white space is ignored.
    Lenient,
    // What Date.toISOString() writes and the review server stores:
    // YYYY-MM-DDTHH:MM[:SS[.fraction]] followed by 'Z' or ±HH:MM, nothing else.
    Strict,
};

// "YYYY-MM-DD" at the start of text, a day that exists; what follows is not read.
std::optional<CivilDate> readCalendarDate(std::string_view text);

// A whole date-time in the given form; a leap second (:60) is read as the
// second before it. None when the text is not one, or names a day or time
// that does not exist.
std::optional<DateTime> readDateTime(std::string_view text, DateForm form);

// The day, counted from 1970-01-01 (negative before), that holds a moment.
std::int64_t dayNumber(std::int64_t unixSeconds);

CivilDate civilDate(std::int64_t dayNumber);

// "January" .. "December" for 1..12.
std::string_view monthName(int month);

} // namespace aw
