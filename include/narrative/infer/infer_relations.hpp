// SPDX-License-Identifier: MIT
#pragma once
// Running inference rules on a case: proposing relations (read-only), adding them to the case
// (infer_relations, mutating), and the registry of rules by name for run-time choice.

#include <narrative/error.hpp>
#include <narrative/infer/relation_rule.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/run_info.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace narrative {

/// A type-erased relation rule, for choosing rules at run time (CLI, registry).
class any_relation_rule {
public:
    template <class R>
        requires(!std::same_as<std::remove_cvref_t<R>, any_relation_rule>) &&
                relation_rule<std::remove_cvref_t<R>>
    any_relation_rule(R&& rule)  // NOLINT(google-explicit-constructor): type erasure
        : name_(std::remove_cvref_t<R>::name),
          propose_([r = std::remove_cvref_t<R>(std::forward<R>(rule))](const case_model& c) {
              return std::vector<inference>(r.propose(c));
          }) {}

    [[nodiscard]] std::string_view name() const noexcept { return name_; }
    [[nodiscard]] std::vector<inference> propose(const case_model& c) const { return propose_(c); }

private:
    std::string name_{};
    std::function<std::vector<inference>(const case_model&)> propose_{};
};

/// Rules by name. Names are unique; `add` throws rule_error on a duplicate, `find` on an
/// unknown name (the message lists the valid names).
class relation_rule_registry {
public:
    /// Adds a rule; throws rule_error when a rule of that name is already registered.
    void add(any_relation_rule rule) {
        if (contains(rule.name()))
            throw rule_error("duplicate inference rule \"" + std::string(rule.name()) + "\"");
        rules_.push_back(std::move(rule));
    }
    [[nodiscard]] bool contains(std::string_view name) const noexcept {
        return std::any_of(rules_.begin(), rules_.end(),
                           [&](const any_relation_rule& r) { return r.name() == name; });
    }
    /// The rule named `name`; throws rule_error listing the valid names when there is none.
    [[nodiscard]] const any_relation_rule& find(std::string_view name) const {
        for (const auto& r : rules_)
            if (r.name() == name) return r;
        throw rule_error("unknown inference rule \"" + std::string(name) + "\" (valid: " +
                         names_joined() + ")");
    }
    /// The rules in registration order.
    [[nodiscard]] const std::vector<any_relation_rule>& rules() const noexcept { return rules_; }
    /// The names in registration order, comma-separated.
    [[nodiscard]] std::string names_joined() const {
        std::string out{};
        for (const auto& r : rules_) {
            if (!out.empty()) out += ", ";
            out += r.name();
        }
        return out;
    }

private:
    std::vector<any_relation_rule> rules_{};
};

/// The built-in rules, in the order they run: `same-claim`, `asserts-vs-denies`,
/// `exclusive-values`, `relay`, `repetition`.
[[nodiscard]] inline relation_rule_registry builtin_relation_rules() {
    relation_rule_registry r{};
    r.add(same_claim_rule{});
    r.add(asserts_denies_rule{});
    r.add(exclusive_values_rule{});
    r.add(relay_rule{});
    r.add(repetition_rule{});
    return r;
}

/// What inference adds to a case.
struct inference_result {
    /// Inferences that became relations, in the order added; `relations[i]` is the edge of
    /// `added[i]` (valid after infer_relations; empty after propose_relations).
    std::vector<inference> added{};
    std::vector<relation_handle> relations{};
    /// Annotations (`repetition`, `relay`): kept for the actor analyses, never edges.
    std::vector<inference> annotations{};
    /// Proposals dropped because the case already has a relation of that type between the
    /// two statements (in either direction), or an earlier rule proposed it.
    std::size_t duplicates = 0;
    run_info run{};  ///< a direct computation: `empty` for a case without statements, else `ok`
};

namespace detail {

// The unordered statement pairs already joined, per relation type, for duplicate detection:
// one flat table probed linearly (a node-based hash set of the ten million relations of a large
// case cost 4 s of `infer` in cache misses and allocations; an ordered set of tuples more).
class joined_pairs {
public:
    explicit joined_pairs(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity < expected + expected / 3 + 1) capacity <<= 1;  // load at most 3/4
        slots_.resize(capacity);
        mask_ = capacity - 1;
    }
    /// Adds the pair; false when it was there already.
    bool insert(statement_index a, statement_index b, relation_type t) {
        const slot key{.lo = static_cast<std::uint32_t>(std::min(a, b)), .hi = static_cast<std::uint32_t>(std::max(a, b)),
                       .type = t == relation_type::supports ? 1u : 2u};
        // Fibonacci hashing of the three fields.
        const std::uint64_t h =
            ((std::uint64_t{key.lo} << 32 | key.hi) ^ (std::uint64_t{key.type} << 61)) * 0x9E3779B97F4A7C15ull;
        for (std::size_t i = (h >> 32) & mask_;; i = (i + 1) & mask_) {
            slot& s = slots_[i];
            if (s.type == 0) {
                s = key;
                if (++count_ * 4 > slots_.size() * 3) grow();
                return true;
            }
            if (s.lo == key.lo && s.hi == key.hi && s.type == key.type) return false;
        }
    }

private:
    struct slot {
        std::uint32_t lo = 0, hi = 0;
        std::uint32_t type = 0;  // 0: empty; 1 supports, 2 contradicts
    };
    // More pairs than expected (a rule proposed more than it said): twice the room.
    void grow() {
        std::vector<slot> old(slots_.size() * 2);
        old.swap(slots_);
        mask_ = slots_.size() - 1;
        count_ = 0;
        for (const slot& s : old)
            if (s.type != 0)
                (void)insert(s.lo, s.hi, s.type == 1 ? relation_type::supports : relation_type::contradicts);
    }
    std::vector<slot> slots_{};
    std::size_t mask_ = 0;
    std::size_t count_ = 0;
};

