// SPDX-License-Identifier: MIT
#pragma once
// The actors report (`narrative actors`) and the explanations of an actor's scores and of a
// proposition's verdict (`narrative explain --actor`, `--proposition`) as text, Markdown or JSON.

#include <narrative/actors/consistency.hpp>
#include <narrative/explain/statement_explanation.hpp>
#include <narrative/model/case_model.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace narrative::report {
namespace detail {

inline nlohmann::ordered_json json_number(double x) {
    return std::isfinite(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(nullptr);
}

inline nlohmann::ordered_json json_score(const actor_score& s) {
    return s.value ? nlohmann::ordered_json(*s.value) : nlohmann::ordered_json(nullptr);
}

/// A relation named by its endpoints, with its provenance and note.
inline nlohmann::ordered_json json_relation(const case_model& c, std::uint32_t index) {
    const relation_handle e = c.relations()[index];
    const relation& r = c.relation_at(e);
    nlohmann::ordered_json j = {{"from", c.statement_at(c.source(e)).id}, {"to", c.statement_at(c.target(e)).id},
                                {"type", std::string(to_string(r.type))},
                                {"provenance", std::string(to_string(r.provenance))}};
    if (!r.rule.empty()) j["rule"] = r.rule;
    if (r.note) j["note"] = *r.note;
    return j;
}

/// The source of a statement, when it has one, under "source".
inline void put_source(nlohmann::ordered_json& j, const statement& s) {
    if (s.source) j["source"] = *s.source;
}

inline nlohmann::ordered_json json_items(const case_model& c, const std::vector<explanation_item>& items) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& it : items) {
        nlohmann::ordered_json j = {{"kind", std::string(to_string(it.kind))},
                                    {"statement", c.statement_at(it.statement).id}};
        put_source(j, c.statement_at(it.statement));
        if (it.other) j["other"] = c.statement_at(*it.other).id;
        auto rels = nlohmann::ordered_json::array();
        for (const auto index : it.relations) rels.push_back(json_relation(c, index));
        j["relations"] = std::move(rels);
        j["value"] = json_number(it.value);
        j["effect"] = json_number(it.effect);
        j["detail"] = it.detail;
        out.push_back(std::move(j));
    }
    return out;
}

/// A credibility run as the actors and explain documents carry it (`last_change` is the run's
/// residual).
inline nlohmann::ordered_json json_run(const credibility_result& r) {
    return {{"algorithm", r.algorithm}, {"status", std::string(to_string(r.run.status))},
            {"converged", r.run.converged}, {"iterations", r.run.iterations}, {"last_change", json_number(r.run.residual)}};
}

/// One actor as JSON: scores (null with a `<score>_reason` when undefined) and explanations.
inline nlohmann::ordered_json json_actor(const case_model& c, const actor_consistency& a) {
    const actor& who = c.actor_at(a.actor);
    nlohmann::ordered_json j = {{"id", who.id}, {"name", who.display_name()}, {"statements", a.statements},
                                {"positions", a.positions}};
    auto score = [&](const char* key, const actor_score& s) {
        j[key] = json_score(s);
        if (!s.value) j[std::string(key) + "_reason"] = s.reason;
    };
    score("self_consistency", a.self_consistency);
    score("external_consistency", a.external_consistency);
    score("credibility", a.credibility);
    j["explanation"] = {{"self_consistency", json_items(c, a.self_explanation)},
                        {"external_consistency", json_items(c, a.external_explanation)},
                        {"credibility", json_items(c, a.credibility_explanation)}};
    return j;
}

/// The statements behind a proposition's verdict, as evidence-em weighed them.
inline nlohmann::ordered_json json_evidence(const case_model& c, const proposition_belief& p) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& e : p.evidence) {
        const statement& s = c.statement_at(e.statement);
        nlohmann::ordered_json j = {{"statement", s.id}, {"actor", c.actor_at(e.actor).id},
                                    {"value", e.value}, {"against", e.against},
                                    {"role", std::string(to_string(e.role))}, {"weight", json_number(e.weight)},
                                    {"evidence", std::string(to_string(s.effective_evidence()))},
                                    {"interest", std::string(interest_label(s.interest))},
                                    {"log_actor", json_number(e.log_actor)}, {"log_evidence", json_number(e.log_evidence)},
                                    {"log_interest", json_number(e.log_interest)}, {"dependence", json_number(e.dependence)}};
        j["depends_on"] = e.depends_on ? nlohmann::ordered_json(c.statement_at(*e.depends_on).id) : nlohmann::ordered_json(nullptr);
        if (e.depends_on) j["same_group"] = e.same_group;
        j["superseded_by"] = e.superseded_by ? nlohmann::ordered_json(c.statement_at(*e.superseded_by).id) : nlohmann::ordered_json(nullptr);
        if (s.time) j["time"] = s.time->text();
        put_source(j, s);
        out.push_back(std::move(j));
    }
    return out;
}

