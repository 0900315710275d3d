// SPDX-License-Identifier: MIT
#pragma once
// What changed between two versions of a case: the items added, removed or changed (actors,
// propositions, statements by id; relations by their ends and type), and the analyses' results
// that moved (strengths, credibility, verdicts, sides of the camps, frustration), each with the
// changes related to it.
//
// "Related" is a neighbourhood, not a proof of cause: for a strength, the changes to the
// statement, to the statements bearing on it and to the relations into it; for a verdict, the
// changes to the statements claiming about the proposition; for a credibility, the changes to
// the actor, its statements and the statements on the propositions it speaks to. The exact
// effect of one statement on a strength is its contribution (gradual/contributions.hpp).

#include <narrative/actors/consistency.hpp>
#include <narrative/gradual/engine.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/run_info.hpp>
#include <narrative/signed/contradictions.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace narrative {

enum class change_kind { added, removed, changed };

[[nodiscard]] constexpr std::string_view to_string(change_kind k) noexcept {
    return k == change_kind::added ? "added" : k == change_kind::removed ? "removed" : "changed";
}

/// One item of the case that differs.
struct item_change {
    std::string item{};  ///< actor, proposition, statement, relation
    std::string id{};    ///< the item's id; a relation's is "FROM -> TO (TYPE)", with "#2" … for repeats
    change_kind change = change_kind::changed;
    std::vector<std::string> fields{};  ///< changed keys (changed items only)
};

/// The analyses' results on one version, as diff_cases compares them.
struct case_results {
    consistency_report actors{};
    score_result strengths{};
    contradictions_report contradictions{};
};

/// A result that moved: a number (strength, credibility), a verdict or a camp.
struct moved_result {
    std::string what{};  ///< strength, credibility, verdict, side
    std::string id{};    ///< the statement, actor or proposition
    /// The strength or credibility, or for a verdict the belief in the value decided; NaN when
    /// there is none (absent in that version, undefined credibility, no verdict, a side).
    double before = std::numeric_limits<double>::quiet_NaN();
    double after = std::numeric_limits<double>::quiet_NaN();
    /// What is not a number: a verdict's value decided ("no verdict" for none) or a side
    /// ("side 0", "side 1", named as in the earlier version); unset for numbers and for a
    /// proposition absent from that version.
    std::optional<std::string> before_label{}, after_label{};
    double delta = 0.0;  ///< after − before for numbers (0 for a verdict or side)
    std::vector<std::size_t> related{};  ///< indices into case_diff::changes
};

/// Thresholds of diff_cases: smaller moves are not listed.
struct diff_options {
    double strength_move = 0.05;
    double credibility_move = 0.02;
};

struct case_diff {
    std::vector<item_change> changes{};
    std::vector<moved_result> moved{};  ///< verdicts, then credibility, strengths, sides
    std::size_t statements_before = 0, statements_after = 0;
    std::size_t relations_before = 0, relations_after = 0;  ///< inferred ones included
    double frustration_before = 0.0, frustration_after = 0.0;  ///< upper bounds
    bool balanced_before = true, balanced_after = true;
    std::size_t side_switches = 0;  ///< statements whose camp changed (see diff_cases)
    /// A direct comparison; its status is the worst of the compared results' (empty ones
    /// aside), with a warning for each of them that did not end `ok`: moves computed from them
    /// are approximate or partial.
    run_info run{};
};

