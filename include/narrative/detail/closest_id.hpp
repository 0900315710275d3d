// SPDX-License-Identifier: MIT
#pragma once
// "Did you mean" suggestions: the known id closest to a misspelt one.

#include <algorithm>
#include <cstddef>
#include <cstdint>
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

/// Ids longer than this get no suggestion: the search is quadratic in the id's length.
inline constexpr std::size_t max_suggested_id_bytes = 256;

/// The known ids indexed once, for many "did you mean" questions (see closest()).
///
/// The candidates are kept sorted, so that candidates sharing a prefix are neighbours: the
/// edit-distance table of a prefix is computed once for all of them, and a whole run of
/// candidates is skipped as soon as its prefix is farther than the distance searched for (the
/// table's smallest entry never decreases as the prefix grows). Distances are searched for
/// from 0 up, so a typo one edit away costs a walk through the few prefixes within one edit of
/// `wanted`'s. The answers are those of comparing `wanted` with every candidate in turn.
class closest_id_index {
public:
    closest_id_index() = default;

    /// Indexes `candidates` (any range of string-like values), remembering their order for
    /// ties. The strings must outlive the index. O(n log n) for n candidates.
    template <class Range>
    explicit closest_id_index(const Range& candidates) {
        for (const auto& c : candidates) entries_.push_back({std::string_view(c), entries_.size()});
        in_order_ = std::is_sorted(entries_.begin(), entries_.end(),
                                   [](const entry& a, const entry& b) { return a.text < b.text; });
        if (!in_order_)
            std::stable_sort(entries_.begin(), entries_.end(),
                             [](const entry& a, const entry& b) { return a.text < b.text; });
        shared_.assign(entries_.size(), 0);
        for (std::size_t i = 1; i < entries_.size(); ++i)
            shared_[i] = common_prefix(entries_[i - 1].text, entries_[i].text);
    }

    /// The candidate closest to `wanted`, if one is close enough to be a plausible typo
    /// (distance at most max(2, |wanted| / 3)); ties go to the earliest candidate. Failing that,
    /// the candidate sharing the longest common prefix with `wanted`, when that prefix covers at
    /// least two thirds of `wanted` (an abbreviation: "india-govt" for "india-government"),
    /// again the earliest of equals. Nothing for ids longer than max_suggested_id_bytes.
    [[nodiscard]] std::optional<std::string> closest(std::string_view wanted) const {
        if (entries_.empty() || wanted.size() > max_suggested_id_bytes) return std::nullopt;
        if (const auto typo = nearest(wanted)) return std::string(entries_[*typo].text);
        if (wanted.size() < 3) return std::nullopt;
        if (const auto abbreviation = longest_prefix(wanted)) return std::string(entries_[*abbreviation].text);
        return std::nullopt;
    }

    /// The candidate at the smallest edit distance from `wanted` if that distance is at most
    /// `limit`, the earliest given of equals; nothing for ids longer than
    /// max_suggested_id_bytes.
    [[nodiscard]] std::optional<std::string_view> nearest_within(std::string_view wanted, std::size_t limit) const {
        if (entries_.empty() || wanted.size() > max_suggested_id_bytes) return std::nullopt;
        std::vector<std::uint32_t> rows((wanted.size() + limit + 2) * (wanted.size() + 1));
        for (std::size_t bound = 0; bound <= limit; ++bound)
            if (const auto found = within(wanted, bound, rows)) return entries_[*found].text;
        return std::nullopt;
    }

private:
    struct entry {
        std::string_view text{};
        std::size_t order = 0;  // position among the candidates as given
    };

    static std::size_t common_prefix(std::string_view a, std::string_view b) {
        std::size_t n = 0;
        while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
        return n;
    }

    // The entry at the smallest edit distance ≤ the limit, the earliest given of equals. Searched
    // with a growing bound, 0, 1, … up to the limit: a search with bound b visits only the
    // prefixes within b of a prefix of w (few for the small distances of typos), and the first
    // bound that finds an entry is the smallest distance.
    std::optional<std::size_t> nearest(std::string_view w) const {
        const std::size_t limit = std::max<std::size_t>(2, w.size() / 3);
        std::vector<std::uint32_t> rows((w.size() + limit + 2) * (w.size() + 1));
        for (std::size_t bound = 0; bound <= limit; ++bound)
            if (const auto found = within(w, bound, rows)) return found;
        return std::nullopt;
    }