/// One proposition as JSON: values with beliefs, the verdict, and (evidence-em) the evidence.
inline nlohmann::ordered_json json_proposition(const case_model& c, const proposition_belief& p) {
    auto values = nlohmann::ordered_json::array();
    for (const auto& v : p.values) values.push_back({{"value", v.value}, {"belief", json_number(v.belief)}});
    nlohmann::ordered_json j = {{"id", p.id}, {"values", std::move(values)},
                                {"verdict", p.verdict ? nlohmann::ordered_json(*p.verdict) : nlohmann::ordered_json(nullptr)}};
    if (!p.evidence.empty()) j["evidence"] = json_evidence(c, p);
    return j;
}

inline std::string format_score(const actor_score& s) {
    if (!s.value) return "-";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", *s.value);
    return buf;
}

inline std::string fixed3(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    return buf;
}

inline std::string pad(std::string s, std::size_t w) {
    // Pads by code points so that names with non-ASCII characters line up.
    std::size_t cps = 0;
    for (const unsigned char ch : s) cps += (ch & 0xC0) != 0x80;
    if (cps < w) s.append(w - cps, ' ');
    return s;
}

}  // namespace detail

/// The `narrative-actors/1` document: the credibility run, every actor with its scores and
/// explanations, every proposition with its beliefs, verdict and evidence.
[[nodiscard]] inline std::string actors_json(const case_model& c, const consistency_report& rep) {
    using namespace detail;
    nlohmann::ordered_json doc = {{"format", "narrative-actors/1"}, {"credibility", json_run(rep.credibility)}};
    auto actors = nlohmann::ordered_json::array();
    for (const auto& a : rep.actors) actors.push_back(json_actor(c, a));
    doc["actors"] = std::move(actors);
    auto props = nlohmann::ordered_json::array();
    for (const auto& p : rep.propositions) props.push_back(json_proposition(c, p));
    doc["propositions"] = std::move(props);
    return doc.dump(2) + "\n";
}