namespace detail {

inline std::string relation_key(const nlohmann::ordered_json& r) {
    return r.at("from").get<std::string>() + " -> " + r.at("to").get<std::string>() + " (" +
           r.at("type").get<std::string>() + ")";
}

/// The items of one array of the case JSON by id (relations by key, repeats numbered).
inline std::map<std::string, const nlohmann::ordered_json*> items_by_id(const nlohmann::ordered_json& list,
                                                                       bool relations) {
    std::map<std::string, const nlohmann::ordered_json*> out{};
    for (const auto& x : list) {
        std::string id = relations ? relation_key(x) : x.at("id").get<std::string>();
        if (out.contains(id)) {
            int k = 2;
            while (out.contains(id + " #" + std::to_string(k))) ++k;
            id += " #" + std::to_string(k);
        }
        out.emplace(std::move(id), &x);
    }
    return out;
}

inline void compare_items(const char* item, const nlohmann::ordered_json& a, const nlohmann::ordered_json& b,
                          bool relations, std::vector<item_change>& out) {
    const auto before = items_by_id(a, relations), after = items_by_id(b, relations);
    for (const auto& [id, x] : before) {
        const auto it = after.find(id);
        if (it == after.end()) {
            out.push_back({item, id, change_kind::removed, {}});
            continue;
        }
        std::vector<std::string> fields{};
        std::set<std::string> keys{};
        for (const auto& [k, v] : x->items()) keys.insert(k);
        for (const auto& [k, v] : it->second->items()) keys.insert(k);
        for (const auto& k : keys) {
            const bool in_a = x->contains(k), in_b = it->second->contains(k);
            if (in_a != in_b || (in_a && x->at(k) != it->second->at(k))) fields.push_back(k);
        }
        if (!fields.empty()) out.push_back({item, id, change_kind::changed, std::move(fields)});
    }
    for (const auto& [id, x] : after)
        if (!before.contains(id)) out.push_back({item, id, change_kind::added, {}});
}

// The items that differ between two case documents (see diff_structure).
inline std::vector<item_change> diff_documents(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b) {
    std::vector<item_change> out{};
    compare_items("actor", a["actors"], b["actors"], false, out);
    compare_items("proposition", a["propositions"], b["propositions"], false, out);
    compare_items("statement", a["statements"], b["statements"], false, out);
    compare_items("relation", a["relations"], b["relations"], true, out);
    return out;
}

}  // namespace detail

/// The items that differ between two cases, as stated in their files (inferred relations are
/// not items). Order: actors, propositions, statements, relations; within each, removed and
/// changed in id order, then added.
[[nodiscard]] inline std::vector<item_change> diff_structure(const case_model& before, const case_model& after) {
    return detail::diff_documents(to_json(before), to_json(after));
}

