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

/// What kind of evidence a statement is (the case format's `evidence` key). Analysts grade a
/// report by its provenance: a primary record or an inquiry's conclusion is not an opinion.
enum class evidence_kind {
    claim,      ///< an assertion or opinion (the default)
    testimony,  ///< a first-hand account of a participant or witness
    document,   ///< a primary record: cable, memo, minutes, intercept, lab data, recording
    finding,    ///< the conclusion of an inquiry, inspection, audit, court or study of the evidence
};

[[nodiscard]] constexpr std::string_view to_string(evidence_kind k) noexcept {
    switch (k) {
        case evidence_kind::claim: return "claim";
        case evidence_kind::testimony: return "testimony";
        case evidence_kind::document: return "document";
        case evidence_kind::finding: return "finding";
    }
    return "claim";
}

[[nodiscard]] constexpr std::optional<evidence_kind> parse_evidence_kind(std::string_view s) noexcept {
    if (s == "claim") return evidence_kind::claim;
    if (s == "testimony") return evidence_kind::testimony;
    if (s == "document") return evidence_kind::document;
    if (s == "finding") return evidence_kind::finding;
    return std::nullopt;
}

/// Whether a statement serves or harms its speaker (the case format's `interest` key); unset
/// means neutral. An admission against one's own interest is the classic credible statement.
enum class interest {
    self_serving,     ///< it serves the speaker's or its group's interest
    against_interest, ///< it harms the speaker's or its group's interest
};

[[nodiscard]] constexpr std::string_view to_string(interest i) noexcept {
    switch (i) {
        case interest::self_serving: return "self-serving";
        case interest::against_interest: return "against-interest";
    }
    return "self-serving";
}

/// The interest of a statement as the outputs print it: its name, or "neutral" when unset.
[[nodiscard]] constexpr std::string_view interest_label(std::optional<interest> i) noexcept {
    return i ? to_string(*i) : "neutral";
}

[[nodiscard]] constexpr std::optional<interest> parse_interest(std::string_view s) noexcept {
    if (s == "self-serving") return interest::self_serving;
    if (s == "against-interest") return interest::against_interest;
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
    std::optional<evidence_kind> evidence{};  ///< unset means evidence_kind::claim
    std::optional<enum interest> interest{};  ///< unset means neutral
    extensions ext = extensions::object();
    /// Index of the actor in case_model::actors(), or no_actor; maintained by case_model.
    std::uint32_t actor_index = no_actor;

    [[nodiscard]] evidence_kind effective_evidence() const noexcept {
        return evidence.value_or(evidence_kind::claim);
    }
};

}  // namespace narrative