/// The actors report as text (or Markdown when `markdown`): actors ranked by external
/// consistency, tensions within actors, the most contradicted, propositions, undefined scores.
[[nodiscard]] inline std::string actors_text(const case_model& c, const consistency_report& rep, bool markdown) {
    using namespace detail;
    std::ostringstream out;
    const auto& run = rep.credibility;
    // Rank by external consistency (undefined last), then credibility.
    std::vector<const actor_consistency*> order{};
    for (const auto& a : rep.actors) order.push_back(&a);
    auto key = [](const actor_score& s) { return s.value.value_or(-1.0); };
    std::stable_sort(order.begin(), order.end(), [&](const auto* x, const auto* y) {
        if (key(x->external_consistency) != key(y->external_consistency))
            return key(x->external_consistency) > key(y->external_consistency);
        return key(x->credibility) > key(y->credibility);
    });
    out << (markdown ? "## " : "") << "Actors (credibility: " << run.algorithm << ", " << to_string(run.run.status)
        << ", " << run.run.iterations << (run.run.iterations == 1 ? " iteration" : " iterations") << ")\n\n";
    if (markdown) {
        out << "| actor | statements | self-consistency | external consistency | credibility |\n"
               "| --- | ---: | ---: | ---: | ---: |\n";
        for (const auto* a : order)
            out << "| " << c.actor_at(a->actor).id << " | " << a->statements << " | " << format_score(a->self_consistency)
                << " | " << format_score(a->external_consistency) << " | " << format_score(a->credibility) << " |\n";
    } else {
        std::size_t w = 5;
        for (const auto* a : order) w = std::max(w, c.actor_at(a->actor).id.size());
        out << "  " << pad("actor", w) << "  statements  self  external  credibility\n";
        for (const auto* a : order) {
            out << "  " << pad(c.actor_at(a->actor).id, w) << "  " << pad(std::to_string(a->statements), 10) << "  "
                << pad(format_score(a->self_consistency), 5) << " " << pad(format_score(a->external_consistency), 8)
                << "  " << format_score(a->credibility) << '\n';
        }
    }
    out << "\n" << (markdown ? "## " : "") << "Tensions within actors\n\n";
    bool any = false;
    for (const auto& a : rep.actors)
        for (const auto& it : a.self_explanation) {
            out << (markdown ? "- " : "  ") << c.actor_at(a.actor).id << ": " << it.detail << '\n';
            any = true;
        }
    if (!any) out << (markdown ? "- " : "  ") << "none\n";
    out << "\n" << (markdown ? "## " : "") << "Most contradicted by the evidence\n\n";
    any = false;
    for (const auto* a : order) {
        if (!a->external_consistency.value || *a->external_consistency.value >= 0.5) continue;
        for (const auto& it : a->external_explanation)
            if (it.effect < 0.0) {
                out << (markdown ? "- " : "  ") << c.actor_at(a->actor).id << ": " << it.detail << '\n';
                any = true;
            }
    }
    if (!any) out << (markdown ? "- " : "  ") << "no actor below 0.5\n";
    out << "\n" << (markdown ? "## " : "") << "Propositions\n\n";
    for (const auto& p : rep.propositions) {
        out << (markdown ? "- `" : "  ") << p.id << (markdown ? "`" : "") << ": ";
        for (std::size_t i = 0; i < p.values.size(); ++i) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.3f", p.values[i].belief);
            out << (i ? ", " : "") << p.values[i].value << " " << buf;
        }
        out << "  → " << (p.verdict ? *p.verdict : std::string("no verdict")) << '\n';
        // The strongest counted statements on each side (evidence-em).
        std::size_t shown = 0;
        for (const auto& e : p.evidence) {
            if (e.role != vote_role::counted || shown == 3) break;
            out << (markdown ? "  - " : "      ") << c.statement_at(e.statement).id << " (" << (e.against ? "against " : "")
                << e.value << ", weight " << format_score({.value = e.weight, .reason = {}}) << ")\n";
            ++shown;
        }
    }
    out << "\nUndefined scores (-):\n";
    any = false;
    for (const auto& a : rep.actors) {
        auto line = [&](const char* what, const actor_score& s) {
            if (s.value) return;
            out << "  " << c.actor_at(a.actor).id << " " << what << ": " << s.reason << '\n';
            any = true;
        };
        line("self-consistency", a.self_consistency);
        line("external consistency", a.external_consistency);
        line("credibility", a.credibility);
    }
    if (!any) out << "  none\n";
    return out.str();
}

namespace detail {

// The text and source of a cited statement, indented under its line.
inline void cited(std::ostringstream& out, const case_model& c, statement_index v, const char* indent) {
    const statement& s = c.statement_at(v);
    if (s.text) out << indent << "\"" << *s.text << "\"\n";
    if (s.source) out << indent << "source: " << *s.source << '\n';
}

}  // namespace detail

/// Why a proposition has its verdict (`narrative explain --proposition`): the beliefs, then each
/// statement behind them with the log-odds it adds (evidence-em) or its claim.
[[nodiscard]] inline std::string proposition_explanation_text(const case_model& c, const consistency_report& rep,
                                                              const proposition_belief& p) {
    using namespace detail;
    std::ostringstream out;
    out << "proposition " << p.id;
    if (const auto index = c.find_proposition(p.id); index && c.propositions()[*index].text)
        out << ": " << *c.propositions()[*index].text;
    out << "\nbeliefs (" << rep.credibility.algorithm << "):";
    for (const auto& v : p.values) out << ' ' << v.value << ' ' << fixed3(v.belief);
    out << "\nverdict: " << (p.verdict ? *p.verdict : std::string("none (a tie or no evidence)")) << "\n\n";
    if (p.evidence.empty()) {
        out << "the statements behind it (" << rep.credibility.algorithm << " does not weigh single statements):\n";
        for (const auto& ob : rep.problem.observations) {
            if (ob.statement == no_statement || rep.problem.object_ids[rep.problem.claim_object[ob.claim]] != p.id) continue;
            out << "  " << narrative::detail::statement_label(c, ob.statement) << " by " << rep.problem.actor_ids[ob.actor] << ": "
                << narrative::detail::claim_label(c.statement_at(ob.statement)) << '\n';
            cited(out, c, ob.statement, "      ");
        }
        return out.str();
    }
    out << "log-odds each statement adds to the value it speaks for: dependence x (actor accuracy term + evidence + "
           "interest); P(value) = exp(sum) / sum over values\n";
    for (const auto& e : p.evidence) {
        out << "  " << e.detail << '\n';
        cited(out, c, e.statement, "      ");
    }
    return out.str();
}

