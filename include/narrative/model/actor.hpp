// SPDX-License-Identifier: MIT
#pragma once
// Who makes statements: a person, government, organisation, outlet, document or analyst.

#include <narrative/model/extensions.hpp>

#include <optional>
#include <string>

namespace narrative {

/// The prior credibility of an actor that declares none.
inline constexpr double default_prior = 0.5;

/// An actor of a case. Optional fields stay unset when the case file omits them, so a
/// round trip writes back exactly what was read.
struct actor {
    std::string id{};                    ///< unique among actors, non-empty
    std::optional<std::string> name{};   ///< display name; `display_name()` falls back to the id
    std::optional<std::string> kind{};   ///< free text: person, government, organization, …
    std::optional<std::string> group{};  ///< the side, country or affiliation
    std::optional<double> prior{};       ///< prior credibility in [0, 1]
    extensions ext = extensions::object();

    [[nodiscard]] const std::string& display_name() const noexcept { return name ? *name : id; }
    [[nodiscard]] double effective_prior() const noexcept { return prior.value_or(default_prior); }
};

}  // namespace narrative
