// SPDX-License-Identifier: MIT
#pragma once
// Why a statement has its strength and why its claim is believed as it is (`narrative explain
// --statement`): the two numbers that belong to a statement, each with what moved it.

#include <narrative/actors/consistency.hpp>
#include <narrative/gradual/contributions.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/model/compiled_graph.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace narrative::explain {

/// One statement's contribution to the explained strength, and how it reaches it.
struct strength_contribution {
    statement_index statement = 0;
    double value = 0.0;
    std::string link{};  ///< "contradicts it", "supports it" or "through other statements"
};

/// One statement taking a stand on a value of the explained claim's proposition.
struct value_voice {
    std::string statement{};  ///< its id ("?" for an observation without a statement)
    std::string actor{};
    enum stance stance = stance::asserts;
    double credibility = 0.0;  ///< the actor's, NaN when undefined
};

/// A value of the claim's proposition with its belief and who stands for it.
struct value_belief_explained {
    std::string value{};
    double belief = 0.0;
    std::vector<value_voice> voices{};
};

/// A relation at the explained statement.
struct relation_at {
    statement_index other = 0;
    bool incoming = false;         ///< `other` → statement
    const relation* what = nullptr;  ///< in the case, which must outlive the explanation
};

/// Both numbers of a statement with their reasons.
struct statement_explanation {
    statement_index statement = 0;
    std::string semantics{};
    double base = 0.0;
    /// The strength under `semantics` (what `narrative score` gives) with every contribution,
    /// largest |value| first, and the run of its solves.
    contribution_report strength{};
    std::vector<strength_contribution> contributions{};
    std::string algorithm{};  ///< of the credibility
    std::optional<std::string> proposition{};  ///< the claim's proposition, when the statement has one with an actor
    std::vector<value_belief_explained> values{};
    std::vector<relation_at> relations{};  ///< incoming, then outgoing, in the graph's order
};

/// Explains statement `v` of `c`: its strength under `semantics` on `graph` (compiled from `c`)
/// with the contribution of every statement that reaches it (`function`), and the belief in its
/// claim from `report` (the actor report of `c`). Throws as contributions(): usage_error for a
/// statement outside the graph.
[[nodiscard]] inline statement_explanation explain_statement(const case_model& c, const consistency_report& report,
                                                             const compiled_graph& graph,
                                                             const any_gradual_semantics& semantics, statement_index v,
                                                             contribution_function function) {
    statement_explanation e{.statement = v, .semantics = std::string(semantics.name())};
    // contributions() refuses a statement outside the graph before anything is read at `v`.
    e.strength = contributions(graph, semantics, static_cast<std::uint32_t>(v), {.function = function});
    e.base = graph.base[v];
    const auto link = [&](std::uint32_t u) -> std::string {
        for (std::uint32_t q = graph.in_offsets[v]; q < graph.in_offsets[v + 1]; ++q)
            if (graph.in_source[q] == u) return q < graph.in_split[v] ? "contradicts it" : "supports it";
        return "through other statements";
    };
    for (const auto& k : e.strength.contributions)
        e.contributions.push_back({.statement = k.contributor, .value = k.value, .link = link(k.contributor)});

    const truth_problem& p = report.problem;
    e.algorithm = report.credibility.algorithm;
    std::optional<std::uint32_t> object{};
    for (const auto& ob : p.observations)
        if (ob.statement == v) object = p.claim_object[ob.claim];
    if (object) {
        e.proposition = p.object_ids[*object];
        for (std::uint32_t k = p.object_offsets[*object]; k < p.object_offsets[*object + 1]; ++k) {
            value_belief_explained value{.value = p.claim_values[k], .belief = report.credibility.belief[k], .voices = {}};
            for (const auto& ob : p.observations) {
                if (p.claim_object[ob.claim] != *object) continue;
                // Which value this observation stands for: a denial of a yes/no claim stands for "no".
                std::uint32_t target = ob.claim;
                if (ob.stance == stance::denies && p.object_yes_no[*object]) target = p.object_offsets[*object] + 1;
                if (target != k) continue;
                value.voices.push_back({.statement = ob.statement != no_statement ? c.statement_at(ob.statement).id
                                                                                  : std::string("?"),
                                        .actor = p.actor_ids[ob.actor],
                                        .stance = ob.stance,
                                        .credibility = report.credibility.credibility[ob.actor]});
            }
            e.values.push_back(std::move(value));
        }
    }
    for (auto [in, end] = boost::in_edges(v, c.graph()); in != end; ++in)
        e.relations.push_back({.other = static_cast<statement_index>(boost::source(*in, c.graph())), .incoming = true,
                               .what = &c.graph()[*in]});
    for (auto [out, end] = boost::out_edges(v, c.graph()); out != end; ++out)
        e.relations.push_back({.other = static_cast<statement_index>(boost::target(*out, c.graph())), .incoming = false,
                               .what = &c.graph()[*out]});
    return e;
}

}  // namespace narrative::explain
