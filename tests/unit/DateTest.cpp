#include "core/Date.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <optional>

using aw::DateForm;
using aw::readCalendarDate;
using aw::readDateTime;

namespace {

// 2024-03-17T18:30:00+04:00, the seed article's publication time.
constexpr std::int64_t kSeedTime = 1710685800;

std::optional<std::int64_t> lenient(const char* text) {
    const auto t = readDateTime(text, DateForm::Lenient);
    return t ? std::optional<std::int64_t>(t->unixSeconds) : std::nullopt;
}

bool strict(const char* text) { return readDateTime(text, DateForm::Strict).has_value(); }

} // namespace

TEST_CASE("calendar dates: only days that exist") {
    const auto d = readCalendarDate("2024-03-17T18:30:00+04:00");
    REQUIRE(d);
    CHECK(d->year == 2024);
    CHECK(d->month == 3);
    CHECK(d->day == 17);
    CHECK(readCalendarDate("2024-02-29"));  // a leap year
    CHECK(readCalendarDate("2000-02-29"));  // divisible by 400: leap
    CHECK_FALSE(readCalendarDate("2023-02-29"));
    CHECK_FALSE(readCalendarDate("1900-02-29")); // divisible by 100 only: not leap
    CHECK_FALSE(readCalendarDate("2024-02-30"));
    CHECK_FALSE(readCalendarDate("2024-02-31"));
    CHECK_FALSE(readCalendarDate("2024-04-31"));
    CHECK(readCalendarDate("2024-12-31"));
    CHECK_FALSE(readCalendarDate("2024-12-32"));
    CHECK_FALSE(readCalendarDate("2024-00-10"));
    CHECK_FALSE(readCalendarDate("2024-13-01"));
    CHECK_FALSE(readCalendarDate("2024-01-00"));
    CHECK_FALSE(readCalendarDate("0000-01-01"));
    CHECK_FALSE(readCalendarDate("2024-3-17"));
    CHECK_FALSE(readCalendarDate("2024-03-1"));
    CHECK_FALSE(readCalendarDate("24-03-17"));
    CHECK_FALSE(readCalendarDate("+2024-03-17"));
    CHECK_FALSE(readCalendarDate(""));
}

TEST_CASE("31 February is no date in any form") {
    CHECK_FALSE(readCalendarDate("2024-02-31"));
    CHECK_FALSE(readDateTime("2024-02-31", DateForm::Lenient));
    CHECK_FALSE(readDateTime("2024-02-31T12:00:00Z", DateForm::Lenient));
    CHECK_FALSE(readDateTime("2024-02-31T12:00:00Z", DateForm::Strict));
}

TEST_CASE("lenient form: what feeds and pages write, read as a moment") {
    CHECK(lenient("2024-03-17T18:30:00+04:00") == kSeedTime);
    CHECK(lenient("2024-03-17T14:30:00Z") == kSeedTime);
    CHECK(lenient("2024-03-17t14:30:00z") == kSeedTime);
    CHECK(lenient("2024-03-17 14:30:00Z") == kSeedTime);
    CHECK(lenient("2024-03-17T14:30Z") == kSeedTime);
    CHECK(lenient("2024-03-17T14:30:00.123456Z") == kSeedTime);
    CHECK(lenient("2024-03-17T14:30:00,5Z") == kSeedTime);
    CHECK(lenient("2024-03-17T09:30:00-0500") == kSeedTime);
    CHECK(lenient("2024-03-17T20:00:00+0530") == kSeedTime);
    CHECK(lenient("2024-03-17T16:30:00+02") == kSeedTime);
    CHECK(lenient("2024-03-17T14:30:00") == kSeedTime); // no zone: UTC
    CHECK(lenient(" 2024-03-17T14:30:00Z\n") == kSeedTime);
    CHECK(lenient("1970-01-01T00:00:00Z") == 0);
    CHECK(lenient("1969-12-31T23:59:59Z") == -1);
    CHECK(lenient("0001-01-01T00:00:00Z") == -62135596800);
    CHECK(lenient("9999-12-31T23:59:59Z") == 253402300799);
    CHECK(lenient("2024-03-17") == 1710633600);
    CHECK(lenient("2000-02-29T00:00:00Z") == 951782400);
    CHECK(lenient("2016-12-31T23:59:60Z") == 1483228799); // a leap second is the second before it
    CHECK(lenient("2100-03-01T00:00:00Z") == 4107542400);
    // An offset may carry the moment into another day, month or year.
    CHECK(lenient("2024-01-01T01:00:00+04:00") == lenient("2023-12-31T21:00:00Z"));
    CHECK(lenient("2024-02-29T23:30:00-01:00") == lenient("2024-03-01T00:30:00Z"));

    CHECK_FALSE(lenient("2023-02-29T00:00:00Z"));
    CHECK_FALSE(lenient("2100-02-29"));
    CHECK_FALSE(lenient("2024-13-01"));
    CHECK_FALSE(lenient("2024-03-17T24:00:00Z"));
    CHECK_FALSE(lenient("2024-03-17T14:60:00Z"));
    CHECK_FALSE(lenient("2024-03-17T14:30:61Z"));
    CHECK_FALSE(lenient("2024-03-17T14:30:00+24:00"));
    CHECK_FALSE(lenient("2024-03-17T14:30:00+04:60"));
    CHECK_FALSE(lenient("2024-03-17T14:30:00+04:"));
    CHECK_FALSE(lenient("2024-03-17T14:30:00+4"));
    CHECK_FALSE(lenient("2024-03-17T14:30:00+04:00junk"));
    CHECK_FALSE(lenient("2024-03-17T14:30:00."));
    CHECK_FALSE(lenient("2024-03-17T14:30:5"));
    CHECK_FALSE(lenient("2024-03-17T14"));
    CHECK_FALSE(lenient("2024-03-17T"));
    CHECK_FALSE(lenient("2024-03-17X14:30:00Z"));
    CHECK_FALSE(lenient("2024-03-17junk"));
    CHECK_FALSE(lenient("17 March 2024"));
    CHECK_FALSE(lenient("0000-01-01"));
    CHECK_FALSE(lenient(""));
}