/// The differences between two versions of a case and between the analyses' results on them.
/// `before` and `after` are the cases the results were computed on (inferred relations added
/// when they were used). Complexity: O(n log n + m) plus the JSON views of both cases.
[[nodiscard]] inline case_diff diff_cases(const case_model& before, const case_results& rb, const case_model& after,
                                          const case_results& ra, const diff_options& o = {}) {
    case_diff d{};
    for (const auto& [version, r] : {std::pair{"before", &rb}, std::pair{"after", &ra}})
        for (const auto& [analysis, run] : {std::pair{"actors", &r->actors.run}, std::pair{"strengths", &r->strengths.run},
                                            std::pair{"contradictions", &r->contradictions.run}})
            if (run->status != run_status::ok && run->status != run_status::empty) {
                d.run.status = std::max(d.run.status, run->status);
                d.run.converged = d.run.converged && run->converged;
                d.run.warnings.push_back(std::string(version) + ": " + analysis + " " +
                                         std::string(to_string(run->status)));
            }
    const auto b_json = to_json(before), a_json = to_json(after);
    d.changes = detail::diff_documents(b_json, a_json);
    d.statements_before = before.statement_count();
    d.statements_after = after.statement_count();
    d.relations_before = before.relation_count();
    d.relations_after = after.relation_count();
    d.frustration_before = rb.contradictions.frustration.upper_bound;
    d.frustration_after = ra.contradictions.frustration.upper_bound;
    d.balanced_before = rb.contradictions.balance.balanced;
    d.balanced_after = ra.contradictions.balance.balanced;

    // Changes touching each statement id (the statement itself or a relation at either end),
    // each actor id, each proposition id.
    std::map<std::string, std::vector<std::size_t>> at_statement{}, at_actor{}, at_proposition{};
    std::map<std::string, std::pair<std::string, std::string>> statement_owner{};  // id → (actor, proposition)
    for (const auto* doc : {&b_json, &a_json})
        for (const auto& s : (*doc)["statements"]) {
            auto& who = statement_owner[s["id"].get<std::string>()];
            if (s.contains("actor")) who.first = s["actor"].get<std::string>();
            if (s.contains("claim")) who.second = s["claim"]["proposition"].get<std::string>();
        }
    for (std::size_t i = 0; i < d.changes.size(); ++i) {
        const auto& ch = d.changes[i];
        if (ch.item == "statement") {
            at_statement[ch.id].push_back(i);
            const auto& [actor, prop] = statement_owner[ch.id];
            if (!actor.empty()) at_actor[actor].push_back(i);
            if (!prop.empty()) at_proposition[prop].push_back(i);
        } else if (ch.item == "relation") {
            const auto arrow = ch.id.find(" -> "), paren = ch.id.rfind(" (");
            at_statement[ch.id.substr(0, arrow)].push_back(i);
            at_statement[ch.id.substr(arrow + 4, paren - arrow - 4)].push_back(i);
        } else if (ch.item == "actor") {
            at_actor[ch.id].push_back(i);
        } else {
            at_proposition[ch.id].push_back(i);
        }
    }
    // Distinct, in order of first mention: the changes at the item itself come first.
    const auto merged = [](const std::vector<std::size_t>& v) {
        std::vector<std::size_t> out{};
        std::set<std::size_t> seen{};
        for (const auto i : v)
            if (seen.insert(i).second) out.push_back(i);
        return out;
    };

    // Verdicts: (value decided or "no verdict", belief in it) per version; unset when absent.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    using verdict_state = std::optional<std::pair<std::string, double>>;
    std::map<std::string, std::pair<verdict_state, verdict_state>> verdicts{};
    auto verdict_of = [&](const proposition_belief& p) {
        if (!p.verdict) return std::pair<std::string, double>{"no verdict", nan};
        for (const auto& v : p.values)
            if (v.value == *p.verdict) return std::pair<std::string, double>{*p.verdict, v.belief};
        return std::pair<std::string, double>{*p.verdict, nan};
    };
    for (const auto& p : rb.actors.propositions) verdicts[p.id].first = verdict_of(p);
    for (const auto& p : ra.actors.propositions) verdicts[p.id].second = verdict_of(p);
    for (const auto& [id, v] : verdicts) {
        const auto label = [](const verdict_state& s) { return s ? std::optional<std::string>(s->first) : std::nullopt; };
        if (label(v.first) == label(v.second)) continue;
        d.moved.push_back({.what = "verdict", .id = id, .before = v.first ? v.first->second : nan,
                           .after = v.second ? v.second->second : nan, .before_label = label(v.first),
                           .after_label = label(v.second), .delta = 0.0, .related = merged(at_proposition[id])});
    }

    // Credibility, by actor id.
    std::map<std::string, std::pair<double, double>> cred{};
    for (const auto& a : before.actors()) cred[a.id] = {nan, nan};
    for (const auto& a : after.actors()) cred.try_emplace(a.id, nan, nan);
    for (const auto& x : rb.actors.actors)
        if (x.credibility.value) cred[before.actor_at(x.actor).id].first = *x.credibility.value;
    for (const auto& x : ra.actors.actors)
        if (x.credibility.value) cred[after.actor_at(x.actor).id].second = *x.credibility.value;
    for (const auto& [id, v] : cred) {
        const bool moved = std::isfinite(v.first) != std::isfinite(v.second) ||
                           (std::isfinite(v.first) && std::abs(v.second - v.first) >= o.credibility_move);
        if (!moved) continue;
        std::vector<std::size_t> rel = at_actor[id];
        // The propositions the actor speaks to (after, else before).
        for (const auto& [sid, owner] : statement_owner)
            if (owner.first == id && !owner.second.empty())
                rel.insert(rel.end(), at_proposition[owner.second].begin(), at_proposition[owner.second].end());
        d.moved.push_back({.what = "credibility", .id = id, .before = v.first, .after = v.second,
                           .delta = std::isfinite(v.first) && std::isfinite(v.second) ? v.second - v.first : 0.0,
                           .related = merged(rel)});
    }

    // Strengths, by statement id.
    std::map<std::string, std::pair<double, double>> strength{};
    for (std::size_t v = 0; v < before.statement_count(); ++v)
        strength[before.statement_at(v).id] = {rb.strengths.strength.at(v), nan};
    for (std::size_t v = 0; v < after.statement_count(); ++v)
        strength.try_emplace(after.statement_at(v).id, nan, nan).first->second.second = ra.strengths.strength.at(v);
    std::vector<moved_result> strengths{};
    for (const auto& [id, v] : strength) {
        if (!std::isfinite(v.first) || !std::isfinite(v.second)) continue;  // added or removed: listed as changes
        if (std::abs(v.second - v.first) < o.strength_move) continue;
        std::vector<std::size_t> rel = at_statement[id];
        // Changes at the statements bearing on it, in either version.
        for (const case_model* c : {&before, &after}) {
            const auto v_index = c->find_statement(id);
            if (!v_index) continue;
            for (auto [e, end] = boost::in_edges(*v_index, c->graph()); e != end; ++e) {
                const auto& other = c->statement_at(boost::source(*e, c->graph())).id;
                const auto& r = at_statement[other];
                rel.insert(rel.end(), r.begin(), r.end());
            }
        }
        strengths.push_back({.what = "strength", .id = id, .before = v.first, .after = v.second,
                             .delta = v.second - v.first, .related = merged(rel)});
    }
    std::stable_sort(strengths.begin(), strengths.end(),
                     [](const moved_result& x, const moved_result& y) { return std::abs(x.delta) > std::abs(y.delta); });

    // Sides: within each pair (old component, new component), the new two-colouring is matched
    // to the old one by the majority of the statements they share (colourings are defined up to
    // swapping the sides); a statement on the other side than the match switched camps.
    const auto& fb = rb.contradictions.frustration;
    const auto& fa = ra.contradictions.frustration;
    std::vector<moved_result> sides{};
    if (!fb.side.empty() && !fa.side.empty()) {
        // (old component, new component) → (same side, other side)
        std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<std::size_t, std::size_t>> agree{};
        std::vector<std::pair<std::size_t, std::size_t>> common{};              // (before index, after index)
        for (std::size_t v = 0; v < after.statement_count(); ++v) {
            const auto w = before.find_statement(after.statement_at(v).id);
            if (!w) continue;
            common.emplace_back(*w, v);
            auto& [same, flipped] = agree[{fb.component[*w], fa.component[v]}];
            (fb.side[*w] == fa.side[v] ? same : flipped) += 1;
        }
        std::vector<std::size_t> size_b(fb.component_count, 0), size_a(fa.component_count, 0);
        for (const auto k : fb.component) ++size_b[k];
        for (const auto k : fa.component) ++size_a[k];
        for (const auto& [w, v] : common) {
            // A lone statement has no camp to leave.
            if (size_b[fb.component[w]] < 2 || size_a[fa.component[v]] < 2) continue;
            const auto& [same, flipped] = agree[{fb.component[w], fa.component[v]}];
            const bool flip_component = flipped > same;
            const bool switched = (fb.side[w] != fa.side[v]) != flip_component;
            if (!switched) continue;
            ++d.side_switches;
            const std::string& id = after.statement_at(v).id;
            // Sides are named as in the earlier version's two-colouring.
            const int old_side = fb.side[w];
            sides.push_back({.what = "side", .id = id, .before_label = "side " + std::to_string(old_side),
                             .after_label = "side " + std::to_string(1 - old_side), .related = merged(at_statement[id])});
        }
    }
    d.moved.insert(d.moved.end(), strengths.begin(), strengths.end());
    d.moved.insert(d.moved.end(), sides.begin(), sides.end());
    return d;
}

}  // namespace narrative
