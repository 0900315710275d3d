// SPDX-License-Identifier: MIT
#pragma once
// The counts that summarise a case.

#include <narrative/model/case_model.hpp>
#include <narrative/model/time.hpp>

#include <cstddef>
#include <optional>

namespace narrative {

/// What a case holds, as `narrative check` summarises it.
struct case_summary {
    std::size_t actors = 0, propositions = 0, statements = 0, relations = 0;
    std::size_t supports = 0, contradicts = 0, mutual = 0, claims = 0, timed = 0;
    std::optional<time_point> first{}, last{};
};

/// Counts of actors, propositions, statements (with a claim, dated) and relations (by type,
/// mutual), and the first and last statement times. Complexity: O(statements + relations).
[[nodiscard]] inline case_summary summarise_case(const case_model& c) {
    case_summary n{.actors = c.actors().size(), .propositions = c.propositions().size(),
                  .statements = c.statement_count(), .relations = c.relation_count()};
    for (const auto e : c.relations()) {
        const relation& r = c.relation_at(e);
        (r.type == relation_type::supports ? n.supports : n.contradicts) += 1;
        n.mutual += r.is_mutual() ? 1 : 0;
    }
    for (statement_index v = 0; v < c.statement_count(); ++v) {
        const statement& s = c.statement_at(v);
        n.claims += s.claim ? 1 : 0;
        if (!s.time) continue;
        ++n.timed;
        if (!n.first || *s.time < *n.first) n.first = s.time;
        if (!n.last || *n.last < *s.time) n.last = s.time;
    }
    return n;
}

}  // namespace narrative