TEST_CASE("lenient form: the date as written is kept beside the moment") {
    const auto t = readDateTime("2024-03-17T23:30:00-05:00", DateForm::Lenient);
    REQUIRE(t);
    CHECK(t->hasTime);
    CHECK(t->date.day == 17); // the publisher's day, though it is already the 18th in UTC
    CHECK(aw::civilDate(aw::dayNumber(t->unixSeconds)).day == 18);
    const auto bare = readDateTime("2024-03-17", DateForm::Lenient);
    REQUIRE(bare);
    CHECK_FALSE(bare->hasTime);
}

TEST_CASE("strict form: what Date.toISOString() writes, with a zone") {
    for (const char* ok : {"2024-03-17T18:30Z", "2024-03-17T18:30:00Z", "2024-03-17T18:30:00.123Z",
                           "2024-03-17T18:30:00+04:00", "2024-03-17T18:30:59.5-01:30", "2024-02-29T00:00:00Z",
                           "2016-12-31T23:59:60Z"})
        CHECK_MESSAGE(strict(ok), ok);
    for (const char* bad : {"2024-03-17", "2024-13-17T18:30:00Z", "2024-02-31T18:30:00Z", "2023-02-29T18:30:00Z",
                            "2024-03-17T18:30:00", "2024-03-17 18:30:00Z", "2024-03-17t18:30:00Z",
                            "2024-03-17T18:30:00z", "2024-03-17T18:30:00.Z", "2024-03-17T18:30:00,5Z",
                            "2024-03-17T18:30:00Zjunk", "2024-03-17T18:30:00+0400", "2024-03-17T18:30:00+04",
                            " 2024-03-17T18:30:00Z", "2024-03-17T18:30:00+24:00", "2024-03-17T25:30:00Z"})
        CHECK_MESSAGE(!strict(bad), bad);
    CHECK(readDateTime("2024-03-17T18:30:00+04:00", DateForm::Strict)->unixSeconds == kSeedTime);
}

TEST_CASE("days and civil dates go both ways") {
    CHECK(aw::dayNumber(0) == 0);
    CHECK(aw::dayNumber(-1) == -1);
    CHECK(aw::dayNumber(86399) == 0);
    CHECK(aw::dayNumber(86400) == 1);
    for (std::int64_t day : {-719162, -1, 0, 1, 59, 60, 10957, 11016, 11017, 19799, 2932896}) {
        const aw::CivilDate d = aw::civilDate(day);
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(d.year), d.month, d.day);
        const auto back = readDateTime(text, DateForm::Lenient);
        REQUIRE_MESSAGE(back, day);
        CHECK(back->unixSeconds == day * 86400);
    }
    const aw::CivilDate leap = aw::civilDate(11016); // 2000-02-29
    CHECK(leap.year == 2000);
    CHECK(leap.month == 2);
    CHECK(leap.day == 29);
}

TEST_CASE("month names") {
    CHECK(aw::monthName(1) == "January");
    CHECK(aw::monthName(12) == "December");
    CHECK(aw::monthName(0).empty());
    CHECK(aw::monthName(13).empty());
}
