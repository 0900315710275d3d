// SPDX-License-Identifier: MIT
#pragma once
// Rules that propose relations from structured claims: the relation_rule concept, the record of
// one inference (rule id, reason, provenance), and the five built-in rules.

#include <narrative/model/case_model.hpp>

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace narrative {

/// What an inference says about two statements.
///
/// `supports` and `contradicts` become relations of the case (with provenance `inferred`);
/// `repetition` and `relay` are annotations only: they add no edge, so a repeated or relayed
/// claim is not counted as independent corroboration, but actor analyses can read them.
enum class inference_effect {
    supports,     ///< the two statements make the same claim (independent corroboration)
    contradicts,  ///< the two statements cannot both hold
    repetition,   ///< one actor repeats its own claim: not independent corroboration
    relay,        ///< `from` relays (stance `reports`) the claim that `to` makes, without endorsing it
};

[[nodiscard]] constexpr std::string_view to_string(inference_effect e) noexcept {
    switch (e) {
        case inference_effect::supports: return "supports";
        case inference_effect::contradicts: return "contradicts";
        case inference_effect::repetition: return "repetition";
        case inference_effect::relay: return "relay";
    }
    return "supports";
}

/// One proposal of a rule: `from` bears on `to` with `effect`, for a stated reason.
///
/// For `supports` the edge runs from the later statement to the earlier one (the later one
/// corroborates); for `contradicts` the relation is mutual (undirected), so the order only
/// follows the statements' order in the case.
struct inference {
    statement_index from = 0;
    statement_index to = 0;
    inference_effect effect = inference_effect::supports;
    double weight = 1.0;     ///< confidence in (0, 1] given to the inferred relation
    std::string rule{};      ///< the stable id of the rule that proposed it
    std::string reason{};    ///< a human-readable reason naming the claims involved

    /// True for the effects that become relations (`supports`, `contradicts`).
    [[nodiscard]] bool is_relation() const noexcept {
        return effect == inference_effect::supports || effect == inference_effect::contradicts;
    }
};

/// A user-written inference rule.
///
/// A rule is a copyable type with a stable id `R::name` and a `const` member
/// `propose(const case_model&)` returning every inference it makes on the case, in a
/// deterministic order. It must not depend on relations earlier rules proposed: every rule
/// sees the case as it was before inference. Duplicates of existing relations are dropped by
/// `infer_relations`, so a rule need not check for them.
///
/// ```
/// struct same_source_rule {
///     static constexpr std::string_view name = "same-source";
///     std::vector<narrative::inference> propose(const narrative::case_model& c) const;
/// };
/// static_assert(narrative::relation_rule<same_source_rule>);
/// ```
template <class R>
concept relation_rule = std::copy_constructible<R> && requires(const R& r, const case_model& c) {
    { R::name } -> std::convertible_to<std::string_view>;
    { r.propose(c) } -> std::convertible_to<std::vector<inference>>;
};

/// A claim reduced to a position: the proposition, the value at issue and whether the
/// statement holds (`positive`) or rejects it. For a yes/no proposition the value is "true":
/// `asserts` is positive, `denies` negative. For a proposition with values, `asserts v` is
/// positive on v and `denies v` negative on v. `reports` gives no position (nullopt).
struct claim_position {
    std::string proposition{};
    std::string value{};
    bool positive = true;
    bool exclusive = true;  ///< the proposition's values exclude each other

    friend bool operator==(const claim_position&, const claim_position&) = default;
};

/// The position a statement takes, or nullopt without claim or for a `reports` stance.
[[nodiscard]] inline std::optional<claim_position> position_of(const case_model& c,
                                                               statement_index v) {
    const statement& s = c.statement_at(v);
    if (!s.claim || s.claim->effective_stance() == stance::reports) return std::nullopt;
    const proposition* p = c.proposition_of(*s.claim);
    const bool yes_no = p == nullptr || p->is_yes_no();
    return claim_position{
        .proposition = s.claim->proposition,
        .value = yes_no ? std::string("true") : s.claim->value.value_or(std::string()),
        .positive = s.claim->effective_stance() == stance::asserts,
        .exclusive = p == nullptr || p->is_exclusive()};
}

namespace detail {

// A claim phrased for reasons: `asserts ceasefire-broker = us-mediation`.
[[nodiscard]] inline std::string describe_claim(const case_model& c, statement_index v) {
    const statement& s = c.statement_at(v);
    if (!s.claim) return "no claim";
    std::string out{to_string(s.claim->effective_stance())};
    out += ' ';
    out += s.claim->proposition;
    if (s.claim->value) out += " = " + *s.claim->value;
    return out;
}

// Statements grouped by proposition (ordered by proposition id, statements in case order).
[[nodiscard]] inline std::map<std::string, std::vector<statement_index>> statements_by_proposition(
    const case_model& c) {
    std::map<std::string, std::vector<statement_index>> groups{};
    for (statement_index v = 0; v < c.statement_count(); ++v) {
        const statement& s = c.statement_at(v);
        if (s.claim) groups[s.claim->proposition].push_back(v);
    }
    return groups;
}

// True when statement a precedes b: by time when both are certainly ordered, else by index.
[[nodiscard]] inline bool said_before(const case_model& c, statement_index a, statement_index b) {
    const auto& ta = c.statement_at(a).time;
    const auto& tb = c.statement_at(b).time;
    if (ta && tb) {
        if (ta->certainly_before(*tb)) return true;
        if (tb->certainly_before(*ta)) return false;
    }
    return a < b;
}

[[nodiscard]] inline bool same_actor(const case_model& c, statement_index a, statement_index b) {
    const auto x = c.statement_at(a).actor_index;
    return x != no_actor && x == c.statement_at(b).actor_index;
}

// For every statement: true when an earlier statement of the same actor takes the same
// position (a repeat). O(n log n).
[[nodiscard]] inline std::vector<char> repeats(const case_model& c) {
    std::vector<char> out(c.statement_count(), 0);
    std::map<std::tuple<std::uint32_t, std::string, std::string, bool>, statement_index> first{};
    for (statement_index v = 0; v < c.statement_count(); ++v) {
        const auto actor = c.statement_at(v).actor_index;
        const auto p = position_of(c, v);
        if (actor == no_actor || !p) continue;
        const auto key = std::make_tuple(actor, p->proposition, p->value, p->positive);
        const auto [it, inserted] = first.emplace(key, v);
        if (inserted) continue;
        if (said_before(c, v, it->second)) {
            out[it->second] = 1;
            it->second = v;
        } else {
            out[v] = 1;
        }
    }
    return out;
}

// Calls f(a, b, pa, pb) for every pair a < b of statements with a position on one proposition.
template <class F>
void for_each_position_pair(const case_model& c, F&& f) {
    for (const auto& [prop, members] : statements_by_proposition(c)) {
        std::vector<std::pair<statement_index, claim_position>> positioned{};
        for (const statement_index v : members)
            if (auto p = position_of(c, v)) positioned.emplace_back(v, std::move(*p));
        for (std::size_t i = 0; i < positioned.size(); ++i)
            for (std::size_t j = i + 1; j < positioned.size(); ++j)
                f(positioned[i].first, positioned[j].first, positioned[i].second,
                  positioned[j].second);
    }
}

}  // namespace detail

/// Rule `same-claim`: two statements of different actors (or anonymous) taking the same
/// position on one proposition (same value, both positive or both negative) support each
/// other. One `supports` relation runs from the later statement to the earlier one. Only an
/// actor's first statement of a position takes part: its repeats are `repetition`, and linking
/// them too would count one actor's corroboration several times.
/// Complexity: O(Σ_p k_p²) over the k_p statements about each proposition p.
struct same_claim_rule {
    static constexpr std::string_view name = "same-claim";
    [[nodiscard]] std::vector<inference> propose(const case_model& c) const {
        std::vector<inference> out{};
        const std::vector<char> repeat = detail::repeats(c);
        detail::for_each_position_pair(
            c, [&](statement_index a, statement_index b, const claim_position& pa,
                   const claim_position& pb) {
                if (pa != pb || detail::same_actor(c, a, b) || repeat[a] || repeat[b]) return;
                const bool a_first = detail::said_before(c, a, b);
                const statement_index later = a_first ? b : a, earlier = a_first ? a : b;
                out.push_back({.from = later, .to = earlier, .effect = inference_effect::supports,
                               .weight = 1.0, .rule = std::string(name),
                               .reason = "both " + detail::describe_claim(c, a) +
                                         " (independent actors)"});
            });
        return out;
    }
};

/// Rule `asserts-vs-denies`: one statement asserts what another denies (same proposition,
/// same value): they contradict each other (mutual). Applies within one actor too: that is a
/// self-contradiction or a change of position.
struct asserts_denies_rule {
    static constexpr std::string_view name = "asserts-vs-denies";
    [[nodiscard]] std::vector<inference> propose(const case_model& c) const {
        std::vector<inference> out{};
        detail::for_each_position_pair(
            c, [&](statement_index a, statement_index b, const claim_position& pa,
                   const claim_position& pb) {
                if (pa.value != pb.value || pa.positive == pb.positive) return;
                out.push_back({.from = a, .to = b, .effect = inference_effect::contradicts,
                               .weight = 1.0, .rule = std::string(name),
                               .reason = c.statement_at(a).id + " " + detail::describe_claim(c, a) +
                                         ", " + c.statement_at(b).id + " " +
                                         detail::describe_claim(c, b)});
            });
        return out;
    }
};

/// Rule `exclusive-values`: two statements assert different values of an exclusive
/// proposition (at most one value can hold): they contradict each other (mutual).
struct exclusive_values_rule {
    static constexpr std::string_view name = "exclusive-values";
    [[nodiscard]] std::vector<inference> propose(const case_model& c) const {
        std::vector<inference> out{};
        detail::for_each_position_pair(
            c, [&](statement_index a, statement_index b, const claim_position& pa,
                   const claim_position& pb) {
                if (!pa.exclusive || pa.value == pb.value || !pa.positive || !pb.positive) return;
                out.push_back({.from = a, .to = b, .effect = inference_effect::contradicts,
                               .weight = 1.0, .rule = std::string(name),
                               .reason = pa.proposition + " is exclusive: " +
                                         c.statement_at(a).id + " asserts " + pa.value + ", " +
                                         c.statement_at(b).id + " asserts " + pb.value});
            });
        return out;
    }
};

/// Rule `relay`: a statement with stance `reports` relays a claim without endorsing it. It is
/// linked (annotation `relay`, no relation) to every statement asserting that claim, so it
/// neither corroborates nor contradicts them.
struct relay_rule {
    static constexpr std::string_view name = "relay";
    [[nodiscard]] std::vector<inference> propose(const case_model& c) const {
        std::vector<inference> out{};
        for (const auto& [prop, members] : detail::statements_by_proposition(c)) {
            for (const statement_index r : members) {
                const statement& s = c.statement_at(r);
                if (s.claim->effective_stance() != stance::reports) continue;
                for (const statement_index v : members) {
                    const statement& t = c.statement_at(v);
                    if (v == r || t.claim->effective_stance() != stance::asserts ||
                        t.claim->value != s.claim->value)
                        continue;
                    out.push_back({.from = r, .to = v, .effect = inference_effect::relay,
                                   .weight = 1.0, .rule = std::string(name),
                                   .reason = s.id + " reports " + prop +
                                             (s.claim->value ? " = " + *s.claim->value : "") +
                                             " without endorsing it; " + t.id + " asserts it"});
                }
            }
        }
        return out;
    }
};

/// Rule `repetition`: one actor takes the same position twice on one proposition. The later
/// statement is marked (annotation `repetition`, no relation) as a repeat of the earlier one:
/// repetition is not independent corroboration.
struct repetition_rule {
    static constexpr std::string_view name = "repetition";
    [[nodiscard]] std::vector<inference> propose(const case_model& c) const {
        std::vector<inference> out{};
        detail::for_each_position_pair(
            c, [&](statement_index a, statement_index b, const claim_position& pa,
                   const claim_position& pb) {
                if (pa != pb || !detail::same_actor(c, a, b)) return;
                const bool a_first = detail::said_before(c, a, b);
                const statement_index later = a_first ? b : a, earlier = a_first ? a : b;
                const auto& who = c.actor_at(c.statement_at(a).actor_index).id;
                out.push_back({.from = later, .to = earlier, .effect = inference_effect::repetition,
                               .weight = 1.0, .rule = std::string(name),
                               .reason = who + " repeats " + detail::describe_claim(c, a)});
            });
        return out;
    }
};

static_assert(relation_rule<same_claim_rule>);
static_assert(relation_rule<asserts_denies_rule>);
static_assert(relation_rule<exclusive_values_rule>);
static_assert(relation_rule<relay_rule>);
static_assert(relation_rule<repetition_rule>);

}  // namespace narrative
