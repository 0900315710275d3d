// SPDX-License-Identifier: MIT
#pragma once
// "Did you mean" suggestions: the known id closest to a misspelt one.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narrative::detail {

/// Levenshtein distance, O(|a|·|b|) time and O(|b|) memory; stops early past `limit`.
[[nodiscard]] inline std::size_t edit_distance(std::string_view a, std::string_view b,
                                               std::size_t limit) {
    const std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (diff > limit) return limit + 1;
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
    }
    return row[b.size()];
}

/// The candidate closest to `wanted`, if one is close enough to be a plausible typo
/// (distance at most max(2, |wanted| / 3)); ties go to the earliest candidate. Failing that,
/// the candidate sharing the longest common prefix with `wanted`, when that prefix covers at
/// least two thirds of `wanted` (an abbreviation: "india-govt" for "india-government").
template <class Range>
[[nodiscard]] std::optional<std::string> closest_id(std::string_view wanted, const Range& candidates) {
    const std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        const std::string_view c(candidate);
        const std::size_t d = edit_distance(wanted, c, best_distance - 1 < limit ? best_distance - 1 : limit);
        if (d < best_distance) {
            best_distance = d;
            best = std::string(c);
        }
    }
    if (best || wanted.size() < 3) return best;
    std::size_t best_prefix = (2 * wanted.size() + 2) / 3;  // at least two thirds, rounded up
    for (const auto& candidate : candidates) {
        const std::string_view c(candidate);
        std::size_t common = 0;
        while (common < c.size() && common < wanted.size() && c[common] == wanted[common]) ++common;
        if (common >= best_prefix && (!best || common > best_prefix)) {
            best_prefix = common;
            best = std::string(c);
        }
    }
    return best;
}

}  // namespace narrative::detail
