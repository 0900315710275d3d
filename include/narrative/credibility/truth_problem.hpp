// SPDX-License-Identifier: MIT
#pragma once
// The input of truth discovery: actors (sources), objects (propositions) with their competing
// claims (values), stance observations and claim-to-claim implications; and the vote table.

#include <narrative/error.hpp>
#include <narrative/model/case_model.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace narrative {

/// "No statement" in truth_observation::statement (an observation built by hand).
inline constexpr std::uint32_t no_statement = std::numeric_limits<std::uint32_t>::max();

/// "No group" in truth_problem::actor_group.
inline constexpr std::uint32_t no_group = std::numeric_limits<std::uint32_t>::max();

/// What an observation is, besides its stance: its provenance and when it was made. Read only
/// by the models that weigh provenance (evidence-em); the classic fact-finders ignore it.
struct observation_details {
    evidence_kind evidence = evidence_kind::claim;
    std::optional<enum interest> interest{};  ///< unset: neutral
    bool dated = false;                       ///< whether `time_start`/`time_end` are set
    utc_instant time_start{};                 ///< the time_point interval [start, end)
    utc_instant time_end{};
};

/// One stance observation: an actor takes a stance on one claim (the claim as stated; for a
/// yes/no object that is always its "true" claim, and `denies` says "false").
struct truth_observation {
    std::uint32_t actor = 0;
    std::uint32_t claim = 0;
    enum stance stance = stance::asserts;
    std::uint32_t statement = no_statement;  ///< the statement it comes from, for explanations
    observation_details details{};
};

/// imp(from → to) ∈ [−1, 1]: how far `from` being true makes `to` likely (+) or unlikely (−).
struct truth_implication {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    double value = 0.0;
};

/// A truth-discovery problem.
///
/// Claims are grouped by object: the claims of object o are [object_offsets[o],
/// object_offsets[o + 1]) and form its mutual-exclusion set M_c. A yes/no object has exactly two
/// claims, "true" then "false". Actor indices are those of the case the problem was built from.
struct truth_problem {
    std::vector<std::string> actor_ids{};
    std::vector<std::optional<double>> actor_prior{};  ///< declared prior in [0, 1], or unset
    /// Index into group_ids of each actor's declared group, or no_group: actors of one group
    /// are not independent sources (evidence-em).
    std::vector<std::uint32_t> actor_group{};
    std::vector<std::string> group_ids{};
    std::vector<std::string> object_ids{};
    std::vector<bool> object_yes_no{};
    std::vector<std::uint32_t> object_offsets{0};      ///< size objects + 1
    std::vector<std::string> claim_values{};           ///< size claims
    std::vector<std::uint32_t> claim_object{};         ///< size claims
    std::vector<truth_observation> observations{};     ///< in input (statement) order
    std::vector<truth_implication> implications{};     ///< explicit, between any two claims

    [[nodiscard]] std::uint32_t actor_count() const noexcept {
        return static_cast<std::uint32_t>(actor_ids.size());
    }
    [[nodiscard]] std::uint32_t object_count() const noexcept {
        return static_cast<std::uint32_t>(object_ids.size());
    }
    [[nodiscard]] std::uint32_t claim_count() const noexcept {
        return static_cast<std::uint32_t>(claim_values.size());
    }
    /// The claim of `object` with `value`, if any (for yes/no objects: "true" or "false").
    [[nodiscard]] std::optional<std::uint32_t> find_claim(std::uint32_t object,
                                                          std::string_view value) const {
        for (std::uint32_t c = object_offsets[object]; c < object_offsets[object + 1]; ++c)
            if (claim_values[c] == value) return c;
        return std::nullopt;
    }
    [[nodiscard]] std::optional<std::uint32_t> find_object(std::string_view id) const {
        for (std::uint32_t o = 0; o < object_count(); ++o)
            if (object_ids[o] == id) return o;
        return std::nullopt;
    }
};