/// Why an actor has its scores (`narrative explain --actor`): each score with the items behind
/// it, their statements, sources and relations.
[[nodiscard]] inline std::string actor_explanation_text(const case_model& c, const consistency_report& rep,
                                                        const actor_consistency& a) {
    using namespace detail;
    std::ostringstream out;
    const actor& who = c.actor_at(a.actor);
    out << who.display_name() << " (" << who.id << "): " << a.statements << " statements, " << a.positions
        << " distinct positions; credibility algorithm " << rep.credibility.algorithm << "\n\n";
    auto section = [&](const char* title, const actor_score& s, const std::vector<explanation_item>& items,
                       const char* how) {
        out << title << ": " << (s.value ? fixed3(*s.value) : "undefined (" + s.reason + ")") << '\n';
        if (s.value) out << "  " << how << '\n';
        for (const auto& it : items) {
            out << "  " << (it.effect >= 0 ? "+" : "") << fixed3(it.effect) << "  " << it.detail << '\n';
            cited(out, c, it.statement, "         ");
            for (const auto index : it.relations) {
                const relation_handle e = c.relations()[index];
                const relation& r = c.relation_at(e);
                out << "         relation " << c.statement_at(c.source(e)).id << " " << to_string(r.type) << " "
                    << c.statement_at(c.target(e)).id << " (" << to_string(r.provenance)
                    << (r.rule.empty() ? "" : " by " + r.rule) << ")" << (r.note ? ": " + *r.note : std::string{}) << '\n';
            }
        }
        if (s.value && items.empty()) out << "  nothing moved it from its neutral value\n";
        out << '\n';
    };
    section("self-consistency", a.self_consistency, a.self_explanation,
            "1 minus the mean over positions of the heaviest own tension (position shifts count half):");
    section("external consistency", a.external_consistency, a.external_explanation,
            "mean agreement of each position with the belief in its claim and in the statements related to it:");
    section("credibility", a.credibility, a.credibility_explanation,
            "learned with the beliefs; the actor's claims and how far the evidence believes them:");
    return out.str();
}

/// The `narrative-explain/1` document of an actor or a proposition: the credibility run and the
/// item as in the actors document.
[[nodiscard]] inline std::string actor_explanation_json(const case_model& c, const consistency_report& rep,
                                                        const actor_consistency& a) {
    const nlohmann::ordered_json doc = {{"format", "narrative-explain/1"}, {"credibility", detail::json_run(rep.credibility)},
                                        {"actor", detail::json_actor(c, a)}};
    return doc.dump(2) + "\n";
}
[[nodiscard]] inline std::string proposition_explanation_json(const case_model& c, const consistency_report& rep,
                                                              const proposition_belief& p) {
    const nlohmann::ordered_json doc = {{"format", "narrative-explain/1"}, {"credibility", detail::json_run(rep.credibility)},
                                        {"proposition", detail::json_proposition(c, p)}};
    return doc.dump(2) + "\n";
}

