// SPDX-License-Identifier: MIT
#pragma once
// The parameters of evidence-em: the likelihood-ratio table of evidence kinds and interests,
// the accuracy prior, dependence and time.

#include <narrative/model/statement.hpp>

#include <cstdint>
#include <optional>

namespace narrative {

/// The likelihood-ratio table of evidence-em: how much more likely a statement of this kind is
/// to be made when what it says is true than when it is false, relative to a plain claim of a
/// source of the same accuracy. Factors multiply (their logarithms add); the defaults and the
/// reason for each are in docs/credibility/evidence-em.md.
struct evidence_weights {
    double claim = 1.0;             ///< an assertion or opinion: the reference
    double testimony = 2.0;         ///< first-hand account: direct, but witnesses err
    double document = 4.0;          ///< primary record made at the time, not for the dispute
    double finding = 8.0;           ///< an inquiry's conclusion after examining the evidence
    double self_serving = 0.5;      ///< would be said whether true or not: half as diagnostic
    double against_interest = 4.0;  ///< costly to say unless true (declaration against interest)

    /// The ratio of an evidence kind.
    [[nodiscard]] double of(evidence_kind k) const noexcept {
        switch (k) {
            case evidence_kind::claim: return claim;
            case evidence_kind::testimony: return testimony;
            case evidence_kind::document: return document;
            case evidence_kind::finding: return finding;
        }
        return claim;
    }
    /// The ratio of an interest (1 when neutral).
    [[nodiscard]] double of(std::optional<interest> i) const noexcept {
        if (!i) return 1.0;
        return *i == interest::self_serving ? self_serving : against_interest;
    }
};

/// Parameters of evidence-em; bad values throw rule_error when the run starts.
struct evidence_model_options {
    evidence_weights weights{};
    /// Prior mean accuracy of an actor that declares no prior (a declared prior is used as is).
    /// Above ½ so that a plain claim is evidence at all; see the docs for the reason of 0.7.
    double default_accuracy = 0.7;
    /// Weight of the prior in pseudo-positions: A = (a₀·prior + Σ correctness) / (a₀ + n).
    double prior_strength = 2.0;
    /// c: the probability that a dependent source copies a value rather than finding it itself.
    double copy_probability = 0.8;
    /// α: the prior probability that two sources of different groups depend on each other.
    double dependence_prior = 0.2;
    bool use_groups = true;       ///< actors of one declared group are dependent
    bool detect_copying = true;   ///< estimate dependence between groups from shared values
    bool supersede_positions = true;  ///< an actor's later position replaces its earlier one
    bool supersede_findings = true;   ///< a later finding replaces an earlier opposite finding
    /// Providers of one value compared for dependence (the strongest first); the rest are
    /// discounted against these. Bounds the pair work per value.
    std::uint32_t max_compared_providers = 64;
    std::uint32_t max_iterations = 1000;   ///< EM rounds in all
    double tolerance = 1e-6;               ///< on max |ΔA| between rounds; 0 runs them all
    std::uint32_t max_dependence_rounds = 10;  ///< re-estimations of copying
};

}  // namespace narrative
