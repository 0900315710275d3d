// SPDX-License-Identifier: MIT
// The ceasefire analysis: load the case built from the two articles, print who said what and
// when, then infer relations from the claims and print the contradictions and camps, the
// strength of each statement (DF-QuAD) and each actor's consistency and credibility.
// Usage: narrative_example_ceasefire [CASE.json]
#include <narrative/narrative.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string pad(std::string s, std::size_t width) {
    // Pads by characters, not bytes, so UTF-8 text lines up.
    std::size_t chars = 0;
    for (const unsigned char ch : s) chars += (ch & 0xC0) != 0x80 ? 1 : 0;
    if (chars < width) s.append(width - chars, ' ');
    return s;
}

std::string fixed(double x) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(3) << x;
    return out.str();
}

std::string count(std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string describe_claim(const narrative::case_model& c, const narrative::claim& cl) {
    std::string out = std::string(to_string(cl.effective_stance())) + " " + cl.proposition;
    if (cl.value) out += " = " + *cl.value;
    if (c.proposition_of(cl) == nullptr) out += " (undeclared yes/no)";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "examples/ceasefire/ceasefire.json";
    narrative::case_model c;
    try {
        c = narrative::read_case_file(path);
    } catch (const narrative::parse_error& e) {
        for (const auto& d : e.diagnostics()) std::cerr << d.to_string() << '\n';
        return 1;
    } catch (const narrative::error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }

    std::cout << (c.info().title ? *c.info().title : path) << "\n\n";

    std::cout << "Actors (" << c.actors().size() << ")\n";
    for (std::uint32_t a = 0; a < c.actors().size(); ++a) {
        const auto& who = c.actor_at(a);
        std::cout << "  " << pad(who.id, 22) << pad(count(c.statements_of(a).size(), "statement"), 15)
                  << who.display_name() << (who.group ? " [" + *who.group + "]" : "") << '\n';
    }

    std::cout << "\nStatements in time order (" << c.statement_count() << ")\n";
    std::vector<narrative::statement_index> order(c.statement_count());
    std::iota(order.begin(), order.end(), narrative::statement_index{0});
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) {
        const auto& tx = c.statement_at(x).time;
        const auto& ty = c.statement_at(y).time;
        if (tx && ty) return *tx < *ty;
        return tx.has_value() && !ty.has_value();  // undated last
    });
    for (const auto v : order) {
        const auto& s = c.statement_at(v);
        std::cout << "  " << pad(s.time ? s.time->text() : "undated", 11) << pad(s.id, 46)
                  << (s.claim ? describe_claim(c, *s.claim) : std::string("(no structured claim)")) << '\n';
    }

    std::size_t supports = 0, contradicts = 0;
    for (const auto e : c.relations())
        (c.relation_at(e).type == narrative::relation_type::supports ? supports : contradicts) += 1;
    std::cout << "\nRelations (" << c.relation_count() << ": " << supports << " supports, " << contradicts
              << " contradicts)\n";
    for (const auto e : c.relations()) {
        const auto& r = c.relation_at(e);
        const char* arrow = r.type == narrative::relation_type::supports ? " supports "
                            : r.is_mutual()                              ? " <contradicts> "
                                                                         : " contradicts ";
        std::cout << "  " << c.statement_at(c.source(e)).id << arrow << c.statement_at(c.target(e)).id;
        if (r.weight) std::cout << " (weight " << *r.weight << ")";
        std::cout << '\n';
    }

    // Relations the claims imply (same claim supports, asserts vs denies contradicts, ...).
    const auto inferred = narrative::infer_relations(c);
    std::cout << "\nInferred from the structured claims: " << inferred.added.size() << " relations, "
              << inferred.annotations.size() << " annotations (repetitions, relays)\n";
    for (std::size_t i = 0; i < inferred.relations.size(); ++i) {
        const auto e = inferred.relations[i];
        const auto& r = c.relation_at(e);
        std::cout << "  " << c.statement_at(c.source(e)).id << ' ' << to_string(r.type) << ' '
                  << c.statement_at(c.target(e)).id << "  [" << r.rule << "]\n";
    }

    std::cout << "\n"
              << narrative::format_contradictions(c, narrative::analyse_contradictions(c),
                                                  narrative::contradictions_style::table,
                                                  narrative::contradictions_detail::summary);

    const narrative::score_result strength = narrative::score(c, "df-quad");
    std::cout << "\nStatement strength (df-quad; solver " << to_string(strength.solver.method) << ", "
              << (strength.run.converged ? "converged" : "NOT converged") << ")\n";
    std::vector<narrative::statement_index> by_strength(order);
    std::stable_sort(by_strength.begin(), by_strength.end(),
                     [&](auto x, auto y) { return strength.strength[x] > strength.strength[y]; });
    for (const auto v : by_strength)
        std::cout << "  " << pad(c.statement_at(v).id, 46) << fixed(c.base_of(v)) << " -> "
                  << fixed(strength.strength[v]) << '\n';

    const auto report = narrative::actor_consistency_report(c);
    std::cout << "\nActors (credibility learned by truthfinder; - where a score is undefined)\n"
              << "  " << pad("actor", 22) << "self   evidence  credibility\n";
    const auto score_text = [](const narrative::actor_score& s) { return s.value ? fixed(*s.value) : std::string("  -  "); };
    for (const auto& a : report.actors)
        std::cout << "  " << pad(c.actor_at(a.actor).id, 22) << score_text(a.self_consistency) << "  "
                  << score_text(a.external_consistency) << "     " << score_text(a.credibility) << '\n';
    std::cout << "\nVerdicts\n";
    for (const auto& p : report.propositions)
        std::cout << "  " << pad(p.id, 38) << (p.verdict ? *p.verdict : std::string("(undecided)")) << '\n';
    return 0;
}
