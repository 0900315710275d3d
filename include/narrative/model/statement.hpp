// SPDX-License-Identifier: MIT
#pragma once
// A statement: what one actor said or wrote, when and where, with an optional structured claim.

#include <narrative/model/extensions.hpp>
#include <narrative/model/time.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace narrative {

/// How a statement stands towards its claim.
enum class stance {
    asserts,  ///< the actor says the claim holds (the default)
    denies,   ///< the actor says it does not hold
    reports,  ///< the actor relays the claim without endorsing it (an outlet reporting a rumour)
};

[[nodiscard]] constexpr std::string_view to_string(stance s) noexcept {
    switch (s) {
        case stance::asserts: return "asserts";
        case stance::denies: return "denies";
        case stance::reports: return "reports";
    }
    return "asserts";
}

[[nodiscard]] constexpr std::optional<stance> parse_stance(std::string_view s) noexcept {
    if (s == "asserts") return stance::asserts;
    if (s == "denies") return stance::denies;
    if (s == "reports") return stance::reports;
    return std::nullopt;
}

/// The structured content of a statement: a position on a proposition.
struct claim {
    std::string proposition{};             ///< a proposition id (declared or an implicit yes/no one)
    std::optional<std::string> value{};    ///< required when the proposition declares values
    std::optional<enum stance> stance{};   ///< unset means `asserts`
    extensions ext = extensions::object();

    [[nodiscard]] enum stance effective_stance() const noexcept {
        return stance.value_or(stance::asserts);
    }
};

/// Index of "no actor" in the actor index of a statement.
inline constexpr std::uint32_t no_actor = std::numeric_limits<std::uint32_t>::max();

/// A statement of a case; the vertex bundle of the statement graph.
struct statement {
    std::string id{};                     ///< unique among statements, non-empty
    std::optional<std::string> actor{};   ///< actor id; unset for an anonymous statement
    std::optional<time_point> time{};     ///< when it was said
    std::optional<std::string> text{};    ///< the statement as said or written
    std::optional<std::string> source{};  ///< URL, document or citation
    std::optional<double> base{};         ///< intrinsic strength in [0, 1]; see case_model::base_of
    std::optional<struct claim> claim{};  ///< structured content
    extensions ext = extensions::object();
    /// Index of the actor in case_model::actors(), or no_actor; maintained by case_model.
    std::uint32_t actor_index = no_actor;
};

}  // namespace narrative
