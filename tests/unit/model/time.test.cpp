// SPDX-License-Identifier: MIT
#include <narrative/model/time.hpp>

#include <doctest/doctest.h>

using narrative::time_point;
using narrative::time_precision;

namespace {
constexpr std::int64_t ns_per_day = 86'400'000'000'000;
constexpr std::int64_t ns_per_hour = 3'600'000'000'000;
// Days from 1970-01-01, hand-derived: 2025-01-01 is 55 years later with 14 leap days
// (1972 … 2024), so 55 · 365 + 14 = 20089.
constexpr std::int64_t day_2025_01_01 = 20089;
}  // namespace

TEST_SUITE("model.time") {
    TEST_CASE("each precision covers its whole interval") {
        const auto year = time_point::parse("2025");
        CHECK(year.precision() == time_precision::year);
        CHECK(year.start() == day_2025_01_01 * ns_per_day);
        CHECK(year.end() == (day_2025_01_01 + 365) * ns_per_day);  // 2025 is not a leap year

        const auto month = time_point::parse("2025-05");
        CHECK(month.precision() == time_precision::month);
        // Jan 31 + Feb 28 + Mar 31 + Apr 30 = 120 days before May 1.
        CHECK(month.start() == (day_2025_01_01 + 120) * ns_per_day);
        CHECK(month.end() == (day_2025_01_01 + 151) * ns_per_day);

        const auto day = time_point::parse("2025-05-10");
        CHECK(day.precision() == time_precision::day);
        CHECK(day.start() == (day_2025_01_01 + 129) * ns_per_day);
        CHECK(day.end() - day.start() == ns_per_day);
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
        CHECK(utc.start() == (day_2025_01_01 + 129) * ns_per_day + 8 * ns_per_hour);
        const auto west = time_point::parse("2025-05-09T23:30-05:30");  // 05:00 UTC on the 10th
        CHECK(west.start() == (day_2025_01_01 + 129) * ns_per_day + 5 * ns_per_hour);
    }

    TEST_CASE("fractions of a second keep nanosecond precision") {
        const auto a = time_point::parse("2025-05-10T08:00:00.123456789Z");
        const auto b = time_point::parse("2025-05-10T08:00:00.5Z");
        const auto base = time_point::parse("2025-05-10T08:00:00Z").start();
        CHECK(a.start() - base == 123'456'789);
        CHECK(b.start() - base == 500'000'000);
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
        CHECK(time_point::parse("2024").end() - time_point::parse("2024").start() == 366 * ns_per_day);
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
        CHECK(t.start() == -ns_per_day);
        CHECK(t.end() == 0);
    }
}
