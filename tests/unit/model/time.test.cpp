// SPDX-License-Identifier: MIT
#include <narrative/model/time.hpp>

#include <doctest/doctest.h>

#include <string>

using narrative::time_point;
using narrative::time_precision;
using narrative::utc_instant;

namespace {
constexpr std::int64_t seconds_per_day = 86'400;
constexpr std::int64_t seconds_per_hour = 3'600;
// Days from 1970-01-01, hand-derived: 2025-01-01 is 55 years later with 14 leap days
// (1972 … 2024), so 55 · 365 + 14 = 20089.
constexpr std::int64_t day_2025_01_01 = 20089;

// The start of a day, `days` after 1970-01-01.
constexpr utc_instant day_start(std::int64_t days) { return {.seconds = days * seconds_per_day, .nanoseconds = 0}; }
}  // namespace

TEST_SUITE("model.time") {
    TEST_CASE("each precision covers its whole interval") {
        const auto year = time_point::parse("2025");
        CHECK(year.precision() == time_precision::year);
        CHECK(year.start() == day_start(day_2025_01_01));
        CHECK(year.end() == day_start(day_2025_01_01 + 365));  // 2025 is not a leap year

        const auto month = time_point::parse("2025-05");
        CHECK(month.precision() == time_precision::month);
        // Jan 31 + Feb 28 + Mar 31 + Apr 30 = 120 days before May 1.
        CHECK(month.start() == day_start(day_2025_01_01 + 120));
        CHECK(month.end() == day_start(day_2025_01_01 + 151));

        const auto day = time_point::parse("2025-05-10");
        CHECK(day.precision() == time_precision::day);
        CHECK(day.start() == day_start(day_2025_01_01 + 129));
        CHECK(day.end() == day_start(day_2025_01_01 + 130));
        CHECK(day.year() == 2025);
        CHECK(day.month() == 5);
        CHECK(day.day() == 10);
    }

    TEST_CASE("an instant is converted to UTC with its offset") {
        const auto local = time_point::parse("2025-05-10T10:00:00+02:00");
        const auto utc = time_point::parse("2025-05-10T08:00:00Z");
        CHECK(local.precision() == time_precision::instant);
        CHECK(local == utc);
        CHECK(local.text() == "2025-05-10T10:00:00+02:00");  // kept as given
        CHECK(utc.start() == utc_instant{(day_2025_01_01 + 129) * seconds_per_day + 8 * seconds_per_hour, 0});
        CHECK(utc.end() == utc_instant{(day_2025_01_01 + 129) * seconds_per_day + 8 * seconds_per_hour, 1});
        const auto west = time_point::parse("2025-05-09T23:30-05:30");  // 05:00 UTC on the 10th
        CHECK(west.start() == utc_instant{(day_2025_01_01 + 129) * seconds_per_day + 5 * seconds_per_hour, 0});
    }

    TEST_CASE("fractions of a second keep nanosecond precision") {
        const auto a = time_point::parse("2025-05-10T08:00:00.123456789Z");
        const auto b = time_point::parse("2025-05-10T08:00:00.5Z");
        const auto base = time_point::parse("2025-05-10T08:00:00Z").start();
        CHECK(a.start() == utc_instant{base.seconds, 123'456'789});
        CHECK(b.start() == utc_instant{base.seconds, 500'000'000});
        // The last nanosecond of a second ends at the next second.
        const auto last = time_point::parse("2025-05-10T08:00:00.999999999Z");
        CHECK(last.end() == utc_instant{base.seconds + 1, 0});
        CHECK(last.certainly_before(time_point::parse("2025-05-10T08:00:01Z")));
    }

    TEST_CASE("order is by start then coarser first") {
        const auto y = time_point::parse("2025");
        const auto m = time_point::parse("2025-01");
        const auto d = time_point::parse("2025-01-01");
        const auto later = time_point::parse("2025-01-02");
        CHECK(y < m);
        CHECK(m < d);
        CHECK(d < later);
        CHECK_FALSE(later < y);
        CHECK(y != m);
    }

    TEST_CASE("overlap and certain precedence respect precision") {
        const auto may = time_point::parse("2025-05");
        const auto may10 = time_point::parse("2025-05-10");
        const auto sept = time_point::parse("2025-09");
        CHECK(may.overlaps(may10));
        CHECK_FALSE(may.certainly_before(may10));
        CHECK(may.certainly_before(sept));
        CHECK(may10.certainly_before(sept));
        CHECK_FALSE(sept.overlaps(may));
        CHECK(time_point::parse("2025").overlaps(sept));
    }

    TEST_CASE("leap days are checked") {
        CHECK_NOTHROW((void)time_point::parse("2024-02-29"));
        CHECK_NOTHROW((void)time_point::parse("2000-02-29"));
        CHECK_THROWS_AS((void)time_point::parse("2025-02-29"), narrative::parse_error);
        CHECK_THROWS_AS((void)time_point::parse("1900-02-29"), narrative::parse_error);
        CHECK(time_point::parse("2024").end().seconds - time_point::parse("2024").start().seconds == 366 * seconds_per_day);
    }

    TEST_CASE("malformed times are refused with a reason") {
        for (const char* bad : {"", "25", "2025-5", "2025-00", "2025-13", "2025-04-31", "2025/05/10",
                                "2025-05-10T08:00", "2025-05-10T24:00Z", "2025-05-10T08:60Z",
                                "2025-05-10T08:00:61Z", "2025-05-10 08:00Z", "2025-05-10T08:00+0200",
                                "2025-05-10T08:00Zjunk", "2025-05-10T08:00:00.Z", "May 2025"}) {
            CAPTURE(bad);
            std::string reason;
            CHECK_FALSE(time_point::try_parse(bad, reason).has_value());
            CHECK(reason.find("invalid time") == 0);
        }
        std::string reason;
        (void)time_point::try_parse("2025-04-31", reason);
        CHECK(reason.find("no such day in that month") != std::string::npos);
    }

    TEST_CASE("dates before 1970 are negative") {
        const auto t = time_point::parse("1969-12-31");
        CHECK(t.start() == day_start(-1));
        CHECK(t.end() == utc_instant{});
    }

    TEST_CASE("every year 0000 to 9999 is a non-empty interval, in order, without gaps") {
        // Years 1677 and 2262 were the limits of the former 64-bit nanosecond store.
        auto previous = time_point::parse("0000");
        CHECK(previous.start() < previous.end());
        for (int y = 1; y <= 9999; ++y) {
            std::string text = std::to_string(y);
            text.insert(0, 4 - text.size(), '0');
            CAPTURE(text);
            const auto year = time_point::parse(text);
            REQUIRE(year.start() < year.end());
            CHECK(year.start() == previous.end());
            CHECK(previous < year);
            CHECK(previous.certainly_before(year));
            previous = year;
        }
    }

    TEST_CASE("old and far dates keep their order across the former nanosecond limits") {
        // Hand-derived: 0001-01-01 is 719162 days before 1970-01-01 (1969 years of 365 days and
        // 477 leap days: 492 multiples of 4, less 19 of 100, plus 4 of 400), so -62135596800 s;
        // 10000-01-01 is 2932897 days after 1970-01-01 (8030 years, 1947 leap days: 2007 - 80 +
        // 20), so 9999-12-31T23:59:59Z is 2932897 · 86400 - 1 = 253402300799 s.
        CHECK(time_point::parse("0001-01-01").start() == utc_instant{-62'135'596'800, 0});
        CHECK(time_point::parse("9999-12-31T23:59:59Z").start() == utc_instant{253'402'300'799, 0});
        // Year 0000 is 1 BC, a leap year (divisible by 400): 366 days before 0001.
        CHECK(time_point::parse("0000").start() == utc_instant{-62'135'596'800 - 366 * seconds_per_day, 0});
        CHECK_NOTHROW((void)time_point::parse("0000-02-29"));

        const char* ascending[] = {"0000-01-01T00:00+23:59", "0000", "0000-01-01", "0800", "0800-12-25",
                                   "1066-10-14", "1677-09-21", "1677-09-21T00:12:43.145224192Z",
                                   "1678", "1815-06-18", "1964", "2025-05-10", "2262-04-11",
                                   "2262-04-11T23:47:16.854775807Z", "2262-04-11T23:47:16.854775808Z",
                                   "2262-04-12", "2500", "9999-12-31T23:59:59.999999999Z",
                                   "9999-12-31T23:59:59.999999999-23:59"};
        for (std::size_t i = 0; i + 1 < std::size(ascending); ++i) {
            CAPTURE(ascending[i]);
            CAPTURE(ascending[i + 1]);
            const auto a = time_point::parse(ascending[i]);
            const auto b = time_point::parse(ascending[i + 1]);
            CHECK(a.start() < a.end());
            CHECK(a < b);
            CHECK_FALSE(b < a);
        }
        // An instant written at -23:59 on the last day of 9999 is in the year 10000 UTC: still
        // after every other time.
        const auto latest = time_point::parse("9999-12-31T23:59:59.999999999-23:59");
        CHECK(latest.start() == utc_instant{253'402'300'799 + 23 * seconds_per_hour + 59 * 60, 999'999'999});
        CHECK(latest.end() == utc_instant{253'402'300'800 + 23 * seconds_per_hour + 59 * 60, 0});
        CHECK(time_point::parse("2025").certainly_before(time_point::parse("2500")));
        CHECK(time_point::parse("1815").certainly_before(time_point::parse("1964-03")));
        CHECK_FALSE(time_point::parse("2500").overlaps(time_point::parse("2025")));
    }
}