[[nodiscard]] inline inference_result collect_inferences(
    const case_model& c, const std::vector<std::vector<inference>>& per_rule) {
    std::size_t proposed = 0;
    for (const auto& proposals : per_rule) proposed += proposals.size();
    joined_pairs seen(c.relation_count() + proposed);
    for (const relation_handle e : c.relations())
        (void)seen.insert(c.source(e), c.target(e), c.relation_at(e).type);
    inference_result out{.run = direct_run(c.statement_count() == 0)};
    std::set<std::tuple<statement_index, statement_index, inference_effect>> seen_notes{};
    for (const auto& proposals : per_rule) {
        for (const inference& i : proposals) {
            if (!i.is_relation()) {
                if (seen_notes.emplace(i.from, i.to, i.effect).second)
                    out.annotations.push_back(i);
                continue;
            }
            const relation_type t = i.effect == inference_effect::supports
                                        ? relation_type::supports
                                        : relation_type::contradicts;
            if (i.from == i.to || !seen.insert(i.from, i.to, t)) {
                ++out.duplicates;
                continue;
            }
            out.added.push_back(i);
        }
    }
    return out;
}

template <class... Rules>
[[nodiscard]] std::vector<std::vector<inference>> run_rules(const case_model& c,
                                                            const Rules&... rules) {
    std::vector<std::vector<inference>> out{};
    (out.push_back(std::vector<inference>(rules.propose(c))), ...);
    return out;
}

inline void check_inference(const case_model& c, const inference& i) {
    if (i.from >= c.statement_count() || i.to >= c.statement_count())
        throw rule_error("inference rule \"" + i.rule + "\" proposed a statement index out of range");
    if (!(i.weight > 0.0 && i.weight <= 1.0))
        throw rule_error("inference rule \"" + i.rule + "\" proposed a weight outside (0, 1]");
}

}  // namespace detail

/// Runs the rules on the case without changing it and returns what they would add.
///
/// Every rule sees the case as given. A proposal is dropped (counted in `duplicates`) when the
/// case already has a relation of the same type between the same two statements, in either
/// direction, or an earlier proposal made it; annotations are deduplicated likewise.
/// Throws: rule_error when a rule proposes a statement out of range or a weight outside (0, 1].
/// Complexity: the rules' own cost plus O(m + p) expected for m relations, p proposals (a hash table of the pairs), plus O(a log a) for a annotations.
template <class... Rules>
    requires(relation_rule<Rules> && ...)
[[nodiscard]] inference_result propose_relations(const case_model& c, const Rules&... rules) {
    auto result = detail::collect_inferences(c, detail::run_rules(c, rules...));
    for (const auto& i : result.added) detail::check_inference(c, i);
    return result;
}

/// propose_relations with the rules of a registry, in registration order.
[[nodiscard]] inline inference_result propose_relations(const case_model& c,
                                                        const relation_rule_registry& rules) {
    std::vector<std::vector<inference>> per_rule{};
    for (const auto& r : rules.rules()) per_rule.push_back(r.propose(c));
    auto result = detail::collect_inferences(c, per_rule);
    for (const auto& i : result.added) detail::check_inference(c, i);
    return result;
}

/// propose_relations with the built-in rules.
[[nodiscard]] inline inference_result propose_relations(const case_model& c) {
    return propose_relations(c, builtin_relation_rules());
}

namespace detail {

inline inference_result add_inferences(case_model& c, inference_result result) {
    const std::size_t first = c.relation_count();
    c.relate_all(
        result.added.size(),
        [&](std::size_t k) { return std::pair<statement_index, statement_index>(result.added[k].from, result.added[k].to); },
        [&](std::size_t k) {
            const inference& i = result.added[k];
            const bool supports = i.effect == inference_effect::supports;
            return relation{.type = supports ? relation_type::supports : relation_type::contradicts,
                            .weight = i.weight == 1.0 ? std::optional<double>{} : std::optional<double>{i.weight},
                            .directed = {},
                            .note = {},
                            .provenance = provenance::inferred,
                            .rule = i.rule,
                            .reason = i.reason};
        });
    const auto& all = c.relations();
    result.relations.assign(all.begin() + static_cast<std::ptrdiff_t>(first), all.end());
    return result;
}

}  // namespace detail

/// Adds the relations the rules infer to the case (provenance `inferred`, with the rule id and
/// reason) and returns what was added. Running it twice adds nothing the second time.
///
/// `supports` inferences become directed supports (later → earlier statement); `contradicts`
/// inferences become mutual contradictions. Annotations (`repetition`, `relay`) are returned,
/// not added. Throws: rule_error as propose_relations; model_error never (indices are checked).
/// Complexity: as propose_relations, plus O(1) amortised per added relation.
template <class... Rules>
    requires(relation_rule<Rules> && ...)
inference_result infer_relations(case_model& c, const Rules&... rules) {
    return detail::add_inferences(c, propose_relations(c, rules...));
}

/// infer_relations with the rules of a registry, in registration order.
inline inference_result infer_relations(case_model& c, const relation_rule_registry& rules) {
    return detail::add_inferences(c, propose_relations(c, rules));
}

/// infer_relations with the built-in rules (builtin_relation_rules()).
inline inference_result infer_relations(case_model& c) {
    return detail::add_inferences(c, propose_relations(c));
}

}  // namespace narrative
