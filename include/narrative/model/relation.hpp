// SPDX-License-Identifier: MIT
#pragma once
// How one statement bears on another: supports or contradicts, asserted or inferred.

#include <narrative/model/extensions.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace narrative {

/// The two kinds of relation between statements.
enum class relation_type { supports, contradicts };

[[nodiscard]] constexpr std::string_view to_string(relation_type t) noexcept {
    return t == relation_type::supports ? "supports" : "contradicts";
}

[[nodiscard]] constexpr std::optional<relation_type> parse_relation_type(
    std::string_view s) noexcept {
    if (s == "supports") return relation_type::supports;
    if (s == "contradicts") return relation_type::contradicts;
    return std::nullopt;
}

/// Where a relation comes from: stated in the case file, or proposed by an inference rule.
enum class provenance { asserted, inferred };

[[nodiscard]] constexpr std::string_view to_string(provenance p) noexcept {
    return p == provenance::asserted ? "asserted" : "inferred";
}

/// A relation of a case; the edge bundle of the statement graph. The edge runs `from` → `to`
/// (`from` bears on `to`). An undirected `contradicts` (the default) means that each of the
/// two statements attacks the other; it is stored once.
struct relation {
    relation_type type = relation_type::supports;
    std::optional<double> weight{};       ///< confidence in (0, 1]; unset means 1
    std::optional<bool> directed{};       ///< unset: supports directed, contradicts mutual
    std::optional<std::string> note{};    ///< why the relation holds
    enum provenance provenance = provenance::asserted;
    std::string rule{};                   ///< the rule id, for inferred relations
    std::string reason{};                 ///< a human-readable reason, for inferred relations
    /// The `x-` keys: null when there are none (no allocation: a case has millions of
    /// relations), else an object. Iterate with `ext.items()`, which suits both.
    extensions ext{};
    /// Position of the relation in case_model::relations(); maintained by case_model.
    std::uint32_t index = 0;

    [[nodiscard]] double effective_weight() const noexcept { return weight.value_or(1.0); }
    [[nodiscard]] bool is_directed() const noexcept {
        return directed.value_or(type == relation_type::supports);
    }
    /// True for a contradiction in which each statement attacks the other.
    [[nodiscard]] bool is_mutual() const noexcept { return !is_directed(); }
};

}  // namespace narrative
