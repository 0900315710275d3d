// SPDX-License-Identifier: MIT
#pragma once
// When a statement was made: an ISO 8601 year, month, day or instant that keeps its precision.

#include <narrative/error.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace narrative {

/// How precisely a time is known.
enum class time_precision { year, month, day, instant };

/// A moment on the UTC time line: whole seconds since 1970-01-01T00:00:00Z (negative before)
/// and the nanoseconds into that second, ordered as a pair. Every time of the years 0000 to 9999,
/// with any offset, lies within ±3·10¹¹ seconds of 1970, so no computation can overflow (a single
/// 64-bit count of nanoseconds covers only 1677-09-21 to 2262-04-11).
struct utc_instant {
    std::int64_t seconds = 0;      ///< whole seconds since 1970-01-01T00:00:00Z
    std::int32_t nanoseconds = 0;  ///< 0 to 999 999 999 into that second

    friend constexpr bool operator==(const utc_instant&, const utc_instant&) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(const utc_instant&,
                                                      const utc_instant&) noexcept = default;
};

/// A point in time as a statement's `time` gives it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a
/// full date-time with offset (`YYYY-MM-DDThh:mm[:ss[.f…]](Z|±hh:mm)`), for any four-digit
/// year 0000 to 9999 of the proleptic Gregorian calendar (0000 is 1 BC, as in ISO 8601).
///
/// A time covers the half-open interval [start, end) of the UTC time line: a year covers the
/// whole year, a day the whole day (read as UTC, since the format gives no zone for dates), an
/// instant a single nanosecond. Two times are ordered by start, then by precision (coarser
/// first), so `2025` < `2025-01` < `2025-01-01`; they are equal when they cover the same
/// interval. The text is kept exactly as given, for lossless round trips.
class time_point {
public:
    /// Parses `text`; throws parse_error (location empty) naming what is wrong.
    [[nodiscard]] static time_point parse(std::string_view text);

    /// Parses `text`; on failure returns nullopt and sets `reason`.
    [[nodiscard]] static std::optional<time_point> try_parse(std::string_view text,
                                                             std::string& reason);

    [[nodiscard]] time_precision precision() const noexcept { return precision_; }
    /// The text as given.
    [[nodiscard]] const std::string& text() const noexcept { return text_; }
    /// First nanosecond covered.
    [[nodiscard]] utc_instant start() const noexcept { return start_; }
    /// One past the last nanosecond covered (start < end always).
    [[nodiscard]] utc_instant end() const noexcept { return end_; }
    [[nodiscard]] int year() const noexcept { return year_; }
    /// Month 1–12, or 0 when the precision is `year`.
    [[nodiscard]] int month() const noexcept { return month_; }
    /// Day of month 1–31, or 0 when the precision is coarser than `day`.
    [[nodiscard]] int day() const noexcept { return day_; }

    /// True when the two intervals share at least one nanosecond (e.g. `2025-05` and
    /// `2025-05-10`): neither is certainly earlier.
    [[nodiscard]] bool overlaps(const time_point& other) const noexcept {
        return start_ < other.end_ && other.start_ < end_;
    }
    /// True when all of this time lies before all of `other`.
    [[nodiscard]] bool certainly_before(const time_point& other) const noexcept {
        return end_ <= other.start_;
    }

    friend bool operator==(const time_point& a, const time_point& b) noexcept {
        return a.start_ == b.start_ && a.end_ == b.end_;
    }
    friend std::strong_ordering operator<=>(const time_point& a, const time_point& b) noexcept {
        if (auto c = a.start_ <=> b.start_; c != 0) return c;
        return b.end_ <=> a.end_;  // longer (coarser) interval first
    }

private:
    time_precision precision_ = time_precision::day;
    std::string text_{};
    utc_instant start_{};
    utc_instant end_{};
    int year_ = 1970;
    int month_ = 0;
    int day_ = 0;
};

/// The name of a precision: "year", "month", "day" or "instant".
[[nodiscard]] constexpr std::string_view to_string(time_precision p) noexcept {
    switch (p) {
        case time_precision::year: return "year";
        case time_precision::month: return "month";
        case time_precision::day: return "day";
        case time_precision::instant: return "instant";
    }
    return "instant";
}