/// Builds a truth_problem incrementally: objects and claims may be added in any order; the
/// claims are laid out object by object in build().
class truth_problem_builder {
public:
    /// Adds an actor (or returns the existing one with this id). A prior outside [0, 1] throws
    /// model_error.
    /// `group` marks actors that are not independent sources (same group, same voice).
    std::uint32_t actor(std::string_view id, std::optional<double> prior = std::nullopt,
                        std::optional<std::string_view> group = std::nullopt) {
        if (prior && !(*prior >= 0.0 && *prior <= 1.0))
            throw model_error("actor \"" + std::string(id) + "\": prior must be in [0, 1]");
        const auto [it, added] = actor_index_.try_emplace(std::string(id), static_cast<std::uint32_t>(actors_.size()));
        if (added) {
            actors_.emplace_back(id);
            priors_.push_back(prior);
            groups_.push_back(no_group);
        } else if (prior) {
            priors_[it->second] = prior;
        }
        if (group) {
            const auto [g, new_group] = group_index_.try_emplace(std::string(*group), static_cast<std::uint32_t>(group_ids_.size()));
            if (new_group) group_ids_.emplace_back(*group);
            groups_[it->second] = g->second;
        }
        return it->second;
    }
    /// Adds an object (or returns the existing one). A yes/no object has the claims "true" and
    /// "false"; the flag of an existing object is not changed.
    std::uint32_t object(std::string_view id, bool yes_no) {
        const auto [it, added] = object_index_.try_emplace(std::string(id), static_cast<std::uint32_t>(objects_.size()));
        if (added) {
            objects_.push_back({.id = std::string(id), .yes_no = yes_no, .values = {}, .index = {}});
            if (yes_no) {
                value(it->second, "true");
                value(it->second, "false");
            }
        }
        return it->second;
    }
    /// Declares a value of an object; returns its position within the object.
    std::uint32_t value(std::uint32_t object, std::string_view v) {
        auto& o = objects_.at(object);
        const auto [it, added] = o.index.try_emplace(std::string(v), static_cast<std::uint32_t>(o.values.size()));
        if (added) o.values.emplace_back(v);
        return it->second;
    }
    /// Records that `actor` takes `s` on (object, value); for yes/no objects pass "true".
    void observe(std::uint32_t actor, std::uint32_t object, std::string_view v, enum stance s,
                 std::uint32_t statement = no_statement, const observation_details& details = {}) {
        if (actor >= actors_.size()) throw model_error("truth problem: unknown actor index");
        const std::uint32_t pos = value(object, v);
        observations_.push_back({.actor = actor, .object = object, .position = pos, .stance = s,
                                 .statement = statement, .details = details});
    }
    /// Records imp((object_from, value_from) → (object_to, value_to)) = x; several for one pair
    /// are averaged. Throws model_error when x is outside [−1, 1].
    void imply(std::uint32_t object_from, std::string_view value_from, std::uint32_t object_to,
               std::string_view value_to, double x) {
        if (!(x >= -1.0 && x <= 1.0)) throw model_error("truth problem: implication must be in [-1, 1]");
        const std::uint32_t a = value(object_from, value_from), b = value(object_to, value_to);
        implications_.push_back({.object_from = object_from, .from = a, .object_to = object_to, .to = b, .value = x});
    }

    /// Lays out the problem. Complexity: O(actors + claims + observations + implications).
    [[nodiscard]] truth_problem build() const {
        truth_problem p{};
        p.actor_ids = actors_;
        p.actor_prior = priors_;
        p.actor_group = groups_;
        p.group_ids = group_ids_;
        std::vector<std::uint32_t> first_claim(objects_.size(), 0);
        for (std::uint32_t o = 0; o < objects_.size(); ++o) {
            first_claim[o] = static_cast<std::uint32_t>(p.claim_values.size());
            p.object_ids.push_back(objects_[o].id);
            p.object_yes_no.push_back(objects_[o].yes_no);
            for (const auto& v : objects_[o].values) {
                p.claim_values.push_back(v);
                p.claim_object.push_back(o);
            }
            p.object_offsets.push_back(static_cast<std::uint32_t>(p.claim_values.size()));
        }
        p.observations.reserve(observations_.size());
        for (const auto& ob : observations_)
            p.observations.push_back({.actor = ob.actor, .claim = first_claim[ob.object] + ob.position,
                                      .stance = ob.stance, .statement = ob.statement, .details = ob.details});
        // Average several implications given for one pair.
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<double, int>> imp{};
        for (const auto& i : implications_) {
            const std::uint32_t a = first_claim[i.object_from] + i.from, b = first_claim[i.object_to] + i.to;
            if (a == b) continue;
            auto& [sum, count] = imp[{a, b}];
            sum += i.value;
            ++count;
        }
        for (const auto& [k, v] : imp)
            p.implications.push_back({.from = k.first, .to = k.second, .value = v.first / v.second});
        return p;
    }

private:
    struct object_entry {
        std::string id{};
        bool yes_no = true;
        std::vector<std::string> values{};
        std::unordered_map<std::string, std::uint32_t> index{};
    };
    struct pending_observation {
        std::uint32_t actor = 0, object = 0, position = 0;
        enum stance stance = stance::asserts;
        std::uint32_t statement = no_statement;
        observation_details details{};
    };
    struct pending_implication {
        std::uint32_t object_from = 0, from = 0, object_to = 0, to = 0;
        double value = 0.0;
    };
    std::vector<std::string> actors_{};
    std::vector<std::optional<double>> priors_{};
    std::vector<std::uint32_t> groups_{};
    std::unordered_map<std::string, std::uint32_t> actor_index_{};
    std::vector<std::string> group_ids_{};
    std::unordered_map<std::string, std::uint32_t> group_index_{};
    std::vector<object_entry> objects_{};
    std::unordered_map<std::string, std::uint32_t> object_index_{};
    std::vector<pending_observation> observations_{};
    std::vector<pending_implication> implications_{};
};

