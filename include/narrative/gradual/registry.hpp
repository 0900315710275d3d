// SPDX-License-Identifier: MIT
#pragma once
// Run-time choice of a gradual semantics by name (for the CLI): a type-erased semantics, a name
// registry holding the ten built-in semantics, and score() overloads taking a name.

#include <narrative/error.hpp>
#include <narrative/gradual/engine.hpp>
#include <narrative/gradual/semantics.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/model/compiled_graph.hpp>

#include <concepts>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace narrative {

/// Any gradual semantics, chosen at run time. Type erasure sits at the level of a whole solve,
/// so the per-statement kernel is still the concrete type's (no virtual call per statement).
class any_gradual_semantics {
public:
    /// Wraps a concrete semantics; `description` is the one-line text of the catalog.
    template <class S>
        requires(!std::same_as<std::remove_cvref_t<S>, any_gradual_semantics>) &&
                gradual_semantics<std::remove_cvref_t<S>>
    explicit any_gradual_semantics(S&& s, std::string description = {})
        : name_(std::remove_cvref_t<S>::name),
          description_(std::move(description)),
          bounded_(is_bounded_semantics<std::remove_cvref_t<S>>()),
          uses_supports_(semantics_uses_supports<std::remove_cvref_t<S>>()),
          solve_([sem = std::remove_cvref_t<S>(std::forward<S>(s))](
                     const compiled_graph& g, const score_options& o) {
              return narrative::score(g, sem, o);
          }) {}

    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] const std::string& description() const noexcept { return description_; }
    [[nodiscard]] bool is_bounded() const noexcept { return bounded_; }
    [[nodiscard]] bool uses_supports() const noexcept { return uses_supports_; }

    /// Solves on a compiled graph. Throws: as score().
    [[nodiscard]] score_result score(const compiled_graph& g, const score_options& o = {}) const {
        return solve_(g, o);
    }

private:
    std::string name_{};
    std::string description_{};
    bool bounded_ = true;
    bool uses_supports_ = true;
    std::function<score_result(const compiled_graph&, const score_options&)> solve_{};
};

/// Semantics by name, in registration order.
class gradual_registry {
public:
    /// Registers a semantics under its name. Throws: rule_error when the name is taken.
    void add(any_gradual_semantics s) {
        if (find(s.name()) != nullptr)
            throw rule_error("gradual semantics '" + s.name() + "' is already registered");
        entries_.push_back(std::move(s));
    }
    /// Registers a concrete semantics with its one-line description.
    template <gradual_semantics S>
    void add(S s, std::string description) {
        add(any_gradual_semantics(std::move(s), std::move(description)));
    }

    /// The semantics called `name`, or nullptr.
    [[nodiscard]] const any_gradual_semantics* find(std::string_view name) const noexcept {
        for (const auto& e : entries_)
            if (e.name() == name) return &e;
        return nullptr;
    }
    /// The semantics called `name`. Throws: rule_error listing the registered names.
    [[nodiscard]] const any_gradual_semantics& at(std::string_view name) const {
        if (const auto* s = find(name)) return *s;
        std::string valid{};
        for (const auto& e : entries_) {
            if (!valid.empty()) valid += ", ";
            valid += e.name();
        }
        throw rule_error("unknown semantics '" + std::string(name) + "' (valid: " + valid + ")");
    }
    [[nodiscard]] const std::vector<any_gradual_semantics>& entries() const noexcept {
        return entries_;
    }

private:
    std::vector<any_gradual_semantics> entries_{};
};

/// A registry holding the ten built-in semantics, in the order of the CLI contract.
[[nodiscard]] inline gradual_registry make_builtin_gradual_registry() {
    gradual_registry r;
    r.add(df_quad{}, "product aggregation + linear influence (Rago et al. 2016); bounded, saturates at 0 and 1");
    r.add(quadratic_energy{}, "sum aggregation + quadratic (2-max) influence (Potyka 2018); bounded");
    r.add(euler_based{}, "sum aggregation + Euler influence (Amgoud & Ben-Naim 2018); bounded below by base^2");
    r.add(euler_based_top{}, "strongest supporter minus strongest attacker + Euler influence (QBAF-Py)");
    r.add(sd_df_quad{}, "product aggregation + 1-max influence (QBAF-Py SquaredDFQuAD); stays within [base/2, (1+base)/2]");
    r.add(naive_additive{}, "base + supporters - attackers (QBAF-Py basic model); UNBOUNDED, values are flagged, never clipped");
    r.add(h_categorizer{}, "1 / (1 + sum of attackers) (Besnard & Hunter 2001); attack-only, ignores base scores");
    r.add(weighted_h_categorizer{}, "base / (1 + sum of attackers) (Amgoud et al. 2017, Hbs); attack-only, compensation");
    r.add(weighted_max_based{}, "base / (1 + strongest attacker) (Amgoud et al. 2017, Mbs); attack-only, quality precedence");
    r.add(weighted_card_based{}, "base / (1 + #attackers + mean attacker) (Amgoud et al. 2017, Cbs); attack-only, cardinality precedence");
    return r;
}

/// The process-wide registry the CLI uses: the built-ins, plus whatever a program adds.
/// Not synchronised: register semantics before scoring from several threads.
[[nodiscard]] inline gradual_registry& default_gradual_registry() {
    static gradual_registry registry = make_builtin_gradual_registry();
    return registry;
}

/// (name, one-line description) of every registered semantics, in registration order: the list
/// `narrative semantics` prints.
[[nodiscard]] inline std::vector<std::pair<std::string, std::string>> gradual_semantics_catalog() {
    std::vector<std::pair<std::string, std::string>> out{};
    for (const auto& e : default_gradual_registry().entries())
        out.emplace_back(e.name(), e.description());
    return out;
}

/// The registered semantics called `name`. Throws: rule_error listing the valid names.
[[nodiscard]] inline const any_gradual_semantics& find_gradual_semantics(std::string_view name) {
    return default_gradual_registry().at(name);
}

/// Strengths under a run-time chosen semantics.
[[nodiscard]] inline score_result score(const compiled_graph& g, const any_gradual_semantics& s,
                                        const score_options& options = {}) {
    return s.score(g, options);
}
[[nodiscard]] inline score_result score(const case_model& c, const any_gradual_semantics& s,
                                        const score_options& options = {}) {
    return s.score(compiled_graph::compile(c), options);
}

/// Strengths under the registered semantics called `name`, e.g.
/// `narrative::score(my_case, "df-quad")`. Throws: rule_error for an unknown name (listing the
/// valid ones) or invalid options.
[[nodiscard]] inline score_result score(const compiled_graph& g, std::string_view name,
                                        const score_options& options = {}) {
    return find_gradual_semantics(name).score(g, options);
}
[[nodiscard]] inline score_result score(const case_model& c, std::string_view name,
                                        const score_options& options = {}) {
    return find_gradual_semantics(name).score(compiled_graph::compile(c), options);
}

}  // namespace narrative