    // The entry at the smallest edit distance ≤ `bound`, the earliest given of equals.
    std::optional<std::size_t> within(std::string_view w, std::size_t bound, std::vector<std::uint32_t>& rows) const {
        const std::size_t width = w.size() + 1;
        // rows[k] is the distance table of the current candidate's first k bytes against every
        // prefix of w; a candidate longer than |w| + bound is pruned before row |w| + bound + 1.
        const std::size_t depth = w.size() + bound + 2;
        for (std::size_t j = 0; j < width; ++j) rows[j] = static_cast<std::uint32_t>(j);

        std::optional<std::size_t> best;  // index into entries_
        std::size_t best_distance = bound + 1;
        // Whether an entry could still be the answer, given the smallest distance it can reach.
        const auto may_win = [&](std::size_t reachable, std::size_t i) {
            if (reachable < best_distance) return true;
            // A tie wins only by coming earlier among the candidates as given.
            return reachable == best_distance && best && entries_[i].order < entries_[*best].order;
        };

        std::size_t valid = 0;  // rows 0..valid hold the prefix entries_[i].text[0, valid)
        for (std::size_t i = 0; i < entries_.size();) {
            const std::string_view c = entries_[i].text;
            std::size_t k = std::min(valid, shared_[i]);
            bool pruned = false;
            std::size_t reachable = 0;  // when pruned: the least distance of what shares c[0, k)
            while (k < c.size()) {
                if (k + 1 >= depth) {  // longer than |w| + bound: too far whatever follows
                    pruned = true;
                    reachable = bound + 1;
                    break;
                }
                const std::uint32_t* prev = &rows[k * width];
                std::uint32_t* next = &rows[(k + 1) * width];
                next[0] = static_cast<std::uint32_t>(k + 1);
                std::uint32_t smallest = next[0];
                for (std::size_t j = 1; j < width; ++j) {
                    next[j] = std::min({prev[j] + 1, next[j - 1] + 1, prev[j - 1] + (c[k] == w[j - 1] ? 0u : 1u)});
                    smallest = std::min(smallest, next[j]);
                }
                ++k;
                if (!may_win(smallest, i)) {
                    pruned = true;
                    reachable = smallest;
                    break;
                }
            }
            valid = k;
            if (!pruned) {
                const std::size_t d = rows[k * width + w.size()];
                if (d <= bound && may_win(d, i)) {
                    best = i;
                    best_distance = d;
                }
                ++i;
                continue;
            }
            // Every following entry sharing the first k bytes is at least as far: skip them all
            // (found by bisection: they are one run of the sorted order), unless one of them may
            // tie with the best so far and came earlier among the candidates as given (never so
            // when the candidates were given sorted).
            if (in_order_ || !best || reachable > best_distance) {
                const std::string_view prefix = c.substr(0, k);
                i = static_cast<std::size_t>(
                    std::partition_point(entries_.begin() + static_cast<std::ptrdiff_t>(i) + 1, entries_.end(),
                                         [&](const entry& e) { return e.text.substr(0, k) == prefix; }) -
                    entries_.begin());
            } else {
                std::size_t next = i + 1;
                while (next < entries_.size() && shared_[next] >= k && !may_win(reachable, next)) ++next;
                i = next;
            }
        }
        return best;
    }

    // The entry sharing the longest prefix with w when it covers at least two thirds of w,
    // the earliest given of those sharing as much.
    std::optional<std::size_t> longest_prefix(std::string_view w) const {
        const std::size_t threshold = (2 * w.size() + 2) / 3;  // two thirds, rounded up
        // The longest prefix w shares with any entry, it shares with a neighbour of w's place.
        const auto at = static_cast<std::size_t>(
            std::lower_bound(entries_.begin(), entries_.end(), w,
                             [](const entry& e, std::string_view v) { return e.text < v; }) -
            entries_.begin());
        std::size_t longest = 0;
        if (at < entries_.size()) longest = common_prefix(w, entries_[at].text);
        if (at > 0) longest = std::max(longest, common_prefix(w, entries_[at - 1].text));
        if (longest < threshold) return std::nullopt;
        // The entries sharing `longest` bytes with w are one run of the sorted order.
        const std::string_view prefix = w.substr(0, longest);
        const auto first = static_cast<std::size_t>(
            std::lower_bound(entries_.begin(), entries_.end(), prefix,
                             [](const entry& e, std::string_view v) { return e.text < v; }) -
            entries_.begin());
        std::size_t chosen = first;
        if (!in_order_) {
            for (std::size_t i = first; i < entries_.size() && entries_[i].text.substr(0, longest) == prefix; ++i)
                if (entries_[i].order < entries_[chosen].order) chosen = i;
        }
        return chosen;
    }

    std::vector<entry> entries_{};       // sorted by text; stable, so equal texts keep their order
    std::vector<std::size_t> shared_{};  // shared_[i]: common prefix of entries i - 1 and i
    bool in_order_ = true;               // the candidates were given sorted
};

/// The candidate closest to `wanted` (see closest_id_index::closest). Indexes the candidates
/// for this one question; index them once with closest_id_index to ask many.
template <class Range>
[[nodiscard]] std::optional<std::string> closest_id(std::string_view wanted, const Range& candidates) {
    return closest_id_index(candidates).closest(wanted);
}

}  // namespace narrative::detail