/// How a case becomes a truth problem.
struct truth_problem_options {
    /// Maps a claimed value to the key that identifies it (e.g. a normalised author list);
    /// values with the same key are one claim, an empty key drops the statement. Unset: the
    /// value itself.
    std::function<std::string(std::string_view)> value_key{};
    /// Derive claim implications from the case's supports / contradicts relations.
    bool implications_from_relations = true;
};

/// Builds the truth problem of a case.
///
/// Actors are the case's actors, in the same order (so actor indices agree), with their
/// declared priors. Every statement with a claim and an actor gives one observation:
/// a declared valued, exclusive proposition is one object whose claims are its values; a
/// non-exclusive one gives one yes/no object per value (`proposition=value`); an undeclared or
/// yes/no proposition is one yes/no object. Anonymous statements are left out (no source).
///
/// Implications: a relation between two statements that both carry a claim (and neither
/// `reports`) gives imp(claim(from) → claim(to)) = ±weight: + for supports, − for contradicts,
/// the sign flipped once for each side whose content is the negation of its claim (a `denies`
/// on a valued claim); a mutual contradiction gives both directions; several relations between
/// the same two claims are averaged. Complexity: O(statements + relations).
[[nodiscard]] inline truth_problem make_truth_problem(const case_model& c,
                                                      const truth_problem_options& options = {}) {
    truth_problem_builder b{};
    for (const auto& a : c.actors())
        b.actor(a.id, a.prior, a.group ? std::optional<std::string_view>(*a.group) : std::nullopt);
    // Objects of declared propositions first, in declaration order.
    for (const auto& p : c.propositions()) {
        if (p.is_yes_no()) {
            b.object(p.id, true);
        } else if (p.is_exclusive()) {
            const auto o = b.object(p.id, false);
            for (const auto& v : *p.values) {
                std::string k = options.value_key ? options.value_key(v) : v;
                if (!k.empty()) b.value(o, k);
            }
        } else {
            for (const auto& v : *p.values) b.object(p.id + "=" + v, true);
        }
    }
    struct content {
        std::uint32_t object = 0;
        std::string value{};
        double sign = 1.0;
        bool usable = false;
    };
    std::vector<content> contents(c.statement_count());
    for (std::uint32_t v = 0; v < c.statement_count(); ++v) {
        const statement& s = c.statement_at(v);
        if (!s.claim) continue;
        const proposition* p = c.proposition_of(*s.claim);
        std::uint32_t object = 0;
        std::string value = "true";
        bool yes_no = true;
        if (p && !p->is_yes_no()) {
            const std::string raw = s.claim->value.value_or("");
            if (p->is_exclusive()) {
                object = b.object(p->id, false);
                value = options.value_key ? options.value_key(raw) : raw;
                if (value.empty()) continue;
                yes_no = false;
            } else {
                object = b.object(p->id + "=" + raw, true);
            }
        } else {
            object = b.object(s.claim->proposition, true);
        }
        const auto st = s.claim->effective_stance();
        if (s.actor_index != no_actor) {
            observation_details d{.evidence = s.effective_evidence(), .interest = s.interest,
                                  .dated = s.time.has_value(), .time_start = {}, .time_end = {}};
            if (s.time) {
                d.time_start = s.time->start();
                d.time_end = s.time->end();
            }
            b.observe(s.actor_index, object, value, st, static_cast<std::uint32_t>(v), d);
        }
        if (st == stance::reports) continue;
        if (yes_no)
            contents[v] = {.object = object, .value = st == stance::denies ? "false" : "true", .sign = 1.0, .usable = true};
        else
            contents[v] = {.object = object, .value = value, .sign = st == stance::denies ? -1.0 : 1.0, .usable = true};
    }
    if (options.implications_from_relations) {
        for (const relation_handle e : c.relations()) {
            const relation& r = c.relation_at(e);
            const auto from = c.source(e), to = c.target(e);
            const content& a = contents[from];
            const content& d = contents[to];
            if (!a.usable || !d.usable) continue;
            const double x = (r.type == relation_type::supports ? 1.0 : -1.0) * a.sign * d.sign *
                             r.effective_weight();
            b.imply(a.object, a.value, d.object, d.value, x);
            if (r.type == relation_type::contradicts && r.is_mutual())
                b.imply(d.object, d.value, a.object, a.value, x);
        }
    }
    return b.build();
}