namespace detail {

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
[[nodiscard]] constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m,
                                                     unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? static_cast<unsigned>(-3) : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

[[nodiscard]] constexpr bool is_leap_year(int y) noexcept {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

[[nodiscard]] constexpr int days_in_month(int y, int m) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

inline constexpr std::int64_t seconds_per_day = 86'400;
inline constexpr std::int32_t ns_per_second = 1'000'000'000;

/// Reads exactly `n` decimal digits at `pos`; advances `pos`.
[[nodiscard]] inline std::optional<int> read_digits(std::string_view s, std::size_t& pos,
                                                    std::size_t n) {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    pos += n;
    return v;
}

}  // namespace detail

inline std::optional<time_point> time_point::try_parse(std::string_view s, std::string& reason) {
    using namespace detail;
    const auto fail = [&](std::string why) -> std::optional<time_point> {
        reason = "invalid time \"" + std::string(s.substr(0, 64)) + "\": " + std::move(why) +
                 " (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.f]] with Z or "
                 "±hh:mm)";
        return std::nullopt;
    };
    time_point t;
    t.text_ = std::string(s);
    std::size_t pos = 0;
    const auto year = read_digits(s, pos, 4);
    if (!year) return fail("the year must have four digits");
    t.year_ = *year;
    t.precision_ = time_precision::year;
    if (pos < s.size()) {
        if (s[pos++] != '-') return fail("expected '-' after the year");
        const auto month = read_digits(s, pos, 2);
        if (!month || *month < 1 || *month > 12) return fail("the month must be 01 to 12");
        t.month_ = *month;
        t.precision_ = time_precision::month;
    }
    if (pos < s.size()) {
        if (s[pos++] != '-') return fail("expected '-' after the month");
        const auto day = read_digits(s, pos, 2);
        if (!day || *day < 1 || *day > days_in_month(t.year_, t.month_))
            return fail("no such day in that month");
        t.day_ = *day;
        t.precision_ = time_precision::day;
    }
    const std::int64_t first_day =
        days_from_civil(t.year_, static_cast<unsigned>(t.month_ == 0 ? 1 : t.month_),
                        static_cast<unsigned>(t.day_ == 0 ? 1 : t.day_));
    t.start_ = {.seconds = first_day * seconds_per_day, .nanoseconds = 0};
    if (pos == s.size()) {
        std::int64_t end_day = 0;
        if (t.precision_ == time_precision::year) {
            end_day = days_from_civil(t.year_ + 1, 1, 1);
        } else if (t.precision_ == time_precision::month) {
            end_day = t.month_ == 12 ? days_from_civil(t.year_ + 1, 1, 1)
                                     : days_from_civil(t.year_, static_cast<unsigned>(t.month_ + 1), 1);
        } else {
            end_day = first_day + 1;
        }
        t.end_ = {.seconds = end_day * seconds_per_day, .nanoseconds = 0};
        return t;
    }
    // A full date-time: THH:MM[:SS[.fraction]] followed by Z or ±HH:MM.
    if (s[pos] != 'T' && s[pos] != 't') return fail("expected 'T' after the date");
    ++pos;
    const auto hour = read_digits(s, pos, 2);
    if (!hour || *hour > 23) return fail("the hour must be 00 to 23");
    if (pos >= s.size() || s[pos++] != ':') return fail("expected ':' after the hour");
    const auto minute = read_digits(s, pos, 2);
    if (!minute || *minute > 59) return fail("the minute must be 00 to 59");
    int second = 0;
    std::int32_t nanos = 0;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        const auto sec = read_digits(s, pos, 2);
        if (!sec || *sec > 60) return fail("the second must be 00 to 60");
        second = *sec == 60 ? 59 : *sec;  // a leap second is placed on the last second
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            std::size_t digits = 0;
            std::int32_t scale = 100'000'000;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                if (digits < 9) nanos += (s[pos] - '0') * scale;
                scale /= 10;
                ++digits;
                ++pos;
            }
            if (digits == 0) return fail("expected digits after the decimal mark");
        }
    }
    if (pos >= s.size()) return fail("a date-time needs an offset, Z or ±hh:mm");
    int offset_minutes = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        const auto oh = read_digits(s, pos, 2);
        if (!oh || *oh > 23) return fail("the offset hour must be 00 to 23");
        if (pos >= s.size() || s[pos++] != ':') return fail("expected ':' in the offset");
        const auto om = read_digits(s, pos, 2);
        if (!om || *om > 59) return fail("the offset minute must be 00 to 59");
        offset_minutes = sign * (*oh * 60 + *om);
    } else {
        return fail("expected Z or ±hh:mm after the time");
    }
    if (pos != s.size()) return fail("unexpected characters after the offset");
    t.precision_ = time_precision::instant;
    t.start_.seconds += (static_cast<std::int64_t>(*hour) * 60 + *minute - offset_minutes) * 60 + second;
    t.start_.nanoseconds = nanos;
    t.end_ = nanos + 1 < ns_per_second ? utc_instant{t.start_.seconds, nanos + 1}
                                       : utc_instant{t.start_.seconds + 1, 0};
    return t;
}

inline time_point time_point::parse(std::string_view text) {
    std::string reason{};
    auto t = try_parse(text, reason);
    if (!t) throw parse_error(diagnostic{.severity = severity::error, .source = "", .location = "", .message = reason});
    return *t;
}

}  // namespace narrative