/// Why a statement has its strength and its claim's belief (`narrative explain --statement`),
/// as text: the strength with the 10 largest contributions, the belief of each value with who
/// stands for it, the relations at the statement.
[[nodiscard]] inline std::string statement_explanation_text(const case_model& c,
                                                            const explain::statement_explanation& e) {
    using namespace detail;
    std::ostringstream out;
    const statement& st = c.statement_at(e.statement);
    out << st.id << (st.actor ? " by " + *st.actor : std::string(" (anonymous)"))
        << (st.time ? ", " + st.time->text() : std::string{}) << '\n';
    if (st.text) out << "  \"" << *st.text << "\"\n";
    out << "  claim: " << narrative::detail::claim_label(st) << "\n\n";
    // Two numbers belong to a statement: its strength (narrative score) and the belief in its
    // claim (truth discovery). The strength first, with what moved it.
    out << "strength under " << e.semantics << ": " << fixed3(e.strength.strength) << " (base " << fixed3(e.base)
        << "; the number `narrative score --semantics " << e.semantics << "` gives)\n";
    for (const auto& w : e.strength.run.warnings) out << "  warning: " << w << '\n';
    constexpr std::size_t shown = 10;
    if (e.contributions.empty()) {
        out << "  no statement bears on it: the strength is its base score\n\n";
    } else {
        const contribution_function function = e.strength.function;
        out << "  contributions (" << to_string(function)
            << (function == contribution_function::removal ? ": strength minus strength without the statement"
                                                           : ": change of strength per unit of the statement's base score")
            << "), largest first:\n";
        for (std::size_t i = 0; i < e.contributions.size() && i < shown; ++i) {
            const auto& k = e.contributions[i];
            std::string shown_value = fixed3(k.value);
            if (shown_value == "-0.000" || shown_value == "0.000") shown_value = " 0.000";
            if (shown_value != " 0.000" && k.value > 0) shown_value = "+" + shown_value;
            out << "  " << shown_value << "  " << c.statement_at(k.statement).id << " (" << k.link << ")\n";
        }
        if (e.contributions.size() > shown)
            out << "  ... and " << e.contributions.size() - shown << " more (--format json lists them all)\n";
        out << '\n';
    }
    if (e.proposition) {
        out << "belief in " << *e.proposition << " (" << e.algorithm << "):\n";
        for (const auto& value : e.values) {
            out << "  " << value.value << ": " << fixed3(value.belief) << '\n';
            for (const auto& voice : value.voices)
                out << "    " << to_string(voice.stance) << " by " << voice.actor << " (" << voice.statement
                    << ", credibility "
                    << (std::isfinite(voice.credibility) ? fixed3(voice.credibility) : std::string("undefined")) << ")\n";
        }
    } else {
        out << "no claim with an actor: not part of truth discovery\n";
    }
    out << "\nrelations:\n";
    for (const auto& at : e.relations) {
        const relation& r = *at.what;
        const std::string dir = at.incoming ? (r.type == relation_type::supports ? "supported by " : "contradicted by ")
                                            : (r.type == relation_type::supports ? "supports " : "contradicts ");
        out << "  " << dir << c.statement_at(at.other).id << " (weight " << fixed3(r.effective_weight()) << ", "
            << to_string(r.provenance) << (r.rule.empty() ? "" : " by " + r.rule) << ")\n";
    }
    if (e.relations.empty()) out << "  none\n";
    return out.str();
}

/// The `narrative-explain/1` document of a statement: the credibility run of `report`, then the
/// statement with its strength and every contribution, the values of its claim's proposition
/// with who stands for each, and its relations.
[[nodiscard]] inline std::string statement_explanation_json(const case_model& c, const consistency_report& report,
                                                            const explain::statement_explanation& e) {
    using namespace detail;
    using json = nlohmann::ordered_json;
    const statement& st = c.statement_at(e.statement);
    json doc = {{"format", "narrative-explain/1"}, {"credibility", json_run(report.credibility)}};
    json js = {{"id", st.id}, {"actor", st.actor ? json(*st.actor) : json(nullptr)}};
    js["claim"] = narrative::detail::claim_label(st);
    auto listed = json::array();
    for (const auto& k : e.contributions)
        listed.push_back({{"statement", c.statement_at(k.statement).id}, {"value", json_number(k.value)}, {"link", k.link}});
    js["strength"] = {{"semantics", e.semantics},
                      {"value", json_number(e.strength.strength)},
                      {"base", json_number(e.base)},
                      {"converged", e.strength.run.converged},
                      {"contribution", std::string(to_string(e.strength.function))},
                      {"contributions", std::move(listed)}};
    if (e.proposition) {
        auto values = json::array();
        for (const auto& value : e.values) {
            auto who = json::array();
            for (const auto& voice : value.voices)
                who.push_back({{"statement", voice.statement}, {"actor", voice.actor},
                               {"stance", std::string(to_string(voice.stance))},
                               {"credibility", json_number(voice.credibility)}});
            values.push_back({{"value", value.value}, {"belief", json_number(value.belief)}, {"statements", std::move(who)}});
        }
        js["values"] = std::move(values);
    }
    auto rels = json::array();
    for (const auto& at : e.relations) {
        const relation& r = *at.what;
        rels.push_back({{"relation", r.index}, {"direction", at.incoming ? "in" : "out"},
                        {"type", std::string(to_string(r.type))}, {"other", c.statement_at(at.other).id},
                        {"weight", r.effective_weight()}, {"provenance", std::string(to_string(r.provenance))}});
    }
    js["relations"] = std::move(rels);
    doc["statement"] = std::move(js);
    return doc.dump(2) + "\n";
}

}  // namespace narrative::report