/// How repeated votes of one actor on one object are reduced to one (repetition is not
/// corroboration).
enum class duplicate_policy {
    majority,  ///< the value the actor voted for most often; an exact tie drops the pair
    first,     ///< the actor's first vote in input order
    latest,    ///< the actor's last vote in input order
};

[[nodiscard]] constexpr std::string_view to_string(duplicate_policy p) noexcept {
    switch (p) {
        case duplicate_policy::majority: return "majority";
        case duplicate_policy::first: return "first";
        case duplicate_policy::latest: return "latest";
    }
    return "majority";
}

/// The reduced votes of a problem as CSR in both orientations: one positive vote per
/// (actor, object), and negative votes (a `denies` on a valued claim) per (actor, claim).
///
/// Positive votes come from `asserts` on a claim, from `denies` on a yes/no object (a vote for
/// its "false" claim) and from `denies` on one value of an object with exactly two values (a vote
/// for the other); other denials are negative votes; `reports` gives none. A negative vote on a claim the actor also votes
/// for is dropped. `actor_weight` is 2·prior for actors with a declared prior, else 1, so that
/// an undeclared prior (0.5) is neutral.
struct vote_table {
    std::uint32_t actor_count = 0;
    std::uint32_t claim_count = 0;
    std::vector<std::uint32_t> actor_offsets{};  ///< C_s: claims of actor s
    std::vector<std::uint32_t> actor_claims{};
    std::vector<std::uint32_t> claim_offsets{};  ///< S_c: actors voting for claim c
    std::vector<std::uint32_t> claim_actors{};
    std::vector<std::uint32_t> neg_actor_offsets{};
    std::vector<std::uint32_t> neg_actor_claims{};
    std::vector<std::uint32_t> neg_claim_offsets{};
    std::vector<std::uint32_t> neg_claim_actors{};
    std::vector<double> actor_weight{};

    [[nodiscard]] std::uint32_t claims_of_size(std::uint32_t s) const noexcept {
        return actor_offsets[s + 1] - actor_offsets[s];
    }
    [[nodiscard]] std::uint32_t actors_of_size(std::uint32_t c) const noexcept {
        return claim_offsets[c + 1] - claim_offsets[c];
    }
    [[nodiscard]] std::size_t vote_count() const noexcept { return actor_claims.size(); }
};

namespace detail {

inline void build_csr_pairs(std::uint32_t rows, std::uint32_t cols,
                            const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                            std::vector<std::uint32_t>& row_off, std::vector<std::uint32_t>& row_idx,
                            std::vector<std::uint32_t>& col_off, std::vector<std::uint32_t>& col_idx) {
    row_off.assign(std::size_t{rows} + 1, 0);
    col_off.assign(std::size_t{cols} + 1, 0);
    for (const auto& [r, c] : pairs) {
        ++row_off[r + 1];
        ++col_off[c + 1];
    }
    for (std::uint32_t i = 0; i < rows; ++i) row_off[i + 1] += row_off[i];
    for (std::uint32_t i = 0; i < cols; ++i) col_off[i + 1] += col_off[i];
    row_idx.resize(pairs.size());
    col_idx.resize(pairs.size());
    std::vector<std::uint32_t> rp(row_off.begin(), row_off.end() - 1), cp(col_off.begin(), col_off.end() - 1);
    for (const auto& [r, c] : pairs) {
        row_idx[rp[r]++] = c;
        col_idx[cp[c]++] = r;
    }
}

}  // namespace detail

