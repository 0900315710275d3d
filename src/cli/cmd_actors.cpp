// SPDX-License-Identifier: MIT
// `narrative actors`: per-actor self-consistency, external consistency and credibility, and
// what the evidence believes about each proposition.

#include "actor_report.hpp"
#include "commands.hpp"

#include <algorithm>
#include <memory>
#include <sstream>

namespace narrative::cli {
namespace {

std::string pad(std::string s, std::size_t w) {
    // Pads by code points so that names with non-ASCII characters line up.
    std::size_t cps = 0;
    for (const unsigned char ch : s) cps += (ch & 0xC0) != 0x80;
    if (cps < w) s.append(w - cps, ' ');
    return s;
}

std::string render_text(const case_model& c, const consistency_report& rep, bool markdown) {
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
    out << (markdown ? "## " : "") << "Actors (credibility: " << run.algorithm << ", " << to_string(run.status)
        << ", " << run.iterations << (run.iterations == 1 ? " iteration" : " iterations") << ")\n\n";
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

}  // namespace

void register_actors(CLI::App& app) {
    auto output = std::make_shared<output_options>();
    auto options = std::make_shared<actor_report_options>();
    auto path = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("actors", "Per-actor consistency and credibility report");
    cmd->add_option("CASE", *path, "Case file (- for standard input)")->required();
    add_actor_report_options(cmd, *options);
    add_output_options(cmd, *output);
    cmd->callback([output, options, path] {
        case_model c = load_case_argument(*path);
        const auto rep = run_actor_report(c, *options, 3);
        std::string text{};
        if (output->format == "json") {
            nlohmann::ordered_json doc = {{"format", "narrative-actors/1"}, {"credibility", json_run(rep.credibility)}};
            auto actors = nlohmann::ordered_json::array();
            for (const auto& a : rep.actors) actors.push_back(json_actor(c, a));
            doc["actors"] = std::move(actors);
            auto props = nlohmann::ordered_json::array();
            for (const auto& p : rep.propositions) props.push_back(json_proposition(c, p));
            doc["propositions"] = std::move(props);
            text = doc.dump(2) + "\n";
        } else {
            text = render_text(c, rep, output->format == "markdown");
        }
        emit(*output, text);
    });
}

}  // namespace narrative::cli