/// Reduces the observations of a problem to votes. Complexity: O(observations · log).
[[nodiscard]] inline vote_table make_vote_table(const truth_problem& p,
                                                duplicate_policy policy = duplicate_policy::majority) {
    vote_table t{};
    t.actor_count = p.actor_count();
    t.claim_count = p.claim_count();
    // (actor, object) -> (claim -> count, first index, last index)
    struct tally {
        std::uint32_t claim = 0, count = 0, first = 0, last = 0;
    };
    std::vector<std::pair<std::uint64_t, tally>> entries{};
    std::vector<std::pair<std::uint32_t, std::uint32_t>> negatives{};
    entries.reserve(p.observations.size());
    for (std::uint32_t i = 0; i < p.observations.size(); ++i) {
        const auto& ob = p.observations[i];
        std::uint32_t claim = ob.claim;
        const std::uint32_t object = p.claim_object[claim];
        if (ob.stance == stance::reports) continue;
        if (ob.stance == stance::denies) {
            const std::uint32_t first = p.object_offsets[object];
            if (p.object_yes_no[object]) {
                claim = first + 1;  // "false"
            } else if (p.object_offsets[object + 1] - first == 2) {
                claim = claim == first ? first + 1 : first;  // the only other value
            } else {
                negatives.emplace_back(ob.actor, claim);
                continue;
            }
        }
        const std::uint64_t key = (std::uint64_t{ob.actor} << 32) | object;
        entries.push_back({key, {.claim = claim, .count = 1, .first = i, .last = i}});
    }
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.claim < b.second.claim;
    });
    std::vector<std::pair<std::uint32_t, std::uint32_t>> positives{};
    std::vector<std::uint64_t> positive_keys{};
    for (std::size_t i = 0; i < entries.size();) {
        std::size_t j = i;
        while (j < entries.size() && entries[j].first == entries[i].first) ++j;
        // Per claim within the pair: count, first, last.
        std::uint32_t best_claim = 0, best_count = 0, first_idx = std::numeric_limits<std::uint32_t>::max(), last_idx = 0;
        std::uint32_t first_claim = 0, last_claim = 0;
        bool tie = false;
        for (std::size_t k = i; k < j;) {
            std::size_t l = k;
            std::uint32_t count = 0;
            while (l < j && entries[l].second.claim == entries[k].second.claim) {
                ++count;
                if (entries[l].second.first < first_idx) { first_idx = entries[l].second.first; first_claim = entries[l].second.claim; }
                if (entries[l].second.last >= last_idx) { last_idx = entries[l].second.last; last_claim = entries[l].second.claim; }
                ++l;
            }
            if (count > best_count) { best_count = count; best_claim = entries[k].second.claim; tie = false; }
            else if (count == best_count) tie = true;
            k = l;
        }
        const auto actor = static_cast<std::uint32_t>(entries[i].first >> 32);
        if (policy == duplicate_policy::majority) {
            if (!tie) positives.emplace_back(actor, best_claim);
        } else {
            positives.emplace_back(actor, policy == duplicate_policy::first ? first_claim : last_claim);
        }
        i = j;
    }
    std::sort(positives.begin(), positives.end());
    std::sort(negatives.begin(), negatives.end());
    negatives.erase(std::unique(negatives.begin(), negatives.end()), negatives.end());
    std::erase_if(negatives, [&](const auto& n) { return std::binary_search(positives.begin(), positives.end(), n); });
    detail::build_csr_pairs(t.actor_count, t.claim_count, positives, t.actor_offsets, t.actor_claims,
                            t.claim_offsets, t.claim_actors);
    detail::build_csr_pairs(t.actor_count, t.claim_count, negatives, t.neg_actor_offsets, t.neg_actor_claims,
                            t.neg_claim_offsets, t.neg_claim_actors);
    t.actor_weight.assign(t.actor_count, 1.0);
    for (std::uint32_t s = 0; s < t.actor_count; ++s)
        if (p.actor_prior[s]) t.actor_weight[s] = 2.0 * *p.actor_prior[s];
    return t;
}

}  // namespace narrative
